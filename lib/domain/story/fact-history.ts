/**
 * One fact's history, for the inspector: who changed it, how, and when, read off the story's
 * event log (every edit is an event holding the operations it applied). Plain data in and out.
 */
import { STORY_OPERATION_TYPES, type StoryOperation } from "./operation-types";

export interface StoryEventRecord {
  id: string;
  actorName: string;
  /** ISO timestamp. */
  at: string;
  kind: string;
  /** The event's stored payload: `{ ops, touched }` for edits; other shapes for other events. */
  operation: unknown;
}

export interface FactHistoryEntry {
  eventId: string;
  actorName: string;
  at: string;
  /** What happened to the fact, as a phrase after the person's name: "edited the text". */
  what: string;
}

const QUOTE_LENGTH = 80;

function quoted(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return `“${clean.length > QUOTE_LENGTH ? `${clean.slice(0, QUOTE_LENGTH - 1)}…` : clean}”`;
}

/** What one operation did to the fact, or null when it did not concern it. */
export function describeOperationFor(op: StoryOperation, factId: string): string | null {
  switch (op.type) {
    case "editText":
      if (op.factId !== factId) return null;
      return op.keptOver ? `kept their own text over another editor's change: ${quoted(op.text)}` : `edited the text to ${quoted(op.text)}`;
    case "addFact":
      if (op.factId !== factId) return null;
      return op.sources.length > 0 ? `added this fact from ${op.sources.length === 1 ? "a source" : `${op.sources.length} sources`}` : "added this fact as own reporting";
    case "deleteFact":
      return op.factId === factId ? "deleted this fact" : null;
    case "restoreFact":
      return op.factId === factId ? "restored this fact" : null;
    case "mergeFacts":
      if (op.first.factId === factId) return "merged the next fact into this one";
      return op.second.factId === factId ? "merged this fact into the one before it" : null;
    case "splitFact":
      if (op.factId === factId) return "split this fact in two";
      return op.newFactId === factId ? "made this fact by splitting the one before it" : null;
    case "moveFact":
      return op.factId === factId ? "moved this fact" : null;
    case "attachSource":
      return op.factId === factId ? "attached a source" : null;
    case "disputeFact":
      return op.factId === factId ? `recorded a source that states another value: ${quoted(op.source.value)}` : null;
    case "detachSource":
      return op.factId === factId ? "detached a source" : null;
    case "resolveDiscrepancy":
      if (op.factId !== factId) return null;
      return op.note ? `resolved a discrepancy: ${quoted(op.note)}` : op.chosenSide !== null ? "resolved a discrepancy by choosing a version" : "resolved a discrepancy";
    case "reopenDiscrepancy":
      return op.factId === factId ? "reopened a discrepancy" : null;
    case "setOwnReportingNote":
      if (op.factId !== factId) return null;
      return op.note ? `set the own-reporting note to ${quoted(op.note)}` : "cleared the own-reporting note";
    case "setMeta":
    case "addParagraph":
    case "removeEmptyParagraph":
      return null;
  }
}

const KNOWN_TYPES = new Set<string>(STORY_OPERATION_TYPES);

/** The operations an event's stored payload applied; events of other kinds, or of a shape not understood, apply none. */
export function eventOperations(operation: unknown): StoryOperation[] {
  const ops = (operation as { ops?: unknown } | null)?.ops;
  if (!Array.isArray(ops)) return [];
  return ops.filter((op): op is StoryOperation => typeof op === "object" && op !== null && KNOWN_TYPES.has(String((op as { type?: unknown }).type)));
}

/**
 * The fact's history, oldest first: one entry per event that changed it (an event of several
 * operations says all they did, once each), opened by the story's creation from the wires when
 * the fact was drafted then rather than added later.
 */
export function factHistory(events: readonly StoryEventRecord[], factId: string): FactHistoryEntry[] {
  const ordered = [...events].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
  const entries: FactHistoryEntry[] = [];
  let bornLater = false;
  for (const event of ordered) {
    const ops = eventOperations(event.operation);
    if (ops.some((op) => (op.type === "addFact" && op.factId === factId) || (op.type === "splitFact" && op.newFactId === factId))) bornLater = true;
    const phrases = [...new Set(ops.map((op) => describeOperationFor(op, factId)).filter((phrase): phrase is string => phrase !== null))];
    if (phrases.length > 0) entries.push({ eventId: event.id, actorName: event.actorName, at: event.at, what: phrases.join("; ") });
  }
  const creation = ordered.find((event) => event.kind === "story.create" && !(event.operation as { basedOnId?: unknown } | null)?.basedOnId);
  if (creation && !bornLater) entries.unshift({ eventId: creation.id, actorName: creation.actorName, at: creation.at, what: "drafted this fact from the wires" });
  return entries;
}
