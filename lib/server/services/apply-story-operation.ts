import "server-only";
import { AppError } from "@/lib/domain/errors";
import { locateFact } from "@/lib/domain/story/conflicts";
import { submitOperations } from "@/lib/domain/story/operations";
import { replacedTexts, textsKeptOver } from "@/lib/domain/story/overrides";
import type { StoryConflict, StoryOperation } from "@/lib/domain/story/operation-types";
import { parseStoryOperation, parseStoryOperations } from "@/lib/domain/story/schema";
import { stampResolutions } from "@/lib/domain/story/session";
import type { StoryDocument } from "@/lib/domain/story/types";
import { citedSources } from "@/lib/domain/story/validate";
import { stateAfterEdit } from "@/lib/domain/workflow";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OperationsResult } from "@/lib/schemas/workspace";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";
import { loadDocument, writeDocumentChanges } from "../stories/document-store";
import { appendStoryEvent, findFactRemovals } from "../stories/story-events";
import { assertSourcesInStoryWires } from "../stories/story-wires";

export interface ApplyStoryOperationOptions {
  actor: CurrentUser;
  revisionId: string;
  /** One operation, or a list that applies all or nothing (an undo step, a compound edit). */
  operation: unknown;
}

/**
 * Applies an edit (or a batch of them) to a story revision, atomically: the revision is locked, the edit is checked
 * against the versions it was based on, and either every row it changes is written (with an
 * event in the story's history, announced to everyone watching) or nothing is, and the caller
 * gets the conflict with the current state of the facts it named. Nothing is ever overwritten
 * unseen. An edit to a revision in review or approved sends it back to review (its content
 * version moves on, so earlier approvals no longer match it).
 */
export async function applyStoryOperation({ actor, revisionId, operation }: ApplyStoryOperationOptions): Promise<OperationsResult> {
  // Who resolves a discrepancy, and when, is the session's user and the server's clock.
  const session = { by: actor.id, at: new Date().toISOString() };
  const ops = Array.isArray(operation) ? parseStoryOperations(operation, session) : [parseStoryOperation(operation, session)];
  return db.$transaction(async (tx) => {
    const revision = await lockRevision(tx, revisionId);
    assertCan(actor, "story.edit", { ownerId: revision.story.ownerId });
    const nextState = stateAfterEdit(revision.state);
    if (nextState === null) {
      throw new AppError("CONFLICT", "This revision is published and can no longer change; start a new revision to edit the story.");
    }
    const cited = ops.flatMap((op, i) => citedSources(op).map(({ source, field }) => ({ source, field: ops.length > 1 ? `operations[${i}].${field}` : field })));
    await assertSourcesInStoryWires(tx, revision.storyId, cited);
    const before = await loadDocument(tx, revisionId);
    const result = submitOperations(before, stampResolutions(ops, before, session));
    if (result.status === "conflict") {
      // Someone typing in a fact that is gone is told who removed it, not just that it is gone.
      const gone = result.conflict.factIds.filter((factId) => locateFact(before, factId) === null);
      const removedBy = await findFactRemovals(tx, revisionId, gone);
      return { status: "conflict" as const, conflict: result.conflict, current: currentState(before, result.conflict), removedBy };
    }
    const replaced = await replacedByKeepMine(tx, revisionId, before, result.ops, actor.id);
    await writeDocumentChanges(tx, revisionId, before, result.doc, actor.id);
    const updated = await tx.storyRevision.update({
      where: { id: revisionId },
      data: { contentVersion: { increment: 1 }, state: nextState },
      select: { contentVersion: true },
    });
    const eventId = await appendStoryEvent(tx, {
      storyId: revision.storyId,
      revisionId,
      factId: result.touched[0] ?? null,
      actorId: actor.id,
      kind: result.ops.length === 1 ? result.ops[0]!.type : "batch",
      operation: { ops: result.ops, touched: result.touched, contentVersion: updated.contentVersion, ...(replaced.length > 0 ? { replaced } : {}) } as unknown as Prisma.InputJsonValue,
    });
    return { status: "applied" as const, eventId: eventId.toString(), contentVersion: updated.contentVersion, touched: result.touched, inverse: result.inverse };
  });
}

async function lockRevision(tx: Prisma.TransactionClient, revisionId: string) {
  // Edits of one revision queue here, so each sees the one before it (no lost update).
  await tx.$queryRaw`SELECT id FROM "StoryRevision" WHERE id = ${revisionId} FOR UPDATE`;
  const revision = await tx.storyRevision.findUnique({
    where: { id: revisionId },
    select: { id: true, storyId: true, state: true, story: { select: { ownerId: true } } },
  });
  if (!revision) throw new AppError("NOT_FOUND", "No such story revision.");
  return revision;
}

/**
 * The texts a "Keep mine" puts its own text over, with who wrote each (the fact's last editor
 * before this edit): recorded in the event, so the live feed tells that person their change was replaced.
 */
async function replacedByKeepMine(tx: Prisma.TransactionClient, revisionId: string, before: StoryDocument, ops: StoryOperation[], actorId: string) {
  const kept = textsKeptOver(before, ops);
  if (kept.length === 0) return [];
  const rows = await tx.revisionFact.findMany({ where: { revisionId, factId: { in: kept.map((k) => k.factId) } }, select: { factId: true, updatedById: true } });
  return replacedTexts(kept, new Map(rows.flatMap((row) => (row.updatedById ? [[row.factId, row.updatedById] as const] : []))), actorId);
}

function currentState(doc: StoryDocument, conflict: StoryConflict) {
  const named = new Set(conflict.factIds);
  return { facts: doc.paragraphs.flatMap((paragraph) => paragraph.facts.filter((fact) => named.has(fact.id))), metaVersion: doc.metaVersion };
}
