import "server-only";
import { AppError } from "@/lib/domain/errors";
import { publicationEvent } from "@/lib/domain/subscribers";
import { assertTransition } from "@/lib/domain/workflow";
import { ZPublish } from "@/lib/schemas/review";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { notifyReviewEvent } from "../notifications";
import { applyPublicCacheExpiries, expirePublicStory } from "../public-cache";
import { queueDeliveries } from "../subscribers/queue-deliveries";
import { followHeadline } from "../stories/slugs";
import { appendStoryEvent } from "../stories/story-events";
import { evaluateChecklist, lockRevisionForReview, requiredApprovals } from "../stories/revision-review";

export interface PublishRevisionOptions {
  actor: CurrentUser;
  revisionId: string;
  input: unknown;
}

/**
 * Publishes an approved revision. The checklist is evaluated again here, on the locked
 * revision, in the transaction that publishes: an edit racing the publish either lands first
 * (and the content version no longer matches the approval, so publishing is refused) or waits
 * for the lock and then finds the revision published (and is refused). The revision readers
 * saw before stays in the database, immutable; the story's live pointer moves.
 */
export async function publishRevision({ actor, revisionId, input }: PublishRevisionOptions) {
  const { contentVersion } = ZPublish.parse(input);
  const published = await withAudit(actor, async (tx, audit) => {
    const { revision, facts, approvals } = await lockRevisionForReview(tx, revisionId);
    if (revision.contentVersion !== contentVersion) throw new AppError("CONFLICT", "The revision changed since it was checked; look at it again before publishing.");
    const required = await requiredApprovals(tx);
    const { checklist } = await evaluateChecklist(tx, revision, facts, approvals, required);
    assertTransition({ actor, transition: "publish", revision: facts, approvals, requiredApprovals: required, checklist });
    const now = new Date();
    await tx.storyRevision.update({ where: { id: revisionId }, data: { state: "PUBLISHED", publishedAt: now, publishedById: actor.id } });
    await tx.story.update({ where: { id: revision.storyId }, data: { liveRevisionId: revisionId } });
    const { headline, correctionNote } = await tx.storyRevision.findUniqueOrThrow({ where: { id: revisionId }, select: { headline: true, correctionNote: true } });
    // The public address follows the published headline; the old one keeps redirecting.
    const story = await tx.story.findUniqueOrThrow({ where: { id: revision.storyId }, select: { id: true, slug: true } });
    const slug = await followHeadline(tx, story, headline);
    audit({
      action: "story.publish",
      subjectType: "Story",
      subjectId: revision.storyId,
      revisionId,
      data: { contentVersion, replaced: revision.story.liveRevisionId, ...(slug !== story.slug ? { slug, formerSlug: story.slug } : {}) },
    });
    await notifyReviewEvent(tx, { kind: "published", storyId: revision.storyId, revisionId, actorId: actor.id, actorName: actor.name, headline, ownerId: facts.ownerId });
    await appendStoryEvent(tx, { storyId: revision.storyId, revisionId, actorId: actor.id, kind: "review.publish", operation: { touched: [], state: "PUBLISHED" } });
    await expirePublicStory(tx, revision.storyId);
    await queueDeliveries(tx, { storyId: revision.storyId, revisionId, event: publicationEvent(correctionNote) });
    return { publishedAt: now, checklist, slug };
  });
  await applyPublicCacheExpiries();
  return published;
}
