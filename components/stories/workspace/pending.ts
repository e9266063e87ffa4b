/**
 * The save queue as plain data: batches of operations waiting for the server, kept in
 * localStorage so an edit made offline (or while the tab closes) is sent on the next visit.
 */
import { factPlaces, type StoryDocument, type StoryHistory, type StoryOperation } from "@/lib/domain/story";
import { factKey, mapBaseVersions, META_KEY, versionRefs, type VersionKey } from "@/lib/domain/story/versions";
import type { Draft, FactConflict } from "./drafts";

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
  /** Once applied, the fact (new or moved) the editor's focus goes to; not persisted either. */
  focus?: FocusTarget;
}

/** A fact, and the control of it to focus: its text, or the Move button pressed to move it. */
export interface FocusTarget {
  factId: string;
  control: "text" | "move-up" | "move-down";
}

/** What screen readers are told once an edit that moves the focus is applied; null when its fact is not in the story. */
export function focusAnnouncement(doc: StoryDocument, factId: string, ops: readonly StoryOperation[]): string | null {
  const place = factPlaces(doc).get(factId);
  if (!place) return null;
  if (!ops.some((op) => op.type === "addFact" && op.factId === factId)) return `Fact moved to position ${place.number}.`;
  return `Fact ${place.number} added${place.number > 1 ? ` after Fact ${place.number - 1}` : ""}.`;
}

/** A conflict still open, with the typing it holds: kept between visits like the queue, so a reload loses no text. */
export interface KeptConflict {
  conflict: FactConflict;
  draft?: Draft;
}

export type KeptConflicts = Readonly<Record<string, KeptConflict>>;

interface StoredQueue {
  revisionId: string;
  batches: { id: string; ops: StoryOperation[] }[];
  conflicts?: KeptConflicts;
}

/** Where the queue is kept between visits: the browser's localStorage, or anything shaped like it. */
export type PendingStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The browser's localStorage (or sessionStorage), or null where it refuses it (some private modes throw on access). */
export function browserStorage(area: "localStorage" | "sessionStorage" = "localStorage"): PendingStorage | null {
  try {
    return window[area];
  } catch {
    return null;
  }
}

export function storageKey(storyId: string): string {
  return `factdesk:workspace:pending:${storyId}`;
}

function loadStored(storage: PendingStorage | null, storyId: string, revisionId: string): StoredQueue | null {
  try {
    const raw = storage?.getItem(storageKey(storyId));
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredQueue;
    // Operations name facts of one revision; against a newer revision they mean nothing.
    return stored.revisionId === revisionId ? stored : null;
  } catch {
    return null;
  }
}

export function loadPending(storage: PendingStorage | null, storyId: string, revisionId: string): PendingBatch[] {
  const batches = loadStored(storage, storyId, revisionId)?.batches;
  if (!Array.isArray(batches)) return [];
  return batches.filter((b) => Array.isArray(b.ops) && b.ops.length > 0).map((b) => ({ id: b.id, ops: b.ops, origin: "edit" as const }));
}

export function loadKeptConflicts(storage: PendingStorage | null, storyId: string, revisionId: string): KeptConflicts {
  const conflicts = loadStored(storage, storyId, revisionId)?.conflicts;
  return conflicts && typeof conflicts === "object" ? conflicts : {};
}

export function savePending(storage: PendingStorage | null, storyId: string, revisionId: string, batches: readonly PendingBatch[], conflicts: KeptConflicts = {}): void {
  try {
    if (batches.length === 0 && Object.keys(conflicts).length === 0) storage?.removeItem(storageKey(storyId));
    else {
      const stored: StoredQueue = { revisionId, batches: batches.map(({ id, ops }) => ({ id, ops })), ...(Object.keys(conflicts).length > 0 ? { conflicts } : {}) };
      storage?.setItem(storageKey(storyId), JSON.stringify(stored));
    }
  } catch {
    // Storage full or disabled: the queue still lives in memory for this visit.
  }
}

/** Version key (a fact's, or the headline's) → (version an operation was based on → version after it was applied). */
export type VersionMoves = Map<VersionKey, Map<number, number>>;

/**
 * After our own batch was applied, the facts it named moved to new versions. Operations we
 * queued behind it were based on the same (old) versions, because they were made before the
 * answer came; relabel them so they chain onto our own change instead of conflicting with it.
 * Versions someone else produced are never relabelled, so their edits still conflict.
 */
export function versionMoves(applied: readonly StoryOperation[], after: StoryDocument): VersionMoves {
  const current = new Map<VersionKey, number>([[META_KEY, after.metaVersion]]);
  for (const paragraph of after.paragraphs) for (const fact of paragraph.facts) current.set(factKey(fact.id), fact.version);
  const moves: VersionMoves = new Map();
  for (const ref of applied.flatMap(versionRefs)) {
    const to = current.get(ref.key);
    if (to === undefined || to === ref.base) continue;
    const forKey = moves.get(ref.key) ?? new Map<number, number>();
    if (!forKey.has(ref.base)) forKey.set(ref.base, to);
    moves.set(ref.key, forKey);
  }
  return moves;
}

export function relabelVersion(moves: VersionMoves, key: VersionKey, version: number): number {
  return moves.get(key)?.get(version) ?? version;
}

export function relabelOperation(op: StoryOperation, moves: VersionMoves): StoryOperation {
  return mapBaseVersions(op, (key, base) => relabelVersion(moves, key, base));
}

export function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
