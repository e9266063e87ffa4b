import "server-only";
import { AppError } from "@/lib/domain/errors";
import { DEFAULT_REQUIRED_APPROVALS, isRevisionState, isValidRequiredApprovals, type RevisionFacts } from "@/lib/domain/workflow";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * A revision as the workflow decides on it, read under a row lock so that the decision and the
 * change it allows happen against the same state (an edit can't slip in between).
 */
export async function lockRevisionForReview(tx: Tx, revisionId: string) {
  await tx.$queryRaw`SELECT id FROM "StoryRevision" WHERE id = ${revisionId} FOR UPDATE`;
  const revision = await tx.storyRevision.findUnique({
    where: { id: revisionId },
    select: {
      id: true,
      storyId: true,
      state: true,
      contentVersion: true,
      correctionNote: true,
      createdById: true,
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
  const facts: RevisionFacts = {
    state: revision.state,
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
