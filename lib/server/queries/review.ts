import "server-only";
import { diffRevisions } from "@/lib/domain/diff";
import { canResolveComment } from "@/lib/domain/policy";
import { availableTransitions } from "@/lib/domain/workflow";
import type { TReviewComment, TStoryReview } from "@/lib/schemas/review";
import type { CurrentUser } from "../auth";
import { db } from "../db";
import { loadDocument } from "../stories/document-store";
import { evaluateChecklist, readRevisionForReview, requiredApprovals } from "../stories/revision-review";

/**
 * The review of a story's current revision: the fact-by-fact diff against the last published
 * revision (everything is new when there is none), the publish checklist, the decisions made,
 * and what the user may do now.
 */
export async function reviewForStory(storyId: string, user: CurrentUser): Promise<TStoryReview | null> {
  const story = await db.story.findUnique({
    where: { id: storyId },
    select: { id: true, slug: true, ownerId: true, liveRevisionId: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
  });
  const current = story?.revisions[0];
  if (!story || !current) return null;
  // One snapshot for all the reads, without locking anything.
  return db.$transaction(async (tx) => {
    const { revision, facts, approvals } = await readRevisionForReview(tx, current.id);
    const required = await requiredApprovals(tx);
    const { document, checklist } = await evaluateChecklist(tx, revision, facts, approvals, required);
    const full = await tx.storyRevision.findUniqueOrThrow({ where: { id: current.id }, select: { number: true, correctionNote: true } });
    const baseline = await tx.storyRevision.findFirst({
      where: { storyId, state: "PUBLISHED", number: { lt: full.number } },
      orderBy: { number: "desc" },
      select: { id: true, number: true },
    });
    const diff = diffRevisions(baseline ? await loadDocument(tx, baseline.id) : null, document);
    const decisions = await tx.reviewDecision.findMany({
      where: { revisionId: current.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, verdict: true, summary: true, contentVersion: true, createdAt: true, reviewer: { select: { name: true } } },
    });
    const wires = await tx.storyWire.findMany({ where: { storyId }, orderBy: [{ addedAt: "asc" }, { wireStoryId: "asc" }], select: { wireStory: { select: { id: true, agency: true, headline: true } } } });
    const transitions = availableTransitions({ actor: user, revision: facts, approvals, requiredApprovals: required, checklist }).filter(
      (name) => name !== "edit" && (name !== "unpublish" || story.liveRevisionId !== null),
    );
    return {
      story: { id: story.id, slug: story.slug, ownerId: story.ownerId, live: story.liveRevisionId !== null },
      revision: { id: current.id, number: full.number, state: revision.state, contentVersion: revision.contentVersion, correctionNote: full.correctionNote },
      baseline: baseline ? { revisionId: baseline.id, number: baseline.number } : null,
      diff,
      checklist,
      decisions: decisions.map((decision) => ({
        id: decision.id,
        reviewerName: decision.reviewer.name,
        verdict: decision.verdict,
        summary: decision.summary,
        contentVersion: decision.contentVersion,
        createdAt: decision.createdAt.toISOString(),
      })),
      transitions,
      wires: wires.map(({ wireStory }) => wireStory),
    };
  }, { isolationLevel: "RepeatableRead" });
}

/**
 * A revision's comments and replies, oldest first, as the review page and the API show them;
 * `canResolve` says whether `user` may resolve each one (the rule setCommentResolved enforces).
 */
export async function listComments(revisionId: string, user: CurrentUser): Promise<TReviewComment[]> {
  const rows = await db.reviewComment.findMany({
    where: { revisionId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      factId: true,
      rangeStart: true,
      rangeEnd: true,
      parentId: true,
      body: true,
      blocking: true,
      resolvedAt: true,
      createdAt: true,
      authorId: true,
      author: { select: { name: true } },
    },
  });
  return rows.map(({ author, authorId, createdAt, resolvedAt, ...comment }) => ({
    ...comment,
    authorName: author.name,
    createdAt: createdAt.toISOString(),
    resolvedAt: resolvedAt?.toISOString() ?? null,
    canResolve: canResolveComment(user, { authorId, blocking: comment.blocking }),
  }));
}
