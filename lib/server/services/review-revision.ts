import "server-only";
import { AppError } from "@/lib/domain/errors";
import { assertTransition } from "@/lib/domain/workflow";
import { ZReviewDecision } from "@/lib/schemas/review";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { notifyReviewEvent } from "../notifications";
import { appendStoryEvent } from "../stories/story-events";
import { lockRevisionForReview, requiredApprovals } from "../stories/revision-review";

export interface ReviewRevisionOptions {
  actor: CurrentUser;
  revisionId: string;
  input: unknown;
}

/**
 * Moves a revision through review: submit (or resubmit), approve, or request changes. Each
 * decision is recorded with the exact content version it applies to, and audited, in the same
 * transaction that changes the state.
 */
export async function reviewRevision({ actor, revisionId, input }: ReviewRevisionOptions) {
  const { transition, contentVersion, summary } = ZReviewDecision.parse(input);
  return withAudit(actor, async (tx, audit) => {
    const { revision, facts, approvals } = await lockRevisionForReview(tx, revisionId);
    if (revision.contentVersion !== contentVersion) {
      throw new AppError("CONFLICT", "The revision changed since you looked at it; review the current version.");
    }
    const decision = assertTransition({
      actor,
      transition,
      revision: facts,
      approvals,
      requiredApprovals: await requiredApprovals(tx),
      note: summary ?? null,
    });
    if (transition === "approve" || transition === "requestChanges") {
      await tx.reviewDecision.create({
        data: { revisionId, reviewerId: actor.id, verdict: transition === "approve" ? "APPROVE" : "REQUEST_CHANGES", summary: summary ?? null, contentVersion },
      });
    }
    const updated = await tx.storyRevision.update({ where: { id: revisionId }, data: { state: decision.nextState }, select: { state: true } });
    audit({
      action: `story.${transition}`,
      subjectType: "Story",
      subjectId: revision.storyId,
      revisionId,
      data: { from: facts.state, to: updated.state, contentVersion, ...(summary ? { summary } : {}) },
    });
    const kind = { submit: "review-requested", resubmit: "review-requested", approve: "approved", requestChanges: "changes-requested" } as const;
    const { headline } = await tx.storyRevision.findUniqueOrThrow({ where: { id: revisionId }, select: { headline: true } });
    await notifyReviewEvent(tx, { kind: kind[transition], storyId: revision.storyId, revisionId, actorId: actor.id, actorName: actor.name, headline, ownerId: facts.ownerId, summary: summary ?? null });
    await appendStoryEvent(tx, { storyId: revision.storyId, revisionId, actorId: actor.id, kind: `review.${transition}`, operation: { touched: [], state: updated.state } });
    return { state: updated.state };
  });
}
