/**
 * When one editor's action undoes another's work, the other is told who did it and what: the
 * fact they were typing in was deleted (or merged away), or their text was replaced by someone
 * who chose "Keep mine" in a conflict. Both are read off the story's events; plain data.
 */
import { describeOperationFor, eventOperations } from "./fact-history";
import { locateFact } from "./conflicts";
import type { StoryOperation } from "./operation-types";
import type { StoryDocument } from "./types";

/** A fact an event removed, and how: "deleted this fact", "merged this fact into the one before it". */
export interface RemovedFact {
  factId: string;
  what: string;
}

/** Who removed a fact, as the conflict of someone still typing in it reports it. */
export interface FactRemoval extends RemovedFact {
  actorName: string;
}

/** The text a "Keep mine" replaced, and who had written that version of the fact. */
export interface ReplacedText {
  factId: string;
  text: string;
  authorId: string;
}

/** The facts some operations removed (deleted, or merged into another), in order. */
export function removedFacts(ops: readonly StoryOperation[]): RemovedFact[] {
  const removed: RemovedFact[] = [];
  for (const op of ops) {
    const factId = op.type === "deleteFact" ? op.factId : op.type === "mergeFacts" ? op.second.factId : null;
    if (factId === null) continue;
    removed.push({ factId, what: describeOperationFor(op, factId) ?? "removed this fact" });
  }
  return removed;
}

/**
 * Who removed `factId`, given the latest event that touched it (the fact being gone, that
 * event is the one that removed it); null when that event did not remove it.
 */
export function removalBy(event: { actorName: string; operation: unknown }, factId: string): FactRemoval | null {
  const removal = removedFacts(eventOperations(event.operation)).findLast((removed) => removed.factId === factId);
  return removal ? { ...removal, actorName: event.actorName } : null;
}

/** The texts `ops` put their own text over ("Keep mine"): each fact's text before them. */
export function textsKeptOver(before: StoryDocument, ops: readonly StoryOperation[]): { factId: string; text: string }[] {
  const kept: { factId: string; text: string }[] = [];
  for (const op of ops) {
    if (op.type !== "editText" || !op.keptOver || kept.some((k) => k.factId === op.factId)) continue;
    const fact = locateFact(before, op.factId)?.fact;
    if (fact && fact.text !== op.text) kept.push({ factId: op.factId, text: fact.text });
  }
  return kept;
}

/**
 * The texts replaced, with their authors (who last changed each fact before the edit); a text
 * the actor wrote themselves replaced nobody.
 */
export function replacedTexts(kept: readonly { factId: string; text: string }[], authorOf: ReadonlyMap<string, string>, actorId: string): ReplacedText[] {
  return kept.flatMap(({ factId, text }) => {
    const authorId = authorOf.get(factId);
    return authorId && authorId !== actorId ? [{ factId, text, authorId }] : [];
  });
}

/** The replaced texts an event's stored payload records (see `replacedTexts`); none for other events. */
export function eventReplacedTexts(operation: unknown): ReplacedText[] {
  const replaced = (operation as { replaced?: unknown } | null)?.replaced;
  if (!Array.isArray(replaced)) return [];
  return replaced.filter(
    (entry): entry is ReplacedText =>
      typeof entry === "object" && entry !== null && typeof entry.factId === "string" && typeof entry.text === "string" && typeof entry.authorId === "string",
  );
}
