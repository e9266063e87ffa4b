/**
 * One editor's undo and redo, as plain data (store it in React state, or anywhere).
 *
 * Each entry holds what was applied (`forward`) and its inverse (`backward`), both carrying
 * base versions. Undo sends `backward`; redo sends `forward`. Because versions only increase,
 * the stored versions go stale as soon as anything is undone or redone: after undoing an edit
 * of fact F (F goes 3 → 4), F at version 4 has the same content as F had at version 2, so the
 * entry below, whose inverse expects F at 2, must now expect 4. Every step therefore relabels
 * the versions the stack refers to: "state v of F" becomes "the newer version with identical
 * content". Only states this history itself produced are relabelled, so if someone else edits
 * F in between, the stored version no longer matches and the server refuses the undo as a
 * conflict instead of overwriting their work.
 *
 * The functions assume the operations they return will be applied. If the server refuses
 * them, keep using the stack you had (it is immutable) and consider `dropUndo`/`dropRedo` if
 * the entry can never be applied again.
 */
import type { StoryOperation } from "./operation-types";
import { firstBases, rechain, versionsAfter, type VersionKey, type VersionState } from "./versions";

export interface HistoryEntry {
  forward: StoryOperation[];
  backward: StoryOperation[];
}

export interface StoryHistory {
  /** Oldest first; the last entry is undone next. */
  undo: HistoryEntry[];
  /** Oldest first; the last entry is redone next. */
  redo: HistoryEntry[];
  /** Most entries kept on the undo stack; the oldest are forgotten beyond it. */
  limit: number;
}

export interface HistoryStep {
  stack: StoryHistory;
  /** Operations to send (apply atomically, in order); empty when there was nothing to do. */
  ops: StoryOperation[];
}

export const DEFAULT_HISTORY_LIMIT = 100;

export function createHistory(limit: number = DEFAULT_HISTORY_LIMIT): StoryHistory {
  return { undo: [], redo: [], limit: Math.max(1, Math.floor(limit)) };
}

/**
 * Records operations that were applied (one, or a batch applied atomically) with the inverse
 * `applyOperation`/`applyOperations` returned. A new edit makes the redo stack meaningless, so
 * it is cleared.
 */
export function pushApplied(stack: StoryHistory, op: StoryOperation | readonly StoryOperation[], inverse: readonly StoryOperation[]): StoryHistory {
  const forward = Array.isArray(op) ? [...(op as readonly StoryOperation[])] : [op as StoryOperation];
  if (forward.length === 0 || inverse.length === 0) return stack;
  const undo = [...stack.undo, { forward, backward: [...inverse] }];
  return { ...stack, undo: undo.slice(Math.max(0, undo.length - stack.limit)), redo: [] };
}

export function canUndo(stack: StoryHistory): boolean {
  return stack.undo.length > 0;
}

export function canRedo(stack: StoryHistory): boolean {
  return stack.redo.length > 0;
}

export function undo(stack: StoryHistory): HistoryStep {
  return step(stack, "undo");
}

export function redo(stack: StoryHistory): HistoryStep {
  return step(stack, "redo");
}

/** Forgets the entry `undo` would apply next (e.g. after the server refused it as a conflict). */
export function dropUndo(stack: StoryHistory): StoryHistory {
  return { ...stack, undo: stack.undo.slice(0, -1) };
}

/** Forgets the entry `redo` would apply next. */
export function dropRedo(stack: StoryHistory): StoryHistory {
  return { ...stack, redo: stack.redo.slice(0, -1) };
}

/** "Version `from` of key is now called `to`": states with identical content. */
type Relabelling = Map<VersionKey, Map<number, number>>;

function relabel(ops: StoryOperation[], relabelling: Relabelling, extra?: ReadonlyMap<VersionKey, VersionState>): StoryOperation[] {
  const initial = new Map<VersionKey, VersionState>(extra);
  for (const [key, base] of firstBases(ops)) {
    const to = relabelling.get(key)?.get(base);
    if (to !== undefined) initial.set(key, { version: to });
  }
  return initial.size === 0 ? ops : rechain(ops, initial);
}

function step(stack: StoryHistory, direction: "undo" | "redo"): HistoryStep {
  const from = direction === "undo" ? stack.undo : stack.redo;
  const entry = from[from.length - 1];
  if (entry === undefined) return { stack, ops: [] };
  const sent = direction === "undo" ? entry.backward : entry.forward;
  const counterpart = direction === "undo" ? entry.forward : entry.backward;

  // After `sent`, each thing it names is at a known version whose content equals the state
  // the counterpart was based on; facts it deleted come back (if the counterpart re-creates
  // them) after the version they were deleted at.
  const after = versionsAfter(sent);
  const relabelling: Relabelling = new Map();
  for (const [key, base] of firstBases(counterpart)) {
    const state = after.get(key);
    if (state !== undefined && "version" in state) relabelling.set(key, new Map([[base, state.version]]));
  }
  const deleted = new Map([...after].filter(([, state]) => "deletedAt" in state));

  const moved: HistoryEntry =
    direction === "undo"
      ? { forward: relabel(counterpart, relabelling, deleted), backward: relabel(sent, relabelling) }
      : { forward: relabel(sent, relabelling), backward: relabel(counterpart, relabelling, deleted) };
  const others = (entries: HistoryEntry[]) => entries.map((e) => ({ forward: relabel(e.forward, relabelling), backward: relabel(e.backward, relabelling) }));
  const undoRest = others(direction === "undo" ? stack.undo.slice(0, -1) : stack.undo);
  const redoRest = others(direction === "redo" ? stack.redo.slice(0, -1) : stack.redo);
  return {
    stack: direction === "undo" ? { ...stack, undo: undoRest, redo: [...redoRest, moved] } : { ...stack, undo: [...undoRest, moved], redo: redoRest },
    ops: sent,
  };
}
