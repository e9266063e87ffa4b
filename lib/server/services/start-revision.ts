import "server-only";
import { AppError } from "@/lib/domain/errors";
import { assertTransition } from "@/lib/domain/workflow";
import { ZStartRevision } from "@/lib/schemas/review";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { insertDocument, loadDocument } from "../stories/document-store";
import { appendStoryEvent } from "../stories/story-events";
import { lockRevisionForReview, requiredApprovals } from "../stories/revision-review";

export interface StartRevisionOptions {
  actor: CurrentUser;
  revisionId: string;
  input: unknown;
}

/**
 * Starts a new draft revision from a published one, with the same facts (same ids, so review
 * diffs fact by fact). The published revision stays live until the new one is published.
 */
export async function startRevision({ actor, revisionId, input }: StartRevisionOptions) {
  const { transition, note } = ZStartRevision.parse(input);
  return withAudit(actor, async (tx, audit) => {
    const { revision, facts, approvals } = await lockRevisionForReview(tx, revisionId);
    const decision = assertTransition({ actor, transition, revision: facts, approvals, requiredApprovals: await requiredApprovals(tx), note: note ?? null });
    // One revision in the works at a time: a newer one means someone already started it.
    const newer = await tx.storyRevision.findFirst({ where: { storyId: revision.storyId, id: { not: revisionId }, state: { not: "PUBLISHED" } }, select: { id: true } });
    if (newer) throw new AppError("CONFLICT", "This story already has a revision in the works; edit that one.");
    const latest = await tx.storyRevision.findFirstOrThrow({ where: { storyId: revision.storyId }, orderBy: { number: "desc" }, select: { number: true } });
    const document = await loadDocument(tx, revisionId);
    const created = await tx.storyRevision.create({
      data: {
        storyId: revision.storyId,
        number: latest.number + 1,
        state: decision.nextState,
        headline: document.headline,
        standfirst: document.standfirst,
        dateline: document.dateline,
        metaVersion: document.metaVersion,
        correctionNote: transition === "correct" ? decision.note : null,
        basedOnId: revisionId,
        createdById: actor.id,
      },
      select: { id: true, number: true },
    });
    await insertDocument(tx, created.id, document, actor.id);
    await appendStoryEvent(tx, { storyId: revision.storyId, revisionId: created.id, actorId: actor.id, kind: "story.create", operation: { basedOnId: revisionId, touched: [] } });
    audit({
      action: `story.${transition}`,
      subjectType: "Story",
      subjectId: revision.storyId,
      revisionId: created.id,
      data: { basedOn: revisionId, ...(decision.note ? { note: decision.note } : {}) },
    });
    return created;
  });
}
