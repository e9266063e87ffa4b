import "server-only";
import { AppError } from "@/lib/domain/errors";
import { ZUnpublish } from "@/lib/schemas/stories";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";

export interface UnpublishStoryOptions {
  actor: CurrentUser;
  storyId: string;
  input: unknown;
}

/**
 * Takes a story off the public site. The published revision itself is immutable and stays in the
 * database; the story's live pointer is cleared, with the reason in the audit log.
 */
export async function unpublishStory({ actor, storyId, input }: UnpublishStoryOptions) {
  assertCan(actor, "story.unpublish");
  const { reason } = ZUnpublish.parse(input);
  return withAudit(actor, async (tx, audit) => {
    await tx.$queryRaw`SELECT id FROM "Story" WHERE id = ${storyId} FOR UPDATE`;
    const story = await tx.story.findUnique({ where: { id: storyId }, select: { liveRevisionId: true } });
    if (!story) throw new AppError("NOT_FOUND", "No such story.");
    if (!story.liveRevisionId) throw new AppError("CONFLICT", "The story is not published.");
    await tx.story.update({ where: { id: storyId }, data: { liveRevisionId: null } });
    audit({ action: "story.unpublish", subjectType: "Story", subjectId: storyId, revisionId: story.liveRevisionId, data: { reason } });
  });
}
