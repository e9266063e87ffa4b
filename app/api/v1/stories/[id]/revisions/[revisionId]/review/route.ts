import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/server/http";
import { reviewRevision } from "@/lib/server/services/review-revision";
import { assertRevisionOfStory } from "@/lib/server/stories/revision-of-story";

/** `{ transition: "submit"|"resubmit"|"approve"|"requestChanges", contentVersion, summary? }` */
export const POST = withUser<{ id: string; revisionId: string }>(async (request, user, params) => {
  await assertRevisionOfStory(params.id, params.revisionId);
  return NextResponse.json(await reviewRevision({ actor: user, revisionId: params.revisionId, input: await readJson(request) }));
});
