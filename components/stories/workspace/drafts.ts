/**
 * Typed text the server does not have yet, as plain data: what to queue for it, and what is
 * left of it once the server answers. The workspace's only optimistic state.
 */
import { factPlaces, factSpot, type FactSpot, type SetMetaOperation, type SourceRef, type StoryConflict, type StoryDocument, type StoryFact, type StoryOperation } from "@/lib/domain/story";
import { factKey, META_KEY } from "@/lib/domain/story/versions";
import { relabelVersion, type KeptConflicts, type PendingBatch, type VersionMoves } from "./pending";
import type { FactRemoval } from "@/lib/domain/story";

export interface Draft {
  text: string;
  /** The version of the fact the typing started from: the edit is based on it. */
  baseVersion: number;
}

export type Drafts = Readonly<Record<string, Draft>>;

export interface MetaDraft {
  headline?: string;
  standfirst?: string;
  baseMetaVersion: number;
}

/** A fact someone removed while this editor had typing in it: enough to put the typing back where it stood. */
export interface RemovedFact {
  /** Where it stood; null when not known (a conflict kept from an earlier visit). */
  spot: FactSpot | null;
  sources: SourceRef[];
  ownReportingNote: string | null;
  /** Who removed it and how ("deleted this fact"); null when not known. */
  by: { actorName: string; what: string } | null;
}

export interface FactConflict {
  yours: string;
  /** The fact as it is now on the server; null when someone deleted it. */
  theirs: StoryFact | null;
  /** Set when theirs is null. */
  removed: RemovedFact | null;
  reason: string;
}

/** Another editor chose "Keep mine" over this editor's change: who, and the text it replaced. */
export interface Overruled {
  byName: string;
  text: string;
}

/** What is known of a fact of `doc` for putting typing back where it stood, once it is removed. */
export function removedFactOf(doc: StoryDocument, factId: string, by: RemovedFact["by"]): RemovedFact {
  const fact = factPlaces(doc).get(factId)?.fact;
  return { spot: factSpot(doc, factId), sources: fact?.sources ?? [], ownReportingNote: fact?.ownReportingNote ?? null, by };
}

/**
 * Typing in facts that the new document no longer has (someone deleted or merged them while
 * it was being typed): each becomes a conflict of a removed fact, its text kept there, so it is
 * never dropped unseen. Null when there is none.
 */
export function typingInRemovedFacts(
  before: StoryDocument,
  after: StoryDocument,
  drafts: Drafts,
  conflicts: Readonly<Record<string, FactConflict>>,
  removers: ReadonlyMap<string, RemovedFact["by"]>,
): { drafts: Drafts; conflicts: Record<string, FactConflict>; factIds: string[] } | null {
  const stillThere = factPlaces(after);
  const was = factPlaces(before);
  const gone = Object.keys(drafts).filter((id) => was.has(id) && !stillThere.has(id) && !conflicts[id]);
  if (gone.length === 0) return null;
  const nextConflicts = { ...conflicts };
  const nextDrafts = { ...drafts };
  for (const id of gone) {
    nextConflicts[id] = { yours: drafts[id]!.text, theirs: null, removed: removedFactOf(before, id, removers.get(id) ?? null), reason: "This fact no longer exists" };
    delete nextDrafts[id];
  }
  return { drafts: nextDrafts, conflicts: nextConflicts, factIds: gone };
}

export function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

function queuedTextEdits(queue: readonly PendingBatch[]) {
  return queue.flatMap((batch) => batch.ops).filter((op) => op.type === "editText");
}

/** Typing the server now holds verbatim has nothing left to save, unless an edit of it is still queued. */
export function draftsStillUnsaved(drafts: Drafts, doc: StoryDocument, queue: readonly PendingBatch[]): Drafts {
  const facts = factPlaces(doc);
  const queued = new Set(queuedTextEdits(queue).map((op) => op.factId));
  const remaining = Object.entries(drafts).filter(([id, draft]) => facts.get(id)?.fact.text !== draft.text || queued.has(id));
  return remaining.length === Object.keys(drafts).length ? drafts : Object.fromEntries(remaining);
}

export type TextQueueing = { kind: "nothing" } | { kind: "coalesced"; queue: PendingBatch[] } | { kind: "append"; ops: StoryOperation[] };

/**
 * What queuing a fact's typed text takes: nothing when the fact already has (or will have) that
 * text, or the text is blank (an empty fact is refused; Delete removes a fact); a new text in a
 * text edit still waiting in the queue (never the batch in flight); else a new batch.
 */
export function queueTypedText(queue: readonly PendingBatch[], factId: string, draft: Draft, savedText: string, firstInFlight: boolean): TextQueueing {
  const lastQueued = queuedTextEdits(queue).findLast((op) => op.factId === factId);
  if ((lastQueued ? lastQueued.text : savedText) === draft.text || draft.text.trim() === "") return { kind: "nothing" };
  const waitingIndex = queue.findIndex(
    (batch, index) => !(index === 0 && firstInFlight) && batch.origin === "edit" && batch.ops.length === 1 && batch.ops[0]!.type === "editText" && batch.ops[0]!.factId === factId,
  );
  const waiting = queue[waitingIndex];
  if (waiting) return { kind: "coalesced", queue: queue.map((batch, index) => (index === waitingIndex ? { ...waiting, ops: [{ ...waiting.ops[0]!, text: draft.text }] as StoryOperation[] } : batch)) };
  return { kind: "append", ops: [{ type: "editText", factId, baseVersion: draft.baseVersion, text: draft.text }] };
}

/** The headline and standfirst edit the draft asks for; null when the server has (or is sent) it already. */
export function metaOperation(meta: MetaDraft, doc: StoryDocument, queue: readonly PendingBatch[]): SetMetaOperation | null {
  const op: SetMetaOperation = { type: "setMeta", baseMetaVersion: meta.baseMetaVersion };
  if (meta.headline !== undefined && meta.headline !== doc.headline) op.headline = meta.headline;
  if (meta.standfirst !== undefined && meta.standfirst !== doc.standfirst) op.standfirst = meta.standfirst;
  if (op.headline === undefined && op.standfirst === undefined) return null;
  const lastQueued = queue.flatMap((batch) => batch.ops).findLast((queued) => queued.type === "setMeta");
  if (lastQueued?.type === "setMeta" && lastQueued.headline === op.headline && lastQueued.standfirst === op.standfirst) return null;
  return op;
}

/** After our batch was applied: the typing it saved is done, and the rest is now based on the versions it made. */
export function draftsAfterSave(drafts: Drafts, applied: readonly StoryOperation[], moves: VersionMoves): Drafts {
  const saved = new Map(applied.flatMap((op) => (op.type === "editText" ? [[op.factId, op.text] as const] : [])));
  const next: Record<string, Draft> = {};
  for (const [id, draft] of Object.entries(drafts)) {
    if (saved.get(id) === draft.text) continue;
    next[id] = { ...draft, baseVersion: relabelVersion(moves, factKey(id), draft.baseVersion) };
  }
  return next;
}

export function metaDraftAfterSave(meta: MetaDraft | null, applied: SetMetaOperation, moves: VersionMoves): MetaDraft | null {
  if (!meta) return null;
  const next: MetaDraft = { ...meta, baseMetaVersion: relabelVersion(moves, META_KEY, meta.baseMetaVersion) };
  if (applied.headline !== undefined && next.headline === applied.headline) delete next.headline;
  if (applied.standfirst !== undefined && next.standfirst === applied.standfirst) delete next.standfirst;
  return next.headline === undefined && next.standfirst === undefined ? null : next;
}

/**
 * A batch of text edits the server refused: each fact it names is a conflict for the editor to
 * decide, except where the server already has exactly the text (a resend after a lost answer).
 */
export function textConflicts(
  edits: readonly Extract<StoryOperation, { type: "editText" }>[],
  conflict: StoryConflict,
  currentFacts: readonly StoryFact[],
  drafts: Drafts,
  conflicts: Readonly<Record<string, FactConflict>>,
): { drafts: Drafts; conflicts: Record<string, FactConflict> } {
  const currentById = new Map(currentFacts.map((fact) => [fact.id, fact]));
  const nextConflicts = { ...conflicts };
  const nextDrafts = { ...drafts };
  for (const op of edits) {
    if (!conflict.factIds.includes(op.factId)) continue;
    const theirs = currentById.get(op.factId) ?? null;
    if (theirs && theirs.text === op.text) {
      if (nextDrafts[op.factId]?.text === op.text) delete nextDrafts[op.factId];
      continue;
    }
    nextConflicts[op.factId] = { yours: drafts[op.factId]?.text ?? op.text, theirs, removed: null, reason: conflict.reason };
  }
  return { drafts: nextDrafts, conflicts: nextConflicts };
}

/**
 * Conflicts of text edits the server refused, where some name facts that are gone: each keeps
 * its typing where the fact stood, saying who removed it (the server's answer, else the live
 * feed), and its draft is dropped (the conflict holds the text). One such conflict already open
 * is kept as it was, only learning who removed the fact if it did not know.
 */
export function withRemovalsKnown(
  found: { drafts: Drafts; conflicts: Record<string, FactConflict> },
  open: Readonly<Record<string, FactConflict>>,
  doc: StoryDocument,
  removedBy: readonly FactRemoval[],
  removers: ReadonlyMap<string, RemovedFact["by"]>,
): { drafts: Drafts; conflicts: Record<string, FactConflict>; removedFactIds: string[] } {
  const conflicts = { ...found.conflicts };
  const drafts: Record<string, Draft> = { ...found.drafts };
  const removedFactIds: string[] = [];
  for (const [id, conflict] of Object.entries(found.conflicts)) {
    if (conflict.theirs !== null || open[id] === conflict) continue;
    const removal = removedBy.find((removed) => removed.factId === id);
    const by = removal ? { actorName: removal.actorName, what: removal.what } : (removers.get(id) ?? null);
    const earlier = open[id];
    conflicts[id] = earlier?.removed ? { ...earlier, removed: { ...earlier.removed, by: earlier.removed.by ?? by } } : { ...conflict, removed: removedFactOf(doc, id, by) };
    delete drafts[id];
    removedFactIds.push(id);
  }
  return { drafts, conflicts, removedFactIds };
}

/** The open conflicts with the typing each holds, as they are kept between visits. */
export function keptConflicts(conflicts: Readonly<Record<string, FactConflict>>, drafts: Drafts): KeptConflicts {
  return Object.fromEntries(Object.entries(conflicts).map(([id, conflict]) => [id, drafts[id] ? { conflict, draft: drafts[id] } : { conflict }]));
}

/** Conflicts an earlier visit left open, against the document as it is now: the editor still decides them. */
export function conflictsFromEarlierVisit(
  kept: KeptConflicts,
  doc: StoryDocument,
  open: Readonly<Record<string, FactConflict>>,
  drafts: Drafts,
): { conflicts: Record<string, FactConflict>; drafts: Drafts } {
  const facts = factPlaces(doc);
  const conflicts: Record<string, FactConflict> = { ...open };
  const nextDrafts: Record<string, Draft> = { ...drafts };
  for (const [id, { conflict, draft }] of Object.entries(kept)) {
    const current = facts.get(id)?.fact ?? null;
    if (current?.text === conflict.yours) continue;
    conflicts[id] = current ? { ...conflict, theirs: current, removed: null } : { ...conflict, theirs: null };
    if (current && draft) nextDrafts[id] = draft;
  }
  return { conflicts, drafts: nextDrafts };
}
