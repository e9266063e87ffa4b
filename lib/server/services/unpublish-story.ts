import "server-only";
import { AppError } from "@/lib/domain/errors";
import { assertTransition } from "@/lib/domain/workflow";
import { ZUnpublish } from "@/lib/schemas/stories";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { applyPublicCacheExpiries, expirePublicStory } from "../public-cache";
import { queueDeliveries } from "../subscribers/queue-deliveries";
import { appendStoryEvent } from "../stories/story-events";
import { lockRevisionForReview, requiredApprovals } from "../stories/revision-review";

export interface UnpublishStoryOptions {
  actor: CurrentUser;
  storyId: string;
  input: unknown;
}

/**
 * Takes a story off the public site. The published revision itself is immutable and stays in the
 * database; the story's live pointer is cleared (so the revision reads as unpublished from then
 * on), with the reason in the audit log. Unpublishing is the workflow's `unpublish` transition of
 * the live revision, decided like every other one.
 */
export async function unpublishStory({ actor, storyId, input }: UnpublishStoryOptions) {
  assertCan(actor, "story.unpublish");
  const { reason } = ZUnpublish.parse(input);
  const result = await withAudit(actor, async (tx, audit) => {
    // The story row is locked so that an unpublish racing the publication of a next revision takes
    // down whichever revision is live when it runs, never a pointer read before that publication.
    await tx.$queryRaw`SELECT id FROM "Story" WHERE id = ${storyId} FOR UPDATE`;
    const story = await tx.story.findUnique({ where: { id: storyId }, select: { liveRevisionId: true } });
    if (!story) throw new AppError("NOT_FOUND", "No such story.");
    if (!story.liveRevisionId) throw new AppError("CONFLICT", "The story is not published.");
    const revisionId = story.liveRevisionId;
    const { facts, approvals } = await lockRevisionForReview(tx, revisionId);
    const decision = assertTransition({ actor, transition: "unpublish", revision: facts, approvals, requiredApprovals: await requiredApprovals(tx), note: reason });
    await tx.story.update({ where: { id: storyId }, data: { liveRevisionId: null } });
    audit({ action: "story.unpublish", subjectType: "Story", subjectId: storyId, revisionId, data: { reason: decision.note ?? reason } });
    await appendStoryEvent(tx, { storyId, revisionId, actorId: actor.id, kind: "review.unpublish", operation: { touched: [], state: decision.nextState } });
    await expirePublicStory(tx, storyId);
    await queueDeliveries(tx, { storyId, revisionId, event: "UNPUBLISHED" });
    return { state: decision.nextState };
  });
  // Readers of this instance stop getting the story before the unpublisher is told it is done.
  await applyPublicCacheExpiries();
  return result;
}
