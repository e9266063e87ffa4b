import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/server/http";
import { publishRevision } from "@/lib/server/services/publish-revision";
import { assertRevisionOfStory } from "@/lib/server/stories/revision-of-story";

/** `{ contentVersion }` — the server re-checks the whole publish checklist in the publishing transaction. */
export const POST = withUser<{ id: string; revisionId: string }>(async (request, user, params) => {
  await assertRevisionOfStory(params.id, params.revisionId);
  return NextResponse.json(await publishRevision({ actor: user, revisionId: params.revisionId, input: await readJson(request) }));
});
