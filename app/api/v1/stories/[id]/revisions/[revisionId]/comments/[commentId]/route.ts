import { NextResponse } from "next/server";
import { ZResolveComment } from "@/lib/schemas/review";
import { readJson, withUser } from "@/lib/server/http";
import { setCommentResolved } from "@/lib/server/services/comment-on-revision";
import { assertRevisionOfStory } from "@/lib/server/stories/revision-of-story";

/** `{ resolved: boolean }` */
export const PATCH = withUser<{ id: string; revisionId: string; commentId: string }>(async (request, user, params) => {
  await assertRevisionOfStory(params.id, params.revisionId);
  const { resolved } = ZResolveComment.parse(await readJson(request));
  await setCommentResolved({ actor: user, revisionId: params.revisionId, commentId: params.commentId, resolved });
  return NextResponse.json({ resolved });
});
