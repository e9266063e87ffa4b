/**
 * The save queue as plain data: batches of operations waiting for the server, kept in
 * localStorage so an edit made offline (or while the tab closes) is sent on the next visit.
 */
import type { StoryDocument, StoryHistory, StoryOperation } from "@/lib/domain/story";

export interface PendingBatch {
  /** Local id, for React keys and for coalescing text edits. */
  id: string;
  ops: StoryOperation[];
  /**
   * "edit" batches go on the undo stack once applied. Undo and redo batches carry the stack
   * to switch to on success and the one to fall back to when the server refuses them; those
   * are not persisted (after a reload the history starts afresh).
   */
  origin: "edit" | "undo" | "redo";
  nextHistory?: StoryHistory;
  previousHistory?: StoryHistory;
}

interface StoredQueue {
  revisionId: string;
  batches: { id: string; ops: StoryOperation[] }[];
}

export function storageKey(storyId: string): string {
  return `factdesk:workspace:pending:${storyId}`;
}

export function loadPending(storyId: string, revisionId: string): PendingBatch[] {
  try {
    const raw = window.localStorage.getItem(storageKey(storyId));
    if (!raw) return [];
    const stored = JSON.parse(raw) as StoredQueue;
    // Operations name facts of one revision; against a newer revision they mean nothing.
    if (stored.revisionId !== revisionId || !Array.isArray(stored.batches)) return [];
    return stored.batches.filter((b) => Array.isArray(b.ops) && b.ops.length > 0).map((b) => ({ id: b.id, ops: b.ops, origin: "edit" as const }));
  } catch {
    return [];
  }
}

export function savePending(storyId: string, revisionId: string, batches: readonly PendingBatch[]): void {
  try {
    if (batches.length === 0) window.localStorage.removeItem(storageKey(storyId));
    else {
      const stored: StoredQueue = { revisionId, batches: batches.map(({ id, ops }) => ({ id, ops })) };
      window.localStorage.setItem(storageKey(storyId), JSON.stringify(stored));
    }
  } catch {
    // Storage full or disabled: the queue still lives in memory for this visit.
  }
}

/** factId → (version an operation was based on → version after it was applied). */
export type VersionMoves = Map<string, Map<number, number>>;

/**
 * After our own batch was applied, the facts it named moved to new versions. Operations we
 * queued behind it were based on the same (old) versions, because they were made before the
 * answer came; relabel them so they chain onto our own change instead of conflicting with it.
 * Versions someone else produced are never relabelled, so their edits still conflict.
 */
export function versionMoves(applied: readonly StoryOperation[], after: StoryDocument): VersionMoves {
  const current = new Map<string, number>();
  for (const paragraph of after.paragraphs) for (const fact of paragraph.facts) current.set(fact.id, fact.version);
  const moves: VersionMoves = new Map();
  for (const op of applied) {
    for (const base of factBasesOf(op)) {
      const to = current.get(base.factId);
      if (to === undefined || to === base.baseVersion) continue;
      const forFact = moves.get(base.factId) ?? new Map<number, number>();
      if (!forFact.has(base.baseVersion)) forFact.set(base.baseVersion, to);
      moves.set(base.factId, forFact);
    }
  }
  return moves;
}

function factBasesOf(op: StoryOperation): { factId: string; baseVersion: number }[] {
  if (op.type === "mergeFacts") return [op.first, op.second];
  if ("factId" in op && "baseVersion" in op) return [{ factId: op.factId, baseVersion: op.baseVersion }];
  return [];
}

export function relabelVersion(moves: VersionMoves, factId: string, version: number): number {
  return moves.get(factId)?.get(version) ?? version;
}

export function relabelOperation(op: StoryOperation, moves: VersionMoves, metaMove: { from: number; to: number } | null): StoryOperation {
  if (op.type === "setMeta") return metaMove && op.baseMetaVersion === metaMove.from ? { ...op, baseMetaVersion: metaMove.to } : op;
  if (op.type === "mergeFacts") {
    return {
      ...op,
      first: { ...op.first, baseVersion: relabelVersion(moves, op.first.factId, op.first.baseVersion) },
      second: { ...op.second, baseVersion: relabelVersion(moves, op.second.factId, op.second.baseVersion) },
    };
  }
  if ("factId" in op && "baseVersion" in op) return { ...op, baseVersion: relabelVersion(moves, op.factId, op.baseVersion) };
  return op;
}

export function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
