import "server-only";
import { diffRevisions } from "@/lib/domain/diff";
import { canResolveComment } from "@/lib/domain/policy";
import type { StoryDocument } from "@/lib/domain/story/types";
import { transitionChoices, type TransitionChoice } from "@/lib/domain/workflow";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TLivePublication, TReviewComment, TReviewStatus, TStoryReview } from "@/lib/schemas/review";
import type { CurrentUser } from "../auth";
import { db } from "../db";
import { loadDocument } from "../stories/document-store";
import { evaluateChecklist, liveSourceNotices, readRevisionForReview, requiredApprovals } from "../stories/revision-review";

type Tx = Prisma.TransactionClient;

/** The revision readers see, with who published it and when; null when the story is not published. */
async function livePublication(tx: Tx, story: { slug: string; liveRevisionId: string | null }): Promise<TLivePublication | null> {
  if (!story.liveRevisionId) return null;
  const live = await tx.storyRevision.findUniqueOrThrow({ where: { id: story.liveRevisionId }, select: { number: true, publishedAt: true, publishedById: true } });
  const publisher = live.publishedById ? await tx.user.findUnique({ where: { id: live.publishedById }, select: { name: true } }) : null;
  return {
    revisionNumber: live.number,
    publishedAt: live.publishedAt?.toISOString() ?? null,
    publishedByName: publisher?.name ?? null,
    publicPath: `/p/${story.slug}`,
  };
}

/**
 * Unpublishing is about the live revision, which is not the one under review once a new revision
 * has been started: decided on the live one, offered while there is one.
 */
async function unpublishChoice(tx: Tx, user: CurrentUser, liveRevisionId: string | null, currentId: string, required: number): Promise<TransitionChoice[]> {
  if (!liveRevisionId || liveRevisionId === currentId) return [];
  const live = await readRevisionForReview(tx, liveRevisionId);
  return transitionChoices({ actor: user, revision: live.facts, approvals: live.approvals, requiredApprovals: required }, ["unpublish"]);
}

/**
 * The review of a story's current revision: the fact-by-fact diff against the last published
 * revision (everything is new when there is none), the publish checklist, the decisions made,
 * and what the user may do now, with the reason for what they may not.
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
    const choices = [
      ...transitionChoices({ actor: user, revision: facts, approvals, requiredApprovals: required, checklist }),
      ...(await unpublishChoice(tx, user, story.liveRevisionId, current.id, required)),
    ];
    return {
      story: {
        id: story.id,
        slug: story.slug,
        ownerId: story.ownerId,
        headline: document.headline,
        live: story.liveRevisionId !== null,
        publication: await livePublication(tx, story),
      },
      revision: { id: current.id, number: full.number, state: facts.state, contentVersion: revision.contentVersion, correctionNote: full.correctionNote },
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
      transitions: choices.filter((choice) => choice.allowed).map((choice) => choice.transition),
      choices,
      wires: wires.map(({ wireStory }) => wireStory),
      sourceNotices: await liveSourceNotices(tx, storyId, story.liveRevisionId),
    };
  }, { isolationLevel: "RepeatableRead" });
}

/**
 * What the story workspace's header shows of the review: the state, whether this user may submit
 * the revision (or why not), and, while changes are requested, the reviewer's summary and the
 * blocking comments still open.
 */
export async function reviewStatusForStory(storyId: string, user: CurrentUser): Promise<TReviewStatus | null> {
  const story = await db.story.findUnique({
    where: { id: storyId },
    select: { slug: true, liveRevisionId: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
  });
  const current = story?.revisions[0];
  if (!story || !current) return null;
  return db.$transaction(async (tx) => {
    const { facts, approvals } = await readRevisionForReview(tx, current.id);
    const required = await requiredApprovals(tx);
    const submitting = facts.state === "DRAFT" ? "submit" : facts.state === "CHANGES_REQUESTED" ? "resubmit" : null;
    const [submit = null] = submitting ? transitionChoices({ actor: user, revision: facts, approvals, requiredApprovals: required }, [submitting]) : [];
    const latestRequest =
      facts.state === "CHANGES_REQUESTED"
        ? await tx.reviewDecision.findFirst({
            where: { revisionId: current.id, verdict: "REQUEST_CHANGES" },
            orderBy: { createdAt: "desc" },
            select: { summary: true, createdAt: true, reviewer: { select: { name: true } } },
          })
        : null;
    const blocking = await tx.reviewComment.findMany({
      where: { revisionId: current.id, parentId: null, blocking: true, resolvedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, body: true, factId: true, author: { select: { name: true } } },
    });
    const factOrder = blocking.length ? factNumbers(await loadDocument(tx, current.id)) : new Map<string, number>();
    const submitted = await tx.storyEvent.count({ where: { revisionId: current.id, kind: { in: ["review.submit", "review.resubmit"] } } });
    return {
      revisionId: current.id,
      state: facts.state,
      submit,
      inReviewFlow: submitted > 0 || facts.state !== "DRAFT",
      changesRequested: latestRequest
        ? { reviewerName: latestRequest.reviewer.name, summary: latestRequest.summary, createdAt: latestRequest.createdAt.toISOString() }
        : null,
      openBlockingComments: blocking.map((comment) => ({
        id: comment.id,
        authorName: comment.author.name,
        body: comment.body,
        factNumber: comment.factId ? (factOrder.get(comment.factId) ?? null) : null,
      })),
      publication: await livePublication(tx, story),
      sourceNotices: await liveSourceNotices(tx, storyId, story.liveRevisionId),
    };
  }, { isolationLevel: "RepeatableRead" });
}

/** Each fact's place in the story, 1-based, in reading order. */
function factNumbers(document: StoryDocument): Map<string, number> {
  return new Map(document.paragraphs.flatMap((paragraph) => paragraph.facts).map((fact, index) => [fact.id, index + 1]));
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
