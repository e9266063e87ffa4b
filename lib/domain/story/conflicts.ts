/**
 * The concurrency rule of the story workspace: "no lost update, ever".
 *
 * Every operation names the versions it was based on. It conflicts only when something it
 * names has moved on: a fact it changes has a newer version (or is gone), the headline block
 * changed (setMeta), the id it would create is taken, the paragraph it works in is gone (or,
 * for removal, no longer empty), or the fact/paragraph it inserts after is no longer there.
 * Facts it does not name are never looked at, so two people editing different facts never
 * conflict.
 *
 * The last case is the only one that is safe to resolve without asking: an insertion whose
 * anchor vanished goes to the end of its paragraph (or of the story) instead. `rebaseOperation`
 * does that, and only that; a text edit is never rebased, because applying it to text the
 * editor has not seen would silently overwrite someone else's words.
 */
import type { FactBase, StoryConflict, StoryOperation } from "./operation-types";
import type { StoryDocument, StoryFact, StoryParagraph } from "./types";

/** The facts an operation changes, with the versions it was based on. */
export function factBases(op: StoryOperation): FactBase[] {
  switch (op.type) {
    case "mergeFacts":
      return [op.first, op.second];
    case "setMeta":
    case "addFact":
    case "addParagraph":
    case "removeEmptyParagraph":
      return [];
    default:
      return [{ factId: op.factId, baseVersion: op.baseVersion }];
  }
}

/** Ids of the facts an operation creates. */
export function createdFactIds(op: StoryOperation): string[] {
  if (op.type === "addFact") return [op.factId];
  if (op.type === "splitFact") return [op.newFactId];
  return [];
}

/** Every fact an operation depends on: those it changes, creates, and the one it inserts after. */
export function namedFactIds(op: StoryOperation): string[] {
  const ids = [...factBases(op).map((b) => b.factId), ...createdFactIds(op)];
  if ((op.type === "addFact" || op.type === "moveFact") && op.afterFactId !== null) ids.push(op.afterFactId);
  return ids;
}

export interface FactLocation {
  paragraph: number;
  index: number;
  fact: StoryFact;
}

export function locateFact(doc: StoryDocument, factId: string): FactLocation | null {
  for (let p = 0; p < doc.paragraphs.length; p++) {
    const facts = doc.paragraphs[p]!.facts;
    for (let i = 0; i < facts.length; i++) {
      if (facts[i]!.id === factId) return { paragraph: p, index: i, fact: facts[i]! };
    }
  }
  return null;
}

export function findParagraph(doc: StoryDocument, paragraphId: string): StoryParagraph | null {
  return doc.paragraphs.find((p) => p.id === paragraphId) ?? null;
}

function conflict(kind: StoryConflict["kind"], reason: string, factIds: string[] = [], paragraphIds: string[] = []): StoryConflict {
  return { kind, factIds, paragraphIds, reason };
}

/** The paragraph an insertion goes into and the fact it goes after, for addFact and moveFact. */
function insertionOf(op: StoryOperation): { paragraphId: string; afterFactId: string | null; moving: string | null } | null {
  if (op.type === "addFact") return { paragraphId: op.paragraphId, afterFactId: op.afterFactId, moving: null };
  if (op.type === "moveFact") return { paragraphId: op.toParagraphId, afterFactId: op.afterFactId, moving: op.factId };
  return null;
}

/**
 * Null when the operation can be applied to `doc` as it stands, else what stands in the way.
 * Expects a well-formed operation (see validateOperation).
 */
export function checkConflict(doc: StoryDocument, op: StoryOperation): StoryConflict | null {
  const missing: string[] = [];
  const changed: string[] = [];
  for (const base of factBases(op)) {
    const at = locateFact(doc, base.factId);
    if (at === null) missing.push(base.factId);
    else if (at.fact.version !== base.baseVersion) changed.push(base.factId);
  }
  if (changed.length > 0) {
    return conflict("changed", changed.length === 1 ? "Someone else changed this fact since you started editing it" : "Someone else changed these facts since you started editing them", [...changed, ...missing]);
  }
  if (missing.length > 0) return conflict("missing", missing.length === 1 ? "This fact no longer exists; someone may have deleted or merged it" : "These facts no longer exist", missing);

  if (op.type === "setMeta" && op.baseMetaVersion !== doc.metaVersion) {
    return conflict("meta", "Someone else changed the headline, standfirst or dateline since you started editing");
  }

  const taken = createdFactIds(op).filter((id) => locateFact(doc, id) !== null);
  if (taken.length > 0) return conflict("exists", "A fact with this id already exists; the change may have been applied already", taken);

  const insertion = insertionOf(op);
  if (insertion !== null) {
    const paragraph = findParagraph(doc, insertion.paragraphId);
    if (paragraph === null) return conflict("missing", "The paragraph no longer exists", [], [insertion.paragraphId]);
    if (insertion.afterFactId !== null && !paragraph.facts.some((f) => f.id === insertion.afterFactId)) {
      return conflict("anchor", "The fact to place this after has been moved or deleted", [insertion.afterFactId], [insertion.paragraphId]);
    }
  }

  if (op.type === "addParagraph") {
    if (findParagraph(doc, op.paragraphId) !== null) return conflict("exists", "A paragraph with this id already exists", [], [op.paragraphId]);
    if (op.afterParagraphId !== null && findParagraph(doc, op.afterParagraphId) === null) {
      return conflict("anchor", "The paragraph to place this after has been removed", [], [op.afterParagraphId]);
    }
  }
  if (op.type === "removeEmptyParagraph") {
    const paragraph = findParagraph(doc, op.paragraphId);
    if (paragraph === null) return conflict("missing", "The paragraph no longer exists", [], [op.paragraphId]);
    if (paragraph.facts.length > 0) return conflict("notEmpty", "The paragraph is no longer empty", paragraph.facts.map((f) => f.id), [op.paragraphId]);
  }
  return null;
}

/**
 * The safe fallback for insertions whose anchor vanished: a fact added or moved after a fact
 * that is no longer in the target paragraph goes to the end of that paragraph; a paragraph
 * added after a removed paragraph goes to the end of the story. Every other operation,
 * including every text edit, is returned unchanged (the same object).
 */
export function rebaseOperation(doc: StoryDocument, op: StoryOperation): StoryOperation {
  const insertion = insertionOf(op);
  if (insertion !== null && insertion.afterFactId !== null && (op.type === "addFact" || op.type === "moveFact")) {
    const paragraph = findParagraph(doc, insertion.paragraphId);
    if (paragraph === null || paragraph.facts.some((f) => f.id === insertion.afterFactId)) return op;
    const others = paragraph.facts.filter((f) => f.id !== insertion.moving);
    return { ...op, afterFactId: others[others.length - 1]?.id ?? null };
  }
  if (op.type === "addParagraph" && op.afterParagraphId !== null && findParagraph(doc, op.afterParagraphId) === null) {
    return { ...op, afterParagraphId: doc.paragraphs[doc.paragraphs.length - 1]?.id ?? null };
  }
  return op;
}
