import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, withUser } from "@/lib/server/http";
import { setCommentResolved } from "@/lib/server/services/comment-on-revision";
import { assertRevisionOfStory } from "@/lib/server/stories/revision-of-story";

/** `{ resolved: boolean }` */
export const PATCH = withUser<{ id: string; revisionId: string; commentId: string }>(async (request, user, params) => {
  await assertRevisionOfStory(params.id, params.revisionId);
  const { resolved } = z.object({ resolved: z.boolean() }).parse(await readJson(request));
  await setCommentResolved({ actor: user, revisionId: params.revisionId, commentId: params.commentId, resolved });
  return NextResponse.json({ resolved });
});
