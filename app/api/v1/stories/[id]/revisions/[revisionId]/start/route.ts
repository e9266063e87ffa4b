import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/server/http";
import { startRevision } from "@/lib/server/services/start-revision";
import { assertRevisionOfStory } from "@/lib/server/stories/revision-of-story";

/** `{ transition: "startRevision" | "correct", note? }` — a new draft from a published revision. */
export const POST = withUser<{ id: string; revisionId: string }>(async (request, user, params) => {
  await assertRevisionOfStory(params.id, params.revisionId);
  return NextResponse.json(await startRevision({ actor: user, revisionId: params.revisionId, input: await readJson(request) }), { status: 201 });
});
