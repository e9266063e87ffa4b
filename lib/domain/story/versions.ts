/**
 * Version bookkeeping for lists of operations that are replayed later (a batch's inverse, the
 * undo and redo stacks). An operation carries the versions it was based on; when operations
 * are applied one after another, each one bumps the versions the next one has to name. This
 * module replays those effects without a document, because every effect is determined by the
 * operation itself: an operation based on version v leaves the fact at v + 1, a re-created
 * fact comes back at previousVersion + 1, a deleted fact is gone.
 */
import { createdFactIds, factBases } from "./conflicts";
import type { StoryOperation } from "./operation-types";

/** What a version belongs to: `fact:<id>`, or META_KEY for headline, standfirst and dateline. */
export type VersionKey = string;
export const META_KEY: VersionKey = "meta";

export function factKey(factId: string): VersionKey {
  return `fact:${factId}`;
}

/** A versioned thing's state as far as the replay knows: its version, or the version it was deleted at. */
export type VersionState = { version: number } | { deletedAt: number };

export interface VersionRef {
  key: VersionKey;
  base: number;
}

/** The versions an operation was based on (facts it changes; metaVersion for setMeta). */
export function versionRefs(op: StoryOperation): VersionRef[] {
  if (op.type === "setMeta") return [{ key: META_KEY, base: op.baseMetaVersion }];
  return factBases(op).map((b) => ({ key: factKey(b.factId), base: b.baseVersion }));
}

/** The same operation with each base version replaced by `map(key, base)`. */
export function mapBaseVersions(op: StoryOperation, map: (key: VersionKey, base: number) => number): StoryOperation {
  switch (op.type) {
    case "setMeta":
      return { ...op, baseMetaVersion: map(META_KEY, op.baseMetaVersion) };
    case "mergeFacts":
      return {
        ...op,
        first: { ...op.first, baseVersion: map(factKey(op.first.factId), op.first.baseVersion) },
        second: { ...op.second, baseVersion: map(factKey(op.second.factId), op.second.baseVersion) },
      };
    case "addFact":
    case "addParagraph":
    case "removeEmptyParagraph":
      return op;
    default:
      return { ...op, baseVersion: map(factKey(op.factId), op.baseVersion) };
  }
}

/** The same operation re-creating `factId` just after it was deleted at `deletedAt`. */
export function withPreviousVersion(op: StoryOperation, factId: string, deletedAt: number): StoryOperation {
  if (op.type === "addFact" && op.factId === factId) return { ...op, previousVersion: deletedAt };
  if (op.type === "splitFact" && op.newFactId === factId) return { ...op, newFactPreviousVersion: deletedAt };
  return op;
}

/** Records in `state` what applying `op` does to versions. */
export function recordEffects(op: StoryOperation, state: Map<VersionKey, VersionState>): void {
  for (const ref of versionRefs(op)) state.set(ref.key, { version: ref.base + 1 });
  if (op.type === "deleteFact") state.set(factKey(op.factId), { deletedAt: op.baseVersion });
  if (op.type === "mergeFacts") state.set(factKey(op.second.factId), { deletedAt: op.second.baseVersion });
  if (op.type === "addFact") state.set(factKey(op.factId), { version: (op.previousVersion ?? 0) + 1 });
  if (op.type === "splitFact") state.set(factKey(op.newFactId), { version: (op.newFactPreviousVersion ?? 0) + 1 });
}

/** The versions of everything `ops` name, after applying them in order. */
export function versionsAfter(ops: readonly StoryOperation[]): Map<VersionKey, VersionState> {
  const state = new Map<VersionKey, VersionState>();
  for (const op of ops) recordEffects(op, state);
  return state;
}

/** For each key, the base version of the first operation in `ops` that names it. */
export function firstBases(ops: readonly StoryOperation[]): Map<VersionKey, number> {
  const bases = new Map<VersionKey, number>();
  for (const op of ops) for (const ref of versionRefs(op)) if (!bases.has(ref.key)) bases.set(ref.key, ref.base);
  return bases;
}

/**
 * Makes a list of operations consistent for applying in order, starting from `initial`: each
 * operation is based on the version the previous ones leave (or the initial one), and a fact
 * re-created after a deletion continues from the version it was deleted at. Keys neither in
 * `initial` nor named earlier keep the base the operation has.
 */
export function rechain(ops: readonly StoryOperation[], initial: ReadonlyMap<VersionKey, VersionState>): StoryOperation[] {
  const state = new Map(initial);
  return ops.map((op) => {
    let next = mapBaseVersions(op, (key, base) => {
      const known = state.get(key);
      return known !== undefined && "version" in known ? known.version : base;
    });
    for (const id of createdFactIds(next)) {
      const known = state.get(factKey(id));
      if (known !== undefined && "deletedAt" in known) next = withPreviousVersion(next, id, known.deletedAt);
    }
    recordEffects(next, state);
    return next;
  });
}
