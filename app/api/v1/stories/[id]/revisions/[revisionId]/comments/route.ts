import { NextResponse } from "next/server";
import { assertCan } from "@/lib/server/authorize";
import { readJson, withUser } from "@/lib/server/http";
import { listComments } from "@/lib/server/queries/review";
import { commentOnRevision } from "@/lib/server/services/comment-on-revision";
import { assertRevisionOfStory } from "@/lib/server/stories/revision-of-story";

type Params = { id: string; revisionId: string };

export const GET = withUser<Params>(async (_request, user, params) => {
  assertCan(user, "story.read");
  await assertRevisionOfStory(params.id, params.revisionId);
  return NextResponse.json({ comments: await listComments(params.revisionId, user) });
});

/** `{ body, factId?, range?: {start, end}, parentId?, blocking? }`; `@Name` or `@email` mentions notify. */
export const POST = withUser<Params>(async (request, user, params) => {
  await assertRevisionOfStory(params.id, params.revisionId);
  return NextResponse.json(await commentOnRevision({ actor: user, revisionId: params.revisionId, input: await readJson(request) }), { status: 201 });
});
