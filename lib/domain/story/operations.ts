/**
 * Applying operations to a story document: pure functions, the input is never modified and
 * unchanged paragraphs and facts are shared with the result.
 *
 * Refusals:
 *  - INVALID_INPUT: the operation is malformed (empty text, bad source range, a split point
 *    outside the text, …); what needs no document is checked before anything else;
 *  - NOT_FOUND: a fact or paragraph it names does not exist (deleted, merged away, never was), or a
 *    discrepancy or source it names is not on the fact;
 *  - CONFLICT: a version it was based on is no longer current, the id it would create is taken,
 *    the anchor it inserts after is gone, or the paragraph to remove is not empty;
 *  - UNPROCESSABLE: the result would break a rule of the story, above all that every fact has
 *    a wire source or an own-reporting note.
 *
 * Every fact an operation changes gets `version + 1`, and `setMeta` bumps `metaVersion`, even
 * when the new value equals the old: the version says "someone acted on this", which is what
 * a concurrent edit has to know about. Versions only ever increase, undo included.
 */
import { AppError } from "@/lib/domain/errors";
import { checkConflict, findParagraph, locateFact, rebaseOperation, type FactLocation } from "./conflicts";
import type { AppliedOperation, FactContent, OperationOf, StoryConflict, StoryOperation, StoryOperationType } from "./operation-types";
import type { FactDiscrepancy, SourceRef, StoryDocument, StoryFact } from "./types";
import { factKey, META_KEY, rechain, type VersionKey, type VersionState } from "./versions";
import { checkChosenSide, checkDiscrepancies, checkFactText, checkSources, normaliseNote, sameSource, STORY_LIMITS, validateOperation } from "./validate";
import { checkDisputedBy, conversionsOf, requireTruthfulSourcing, rewriteValue, sideWithSameWires, sourcingAfterChoice, tidyDisputes } from "./disputes";

/** The AppError a conflict is refused with; `details.conflict` carries it for the client. */
export function conflictError(conflict: StoryConflict): AppError {
  const code = conflict.kind === "missing" ? "NOT_FOUND" : "CONFLICT";
  return new AppError(code, conflict.reason, { conflict });
}

function unprocessable(message: string, factId: string): never {
  throw new AppError("UNPROCESSABLE", message, { factIds: [factId] });
}

/** A fact has to say where it comes from: a wire source, or the reporter's own reporting. */
function requireEvidence(fact: Pick<StoryFact, "id" | "sources" | "ownReportingNote">): void {
  if (fact.sources.length === 0 && fact.ownReportingNote === null) {
    unprocessable("A fact needs at least one source or an own-reporting note", fact.id);
  }
}

function contentOf(fact: StoryFact): FactContent {
  return tidyDisputes({ text: fact.text, sources: fact.sources, disputedBy: fact.disputedBy, ownReportingNote: fact.ownReportingNote, discrepancies: fact.discrepancies });
}

/** The fact the operation was checked against; checkConflict has already made sure it exists. */
function located(doc: StoryDocument, factId: string): FactLocation {
  const at = locateFact(doc, factId);
  if (at === null) throw new AppError("NOT_FOUND", `No fact ${factId} in this story`, { factIds: [factId] });
  return at;
}

function previousFactId(doc: StoryDocument, at: FactLocation): string | null {
  return at.index > 0 ? doc.paragraphs[at.paragraph]!.facts[at.index - 1]!.id : null;
}

/** A copy of the paragraph structure whose arrays may be changed; the facts themselves are shared. */
function editableCopy(doc: StoryDocument): StoryDocument {
  return { ...doc, paragraphs: doc.paragraphs.map((p) => ({ ...p, facts: [...p.facts] })) };
}

function withFact(doc: StoryDocument, at: FactLocation, fact: StoryFact): StoryDocument {
  return {
    ...doc,
    paragraphs: doc.paragraphs.map((p, i) => (i === at.paragraph ? { ...p, facts: p.facts.map((f, j) => (j === at.index ? fact : f)) } : p)),
  };
}

/** Where in `facts` a fact placed after `afterFactId` goes (null: at the start). Anchors were checked by checkConflict. */
function insertionIndex(facts: readonly StoryFact[], afterFactId: string | null): number {
  if (afterFactId === null) return 0;
  const index = facts.findIndex((f) => f.id === afterFactId);
  if (index < 0) throw new AppError("CONFLICT", "The fact to place this after has been moved or deleted", { factIds: [afterFactId] });
  return index + 1;
}

/**
 * The common shape of operations that change one fact in place: `change` returns the new
 * content (validated here) and the operation that puts the old content back, given the
 * version the fact will have.
 */
function changeFact(
  doc: StoryDocument,
  factId: string,
  change: (fact: StoryFact) => { content: Partial<FactContent>; inverse: (version: number) => StoryOperation },
): AppliedOperation {
  const at = located(doc, factId);
  const { content, inverse } = change(at.fact);
  const updated: StoryFact = tidyDisputes({ ...at.fact, ...content, version: at.fact.version + 1 });
  requireEvidence(updated);
  requireTruthfulSourcing(updated);
  return { doc: withFact(doc, at, updated), inverse: [inverse(updated.version)], touched: [factId] };
}

function findDiscrepancy(fact: StoryFact, discrepancyId: string): FactDiscrepancy {
  const d = fact.discrepancies.find((x) => x.id === discrepancyId);
  if (!d) throw new AppError("NOT_FOUND", "This discrepancy is not on the fact", { factIds: [fact.id], discrepancyId });
  return d;
}

function withResolution(fact: StoryFact, discrepancyId: string, resolution: FactDiscrepancy["resolution"]): FactDiscrepancy[] {
  return fact.discrepancies.map((d) => (d.id === discrepancyId ? { ...d, resolution } : d));
}

/** The operation that re-creates a removed fact exactly where it was, at a higher version. */
function recreate(fact: StoryFact, paragraphId: string, afterFactId: string | null): OperationOf<"addFact"> {
  return {
    type: "addFact",
    factId: fact.id,
    paragraphId,
    afterFactId,
    text: fact.text,
    sources: fact.sources,
    ownReportingNote: fact.ownReportingNote,
    discrepancies: fact.discrepancies,
    ...(fact.disputedBy && fact.disputedBy.length > 0 ? { disputedBy: fact.disputedBy } : {}),
    previousVersion: fact.version,
  };
}

/** Whether a discrepancy is about this text: one of its sides' values appears in it. */
function mentionsDiscrepancy(text: string, d: FactDiscrepancy): boolean {
  const lower = text.toLowerCase();
  return d.sides.some((s) => s.value.trim() !== "" && lower.includes(s.value.trim().toLowerCase()));
}

function joinTexts(a: string, b: string): string {
  return `${a.trimEnd()} ${b.trimStart()}`;
}

function uniteSources(a: readonly SourceRef[], b: readonly SourceRef[]): SourceRef[] {
  return [...a, ...b.filter((s) => !a.some((t) => sameSource(s, t)))];
}

type Handler<T extends StoryOperationType> = (doc: StoryDocument, op: OperationOf<T>) => AppliedOperation;

const HANDLERS: { [T in StoryOperationType]: Handler<T> } = {
  editText: (doc, op) =>
    changeFact(doc, op.factId, (fact) => ({
      content: { text: op.text },
      inverse: (version) => ({ type: "editText", factId: fact.id, baseVersion: version, text: fact.text }),
    })),

  setMeta: (doc, op) => {
    const next: StoryDocument = { ...doc, metaVersion: doc.metaVersion + 1 };
    const undo: OperationOf<"setMeta"> = { type: "setMeta", baseMetaVersion: next.metaVersion };
    if (op.headline !== undefined) {
      next.headline = op.headline;
      undo.headline = doc.headline;
    }
    if (op.standfirst !== undefined) {
      next.standfirst = op.standfirst;
      undo.standfirst = doc.standfirst;
    }
    if (op.dateline !== undefined) {
      next.dateline = op.dateline;
      undo.dateline = doc.dateline;
    }
    return { doc: next, inverse: [undo], touched: [] };
  },

  addFact: (doc, op) => {
    const fact: StoryFact = tidyDisputes({
      id: op.factId,
      text: op.text,
      sources: checkSources(op.sources),
      ownReportingNote: normaliseNote(op.ownReportingNote, "ownReportingNote"),
      discrepancies: op.discrepancies === undefined ? [] : checkDiscrepancies(op.discrepancies),
      disputedBy: checkDisputedBy(op.disputedBy),
      version: (op.previousVersion ?? 0) + 1,
    });
    requireEvidence(fact);
    requireTruthfulSourcing(fact);
    const next = editableCopy(doc);
    const paragraph = next.paragraphs.find((p) => p.id === op.paragraphId)!;
    paragraph.facts.splice(insertionIndex(paragraph.facts, op.afterFactId), 0, fact);
    return { doc: next, inverse: [{ type: "deleteFact", factId: fact.id, baseVersion: fact.version }], touched: [fact.id] };
  },

  deleteFact: (doc, op) => {
    const at = located(doc, op.factId);
    const paragraphId = doc.paragraphs[at.paragraph]!.id;
    const next = editableCopy(doc);
    next.paragraphs[at.paragraph]!.facts.splice(at.index, 1);
    return { doc: next, inverse: [recreate(at.fact, paragraphId, previousFactId(doc, at))], touched: [op.factId] };
  },

  mergeFacts: (doc, op) => {
    const first = located(doc, op.first.factId);
    const second = located(doc, op.second.factId);
    const a = first.fact;
    const b = second.fact;
    const text = checkFactText(joinTexts(a.text, b.text));
    const notes = [a.ownReportingNote, b.ownReportingNote].filter((n): n is string => n !== null);
    const merged: StoryFact = tidyDisputes({
      ...a,
      text,
      sources: uniteSources(a.sources, b.sources),
      ownReportingNote: notes.length === 0 ? null : [...new Set(notes)].join("\n"),
      discrepancies: [...a.discrepancies, ...b.discrepancies.filter((d) => !a.discrepancies.some((e) => e.id === d.id))],
      disputedBy: [...(a.disputedBy ?? []), ...(b.disputedBy ?? []).filter((d) => !(a.disputedBy ?? []).some((e) => sameSource(d, e) && d.value === e.value))],
      version: a.version + 1,
    });
    requireTruthfulSourcing(merged);
    if (merged.sources.length > STORY_LIMITS.sourcesPerFact) unprocessable(`A fact can cite at most ${STORY_LIMITS.sourcesPerFact} sources`, a.id);
    const next = editableCopy(doc);
    next.paragraphs[first.paragraph]!.facts[first.index] = merged;
    const secondFacts = next.paragraphs[second.paragraph]!.facts;
    secondFacts.splice(secondFacts.findIndex((f) => f.id === b.id), 1);
    return {
      doc: next,
      inverse: [
        { type: "restoreFact", factId: a.id, baseVersion: merged.version, content: contentOf(a) },
        recreate(b, doc.paragraphs[second.paragraph]!.id, previousFactId(doc, second)),
      ],
      touched: [a.id, b.id],
    };
  },

  splitFact: (doc, op) => {
    const at = located(doc, op.factId);
    const fact = at.fact;
    let firstText: string;
    let secondText: string;
    if (typeof op.at === "number") {
      if (op.at >= fact.text.length) throw new AppError("INVALID_INPUT", "The split point is past the end of the text", { field: "at" });
      firstText = fact.text.slice(0, op.at).trimEnd();
      secondText = fact.text.slice(op.at).trimStart();
      if (firstText.trim() === "" || secondText.trim() === "") {
        throw new AppError("INVALID_INPUT", "Both parts of a split need some text", { field: "at" });
      }
    } else {
      firstText = op.at.first;
      secondText = op.at.second;
    }
    // A discrepancy goes with the part that mentions one of its values; when neither does,
    // it stays with the first part, so no dispute disappears in a split.
    const secondDiscrepancies = fact.discrepancies.filter((d) => mentionsDiscrepancy(secondText, d));
    const firstDiscrepancies = fact.discrepancies.filter((d) => mentionsDiscrepancy(firstText, d) || !mentionsDiscrepancy(secondText, d));
    const first: StoryFact = { ...fact, text: firstText, discrepancies: firstDiscrepancies, version: fact.version + 1 };
    const second: StoryFact = tidyDisputes({
      id: op.newFactId,
      text: secondText,
      sources: fact.sources,
      disputedBy: fact.disputedBy,
      ownReportingNote: fact.ownReportingNote,
      discrepancies: secondDiscrepancies,
      version: (op.newFactPreviousVersion ?? 0) + 1,
    });
    const next = editableCopy(doc);
    next.paragraphs[at.paragraph]!.facts.splice(at.index, 1, first, second);
    return {
      doc: next,
      inverse: [
        { type: "deleteFact", factId: second.id, baseVersion: second.version },
        { type: "restoreFact", factId: fact.id, baseVersion: first.version, content: contentOf(fact) },
      ],
      touched: [fact.id, second.id],
    };
  },

  moveFact: (doc, op) => {
    const from = located(doc, op.factId);
    const fromParagraphId = doc.paragraphs[from.paragraph]!.id;
    const moved: StoryFact = { ...from.fact, version: from.fact.version + 1 };
    const next = editableCopy(doc);
    next.paragraphs[from.paragraph]!.facts.splice(from.index, 1);
    const target = next.paragraphs.find((p) => p.id === op.toParagraphId)!;
    target.facts.splice(insertionIndex(target.facts, op.afterFactId), 0, moved);
    return {
      doc: next,
      inverse: [{ type: "moveFact", factId: moved.id, baseVersion: moved.version, toParagraphId: fromParagraphId, afterFactId: previousFactId(doc, from) }],
      touched: [moved.id],
    };
  },

  addParagraph: (doc, op) => {
    const index = op.afterParagraphId === null ? 0 : doc.paragraphs.findIndex((p) => p.id === op.afterParagraphId) + 1;
    const paragraphs = [...doc.paragraphs];
    paragraphs.splice(index, 0, { id: op.paragraphId, facts: [] });
    return { doc: { ...doc, paragraphs }, inverse: [{ type: "removeEmptyParagraph", paragraphId: op.paragraphId }], touched: [] };
  },

  removeEmptyParagraph: (doc, op) => {
    const index = doc.paragraphs.findIndex((p) => p.id === op.paragraphId);
    return {
      doc: { ...doc, paragraphs: doc.paragraphs.filter((p) => p.id !== op.paragraphId) },
      inverse: [{ type: "addParagraph", paragraphId: op.paragraphId, afterParagraphId: index > 0 ? doc.paragraphs[index - 1]!.id : null }],
      touched: [],
    };
  },

  attachSource: (doc, op) =>
    changeFact(doc, op.factId, (fact) => {
      if (fact.sources.some((s) => sameSource(s, op.source))) unprocessable("The fact already cites this source", fact.id);
      if (fact.sources.length >= STORY_LIMITS.sourcesPerFact) unprocessable(`A fact can cite at most ${STORY_LIMITS.sourcesPerFact} sources`, fact.id);
      const index = op.index ?? fact.sources.length;
      if (index > fact.sources.length) throw new AppError("INVALID_INPUT", "index is past the end of the source list", { field: "index" });
      const sources = [...fact.sources];
      sources.splice(index, 0, { wireStoryId: op.source.wireStoryId, start: op.source.start, end: op.source.end });
      return { content: { sources }, inverse: (version) => ({ type: "detachSource", factId: fact.id, baseVersion: version, source: op.source }) };
    }),

  detachSource: (doc, op) =>
    changeFact(doc, op.factId, (fact) => {
      const index = fact.sources.findIndex((s) => sameSource(s, op.source));
      if (index < 0) throw new AppError("NOT_FOUND", "The fact does not cite this source", { factIds: [fact.id] });
      const removed = fact.sources[index]!;
      return {
        content: { sources: fact.sources.filter((_, i) => i !== index) },
        inverse: (version) => ({ type: "attachSource", factId: fact.id, baseVersion: version, source: removed, index }),
      };
    }),

  disputeFact: (doc, op) =>
    changeFact(doc, op.factId, (fact) => {
      const source = checkDisputedBy([op.source], "source")[0]!;
      if ((fact.disputedBy ?? []).some((d) => sameSource(d, source))) unprocessable("The fact already lists this wire sentence as disputing it", fact.id);
      if ((fact.disputedBy ?? []).length >= STORY_LIMITS.sourcesPerFact) unprocessable(`A fact can list at most ${STORY_LIMITS.sourcesPerFact} disputing sources`, fact.id);
      const discrepancies = checkDiscrepancies(op.discrepancies);
      if (discrepancies.some((d) => fact.discrepancies.some((e) => e.id === d.id))) {
        throw new AppError("CONFLICT", "The fact already has a discrepancy with this id", { factIds: [fact.id] });
      }
      return {
        content: { disputedBy: [...(fact.disputedBy ?? []), source], discrepancies: [...fact.discrepancies, ...discrepancies] },
        inverse: (version) => ({ type: "restoreFact", factId: fact.id, baseVersion: version, content: contentOf(fact) }),
      };
    }),

  resolveDiscrepancy: (doc, op) =>
    changeFact(doc, op.factId, (fact) => {
      const discrepancy = findDiscrepancy(fact, op.discrepancyId);
      const chosenSide = checkChosenSide(op.chosenSide, discrepancy.sides.length);
      const resolution = { chosenSide, note: normaliseNote(op.note), resolvedBy: op.by, resolvedAt: op.at };
      const previous = discrepancy.resolution;
      const discrepancies = withResolution(fact, discrepancy.id, resolution);
      if (chosenSide !== null) {
        // The chosen value goes into the text and the wires follow it, in this one step, so a
        // single undo puts text, sources and resolution back together.
        const choose = (choices: ReadonlyArray<readonly [FactDiscrepancy, number]>): StoryFact => {
          let current = fact;
          for (const [d, side] of choices) {
            const text = checkFactText(rewriteValue(current.text, d, side));
            current = { ...current, text, ...sourcingAfterChoice({ ...current, text }, d, side) };
          }
          return current;
        };
        // A measure and its conversion ("900 kilometers (550 miles)") are one value written twice:
        // choosing either side of one chooses the same wires' side of the other.
        let choices: Array<readonly [FactDiscrepancy, number]> = [[discrepancy, chosenSide], ...conversionsOf(fact, discrepancy, chosenSide)];
        let chosen = choose(choices);
        if (chosen.sources.length === 0 && fact.ownReportingNote === null) {
          // The chosen wires still dispute another value of the fact ("1,200 people on
          // Wednesday" against "900 people on Tuesday"): their other open disagreements with the
          // fact are the same choice, made together, else no wire would state the fact and none
          // could be chosen.
          const parallel = fact.discrepancies
            .filter((d) => d.resolution === null && !choices.some(([c]) => c.id === d.id))
            .map((d) => [d, sideWithSameWires(d, discrepancy.sides[chosenSide]!)] as const)
            .filter(([, side]) => side >= 0);
          choices = [...choices, ...parallel];
          chosen = choose(choices);
        }
        if (chosen.sources.length === 0 && fact.ownReportingNote === null) {
          unprocessable("No wire states the fact with this value and the rest of its text; resolve its other discrepancies first, or add an own-reporting note", fact.id);
        }
        const resolved = new Map(choices.map(([d, side]) => [d.id, { ...resolution, chosenSide: side }]));
        return {
          content: {
            text: chosen.text,
            sources: chosen.sources,
            disputedBy: chosen.disputedBy,
            discrepancies: fact.discrepancies.map((d) => (resolved.has(d.id) ? { ...d, resolution: resolved.get(d.id)! } : d)),
          },
          inverse: (version) => ({ type: "restoreFact", factId: fact.id, baseVersion: version, content: contentOf(fact) }),
        };
      }
      return {
        content: { discrepancies },
        inverse: (version) =>
          previous === null
            ? { type: "reopenDiscrepancy", factId: fact.id, baseVersion: version, discrepancyId: discrepancy.id }
            : previous.chosenSide !== null
              ? // Choosing again would recompute text and sources; undo puts back what they were.
                { type: "restoreFact", factId: fact.id, baseVersion: version, content: contentOf(fact) }
              : { type: "resolveDiscrepancy", factId: fact.id, baseVersion: version, discrepancyId: discrepancy.id, chosenSide: null, note: previous.note, by: previous.resolvedBy, at: previous.resolvedAt },
      };
    }),

  reopenDiscrepancy: (doc, op) =>
    changeFact(doc, op.factId, (fact) => {
      const discrepancy = findDiscrepancy(fact, op.discrepancyId);
      const previous = discrepancy.resolution;
      if (previous === null) unprocessable("This discrepancy is not resolved", fact.id);
      return {
        content: { discrepancies: withResolution(fact, discrepancy.id, null) },
        inverse: (version) =>
          previous.chosenSide !== null
            ? { type: "restoreFact", factId: fact.id, baseVersion: version, content: contentOf(fact) }
            : { type: "resolveDiscrepancy", factId: fact.id, baseVersion: version, discrepancyId: discrepancy.id, chosenSide: null, note: previous.note, by: previous.resolvedBy, at: previous.resolvedAt },
      };
    }),

  setOwnReportingNote: (doc, op) =>
    changeFact(doc, op.factId, (fact) => ({
      content: { ownReportingNote: normaliseNote(op.note) },
      inverse: (version) => ({ type: "setOwnReportingNote", factId: fact.id, baseVersion: version, note: fact.ownReportingNote }),
    })),

  restoreFact: (doc, op) =>
    changeFact(doc, op.factId, (fact) => ({
      content: {
        text: op.content.text,
        sources: checkSources(op.content.sources, "content.sources"),
        disputedBy: checkDisputedBy(op.content.disputedBy, "content.disputedBy"),
        ownReportingNote: normaliseNote(op.content.ownReportingNote, "content.ownReportingNote"),
        discrepancies: checkDiscrepancies(op.content.discrepancies, "content.discrepancies"),
      },
      inverse: (version) => ({ type: "restoreFact", factId: fact.id, baseVersion: version, content: contentOf(fact) }),
    })),
};

/**
 * Applies one operation, or throws (see the module comment for the refusals). The result's
 * `inverse` applied to the result's `doc` gives back the original content (with higher
 * versions); `touched` lists the facts that got a new version, were created or were removed.
 */
export function applyOperation(doc: StoryDocument, op: StoryOperation): AppliedOperation {
  validateOperation(op);
  const conflict = checkConflict(doc, op);
  if (conflict !== null) throw conflictError(conflict);
  return (HANDLERS[op.type] as Handler<StoryOperationType>)(doc, op);
}

type BatchOutcome = { status: "applied"; ops: StoryOperation[]; result: AppliedOperation } | { status: "conflict"; conflict: StoryConflict };

/**
 * Applies operations in order, each to the result of the one before. On a conflict it stops
 * and reports it (nothing of the batch takes effect); with `rebase`, insertions whose anchor
 * vanished are rebased first. Other refusals throw.
 */
function runBatch(doc: StoryDocument, ops: readonly StoryOperation[], rebase: boolean): BatchOutcome {
  let current = doc;
  const applied: StoryOperation[] = [];
  const inverses: StoryOperation[][] = [];
  const touched = new Set<string>();
  for (const original of ops) {
    validateOperation(original);
    const op = rebase ? rebaseOperation(current, original) : original;
    const conflict = checkConflict(current, op);
    if (conflict !== null) return { status: "conflict", conflict };
    const result = (HANDLERS[op.type] as Handler<StoryOperationType>)(current, op);
    current = result.doc;
    applied.push(op);
    inverses.unshift(result.inverse);
    for (const id of result.touched) touched.add(id);
  }
  // Each inverse was computed right after its operation; by the time it runs, the inverses
  // before it have bumped versions again, so the chain is re-based from the result's versions.
  const versions = new Map<VersionKey, VersionState>([[META_KEY, { version: current.metaVersion }]]);
  for (const p of current.paragraphs) for (const f of p.facts) versions.set(factKey(f.id), { version: f.version });
  return { status: "applied", ops: applied, result: { doc: current, inverse: rechain(inverses.flat(), versions), touched: [...touched] } };
}

/**
 * Applies operations in order, all or nothing: if one is refused, the error is thrown and
 * no result exists. The inverse undoes them all (the operations' inverses, last first).
 */
export function applyOperations(doc: StoryDocument, ops: readonly StoryOperation[]): AppliedOperation {
  const outcome = runBatch(doc, ops, false);
  if (outcome.status === "conflict") throw conflictError(outcome.conflict);
  return outcome.result;
}

export type SubmitResult = ({ status: "applied"; op: StoryOperation } & AppliedOperation) | { status: "conflict"; conflict: StoryConflict };

/**
 * What the server does with an operation from a client: rebase an insertion whose anchor
 * vanished (see rebaseOperation), then apply it atomically or report the conflict. Malformed
 * operations and broken rules still throw (INVALID_INPUT, NOT_FOUND, UNPROCESSABLE).
 * The applied operation (possibly rebased) is returned so it can be broadcast and stored.
 */
export function submitOperation(doc: StoryDocument, op: StoryOperation): SubmitResult {
  const outcome = runBatch(doc, [op], true);
  if (outcome.status === "conflict") return outcome;
  return { status: "applied", op: outcome.ops[0]!, ...outcome.result };
}

export type SubmitBatchResult = ({ status: "applied"; ops: StoryOperation[] } & AppliedOperation) | { status: "conflict"; conflict: StoryConflict };

/**
 * `submitOperation` for a batch that must apply as a whole: an undo or redo step (undoing a
 * merge or split takes two operations) or a compound edit. Any conflict refuses the batch.
 */
export function submitOperations(doc: StoryDocument, ops: readonly StoryOperation[]): SubmitBatchResult {
  const outcome = runBatch(doc, ops, true);
  if (outcome.status === "conflict") return outcome;
  return { status: "applied", ops: outcome.ops, ...outcome.result };
}

export { checkConflict, rebaseOperation, findParagraph, locateFact };
