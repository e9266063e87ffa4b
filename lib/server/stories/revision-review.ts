import "server-only";
import { isoDay } from "@/lib/domain/dates";
import { AppError } from "@/lib/domain/errors";
import { creditLine, wireLabel } from "@/lib/domain/story/credit";
import { sourceUpdates, withdrawalNotices, withdrawnFactIds } from "@/lib/domain/story/source-updates";
import { DEFAULT_REQUIRED_APPROVALS, effectiveState, isRevisionState, isValidRequiredApprovals, publishChecklist, type RevisionFacts } from "@/lib/domain/workflow";
import type { Prisma } from "@/lib/generated/prisma/client";

import { loadDocument } from "./document-store";
import { laterVersionsOf, VERSIONED_WIRE, versionedWire } from "./story-wires";

type Tx = Prisma.TransactionClient;

/**
 * A revision as the workflow decides on it, read under a row lock so that the decision and the
 * change it allows happen against the same state (an edit can't slip in between).
 */
export async function lockRevisionForReview(tx: Tx, revisionId: string) {
  await tx.$queryRaw`SELECT id FROM "StoryRevision" WHERE id = ${revisionId} FOR UPDATE`;
  return readRevisionForReview(tx, revisionId);
}

/** The same, for showing it: no lock, so opening the review page never waits for (or holds up) an edit. */
export async function readRevisionForReview(tx: Tx, revisionId: string) {
  const revision = await tx.storyRevision.findUnique({
    where: { id: revisionId },
    select: {
      id: true, storyId: true, number: true, state: true, contentVersion: true, correctionNote: true, createdById: true,
      story: { select: { ownerId: true, liveRevisionId: true } },
      reviews: { where: { verdict: "APPROVE" }, select: { reviewerId: true, contentVersion: true } },
    },
  });
  if (!revision || !isRevisionState(revision.state)) throw new AppError("NOT_FOUND", "No such story revision.");
  // Editors are those who changed the content: review decisions and added wires are not edits.
  const editors = await tx.storyEvent.findMany({
    where: { revisionId, NOT: [{ kind: { startsWith: "review." } }, { kind: { in: ["story.create", "wires.add"] } }] },
    distinct: ["actorId"],
    select: { actorId: true },
  });
  // A published revision stays PUBLISHED in the database for good; whether it is still the one
  // readers see decides what may happen to it (unpublish it, or start again from it).
  const isLive = revision.story.liveRevisionId === revision.id;
  const publishedLater =
    revision.state === "PUBLISHED" && !isLive
      ? (await tx.storyRevision.count({ where: { storyId: revision.storyId, state: "PUBLISHED", number: { gt: revision.number } } })) > 0
      : false;
  const facts: RevisionFacts = {
    state: effectiveState(revision.state, { isLive, publishedLater }),
    ownerId: revision.story.ownerId,
    contentVersion: revision.contentVersion,
    editorIds: [...new Set([revision.createdById, ...editors.map((editor) => editor.actorId)])],
    correctionNote: revision.correctionNote,
  };
  return { revision, facts, approvals: revision.reviews };
}

export async function requiredApprovals(tx: Tx): Promise<number> {
  const setting = await tx.setting.findUnique({ where: { key: "requiredApprovals" } });
  return isValidRequiredApprovals(setting?.value) ? (setting!.value as number) : DEFAULT_REQUIRED_APPROVALS;
}

/** The publish checklist of a revision as it stands, the same for the review page and for publishing. */
export async function evaluateChecklist(
  tx: Tx,
  revision: { id: string; storyId: string; contentVersion: number },
  facts: RevisionFacts,
  approvals: readonly { reviewerId: string; contentVersion: number }[],
  required: number,
) {
  const document = await loadDocument(tx, revision.id);
  const wires = await tx.storyWire.findMany({
    where: { storyId: revision.storyId },
    select: { wireStory: { select: { ...VERSIONED_WIRE, agency: true, headline: true, storyDate: true } } },
  });
  const later = await laterVersionsOf(tx, wires.map(({ wireStory }) => wireStory), VERSIONED_WIRE);
  const updates = sourceUpdates(document, [...wires.map(({ wireStory }) => wireStory), ...later].map(versionedWire));
  const checklist = publishChecklist({
    document,
    comments: (await tx.reviewComment.findMany({ where: { revisionId: revision.id, parentId: null }, select: { id: true, blocking: true, resolvedAt: true } })).map(
      (comment) => ({ id: comment.id, blocking: comment.blocking, resolved: comment.resolvedAt !== null }),
    ),
    approvals,
    requiredApprovals: required,
    contentVersion: revision.contentVersion,
    creditLine: creditLine(
      document,
      wires.map(({ wireStory }) => ({ id: wireStory.id, agency: wireStory.agency, headline: wireStory.headline, date: isoDay(wireStory.storyDate) })),
    ),
    withdrawnFactIds: withdrawnFactIds(updates),
    ownerId: facts.ownerId,
    editorIds: facts.editorIds,
  });
  return { document, checklist };
}

/**
 * What readers of a published story should no longer take on its sources' word: one line per
 * wire version the agency has since corrected, withheld or killed, with the facts resting on it
 * ("AP 1 was killed (v2, …): facts 3, 7 rest on it only"). Empty when nothing is published.
 */
export async function liveSourceNotices(tx: Tx, storyId: string, liveRevisionId: string | null): Promise<string[]> {
  if (!liveRevisionId) return [];
  const document = await loadDocument(tx, liveRevisionId);
  const own = await tx.storyWire.findMany({
    where: { storyId },
    orderBy: [{ addedAt: "asc" }, { wireStoryId: "asc" }],
    select: { wireStory: { select: { ...VERSIONED_WIRE, agency: true } } },
  });
  const wires = own.map(({ wireStory }) => wireStory);
  const later = await laterVersionsOf(tx, wires, { ...VERSIONED_WIRE, agency: true });
  const all = [...wires, ...later];
  return withdrawalNotices(document, sourceUpdates(document, all.map(versionedWire)), (id) => wireLabel(all, id));
}
