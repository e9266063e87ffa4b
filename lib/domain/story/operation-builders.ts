/**
 * The operations the story workspace sends for an editor's gesture (move a fact up, merge it
 * with the next, split it at the cursor, delete it, add one, accept a proposal), built from the
 * document the editor sees. Pure: the caller says which version each fact's edit is based on
 * (its own typing may be based on an older one than the document's) and supplies new ids.
 */
import type { StoryOperation } from "./operation-types";
import type { Proposal } from "./proposals";
import type { SourceUpdate } from "./source-updates";
import type { SourceRef, StoryDocument, StoryFact } from "./types";
import { disputesOfSentence, sameSentence } from "./disputes";
import { sameSource } from "./validate";

export interface FactPlace {
  fact: StoryFact;
  paragraphIndex: number;
  /** Index within its paragraph. */
  index: number;
  /** 1-based position in reading order. */
  number: number;
}

/** Every fact by id, with where it stands. */
export function factPlaces(doc: StoryDocument): Map<string, FactPlace> {
  const places = new Map<string, FactPlace>();
  let number = 0;
  doc.paragraphs.forEach((paragraph, paragraphIndex) =>
    paragraph.facts.forEach((fact, index) => places.set(fact.id, { fact, paragraphIndex, index, number: ++number })),
  );
  return places;
}

/** The version an edit of `fact` is based on. */
export type BaseVersionOf = (fact: StoryFact) => number;

export const documentVersion: BaseVersionOf = (fact) => fact.version;

/** A paragraph that loses its only fact would stay behind empty: remove it in the same batch. */
function removeIfEmptied(doc: StoryDocument, paragraphIndex: number): StoryOperation[] {
  const paragraph = doc.paragraphs[paragraphIndex]!;
  return paragraph.facts.length === 1 ? [{ type: "removeEmptyParagraph", paragraphId: paragraph.id }] : [];
}

/**
 * One step up or down in reading order: the fact swaps with its neighbour; at a paragraph's
 * edge it crosses into the next paragraph past that paragraph's first (or last) fact, so a
 * click always changes what the reader sees. Empty when there is nowhere to go.
 */
export function buildMoveStep(doc: StoryDocument, factId: string, direction: "up" | "down", baseOf: BaseVersionOf = documentVersion): StoryOperation[] {
  const place = factPlaces(doc).get(factId);
  if (!place) return [];
  const paragraph = doc.paragraphs[place.paragraphIndex]!;
  const base = { factId, baseVersion: baseOf(place.fact) };
  let target: { toParagraphId: string; afterFactId: string | null };
  if (direction === "up") {
    if (place.index > 0) target = { toParagraphId: paragraph.id, afterFactId: paragraph.facts[place.index - 2]?.id ?? null };
    else {
      const previous = doc.paragraphs[place.paragraphIndex - 1];
      if (!previous) return [];
      target = { toParagraphId: previous.id, afterFactId: previous.facts[previous.facts.length - 2]?.id ?? null };
    }
  } else if (place.index < paragraph.facts.length - 1) {
    target = { toParagraphId: paragraph.id, afterFactId: paragraph.facts[place.index + 1]!.id };
  } else {
    const next = doc.paragraphs[place.paragraphIndex + 1];
    if (!next) return [];
    target = { toParagraphId: next.id, afterFactId: next.facts[0]?.id ?? null };
  }
  return [{ type: "moveFact", ...base, ...target }, ...removeIfEmptied(doc, place.paragraphIndex)];
}

/** Joins a fact with the one after it in reading order; empty when it is the last. */
export function buildMergeWithNext(doc: StoryDocument, factId: string, baseOf: BaseVersionOf = documentVersion): StoryOperation[] {
  const places = factPlaces(doc);
  const first = places.get(factId);
  const second = first ? [...places.values()].find((place) => place.number === first.number + 1) : undefined;
  if (!first || !second) return [];
  return [
    { type: "mergeFacts", first: { factId, baseVersion: baseOf(first.fact) }, second: { factId: second.fact.id, baseVersion: baseOf(second.fact) } },
    ...removeIfEmptied(doc, second.paragraphIndex),
  ];
}

/**
 * Splits `text` (what the editor sees of the fact) at character `at`; null when the cursor is
 * not inside the text, i.e. either half would be blank.
 */
export function buildSplit(fact: StoryFact, text: string, at: number, newFactId: string, baseOf: BaseVersionOf = documentVersion): StoryOperation[] | null {
  const first = text.slice(0, at).trim();
  const second = text.slice(at).trim();
  if (at <= 0 || first === "" || second === "") return null;
  return [{ type: "splitFact", factId: fact.id, baseVersion: baseOf(fact), newFactId, at: { first, second } }];
}

export function buildDelete(doc: StoryDocument, factId: string, baseOf: BaseVersionOf = documentVersion): StoryOperation[] {
  const place = factPlaces(doc).get(factId);
  if (!place) return [];
  return [{ type: "deleteFact", factId, baseVersion: baseOf(place.fact) }, ...removeIfEmptied(doc, place.paragraphIndex)];
}

export interface InsertionPoint {
  paragraphId: string;
  afterFactId: string | null;
}

/** Where a new fact goes: after the selected one, else at the end of the story; null in a story without paragraphs. */
export function insertionPoint(doc: StoryDocument, selectedFactId: string | null): InsertionPoint | null {
  const place = selectedFactId ? factPlaces(doc).get(selectedFactId) : undefined;
  if (place) return { paragraphId: doc.paragraphs[place.paragraphIndex]!.id, afterFactId: place.fact.id };
  const last = doc.paragraphs[doc.paragraphs.length - 1];
  return last ? { paragraphId: last.id, afterFactId: last.facts[last.facts.length - 1]?.id ?? null } : null;
}

export interface NewFact {
  text: string;
  sources: SourceRef[];
  /** Required when there are no sources: the reporter's own reporting, explained. */
  ownReportingNote: string | null;
}

/** Adds a fact at the insertion point; a story without paragraphs gets one first. */
export function buildAddFact(doc: StoryDocument, selectedFactId: string | null, fact: NewFact, newId: () => string): StoryOperation[] {
  const where = insertionPoint(doc, selectedFactId);
  if (where) return [{ type: "addFact", factId: newId(), ...where, ...fact }];
  const paragraphId = newId();
  return [
    { type: "addParagraph", paragraphId, afterParagraphId: null },
    { type: "addFact", factId: newId(), paragraphId, afterFactId: null, ...fact },
  ];
}

/**
 * Adds a wire sentence as a fact. One that disputes facts of the story (states another value
 * for them) goes right after the first of them, carrying their disagreement with it: the story
 * then states both values, and both facts say so until an editor resolves it. Any other
 * sentence goes where new facts go.
 */
export function buildAddSentence(doc: StoryDocument, selectedFactId: string | null, sentence: { text: string; source: SourceRef }, newId: () => string): StoryOperation[] {
  const fact: NewFact = { text: sentence.text, sources: [sentence.source], ownReportingNote: null };
  const disputed = [...factPlaces(doc).values()].filter((place) => (place.fact.disputedBy ?? []).some((d) => sameSentence(d, sentence.source)));
  const first = disputed[0];
  if (!first) return buildAddFact(doc, selectedFactId, fact, newId);
  const factId = newId();
  const { discrepancies, disputedBy } = disputesOfSentence(disputed.map((place) => place.fact), sentence.source, newId);
  return [
    {
      type: "addFact",
      factId,
      paragraphId: doc.paragraphs[first.paragraphIndex]!.id,
      afterFactId: first.fact.id,
      ...fact,
      discrepancies,
      ...(disputedBy.length > 0 ? { disputedBy } : {}),
    },
  ];
}

export type ProposalOperations = { ops: StoryOperation[] } | { gone: "fact" };

/**
 * Accepting a proposal: a corroboration attaches its sentence to the fact, a dispute records it
 * as disputing the fact with its open disagreement (both gone when the fact is); an addition goes
 * where the wire tells it, or, when that place has changed since, where new facts go.
 */
export function buildAcceptProposal(
  doc: StoryDocument,
  proposal: Proposal,
  selectedFactId: string | null,
  newId: () => string,
  baseOf: BaseVersionOf = documentVersion,
): ProposalOperations {
  if (proposal.kind === "corroborate") {
    const place = factPlaces(doc).get(proposal.factId);
    if (!place) return { gone: "fact" };
    return { ops: [{ type: "attachSource", factId: place.fact.id, baseVersion: baseOf(place.fact), source: proposal.source }] };
  }
  if (proposal.kind === "dispute") {
    const place = factPlaces(doc).get(proposal.factId);
    if (!place) return { gone: "fact" };
    // The disagreement comes along, open: the story shows the fact as disputed, and publication
    // waits until an editor resolves it.
    const discrepancies = proposal.discrepancies.map((d) => ({ ...d, id: newId(), resolution: null }));
    return { ops: [{ type: "disputeFact", factId: place.fact.id, baseVersion: baseOf(place.fact), source: proposal.source, discrepancies }] };
  }
  const fact: NewFact = { text: proposal.text, sources: proposal.sources, ownReportingNote: null };
  const paragraph = doc.paragraphs.find((p) => p.id === proposal.paragraphId);
  const anchorStillThere = proposal.afterFactId === null || paragraph?.facts.some((f) => f.id === proposal.afterFactId);
  if (paragraph && anchorStillThere) return { ops: [{ type: "addFact", factId: newId(), paragraphId: paragraph.id, afterFactId: proposal.afterFactId, ...fact }] };
  return { ops: buildAddFact(doc, selectedFactId, fact, newId) };
}

/**
 * What the editor does about a fact whose source has a newer version: "update" takes the new
 * wording and cites the new version, "reattach" keeps the fact's text and cites the new
 * version, "detach" drops the old source. One batch, so one undo step; each operation is based
 * on the version the one before it leaves. Empty when the fact or its old source is gone.
 */
export type SourceUpdateChoice = "update" | "reattach" | "detach";

export function buildSourceUpdate(
  doc: StoryDocument,
  factId: string,
  update: Pick<SourceUpdate, "source" | "replacement">,
  choice: SourceUpdateChoice,
  baseOf: BaseVersionOf = documentVersion,
): StoryOperation[] {
  const fact = factPlaces(doc).get(factId)?.fact;
  const index = fact?.sources.findIndex((s) => sameSource(s, update.source)) ?? -1;
  if (!fact || index < 0) return [];
  const base = baseOf(fact);
  const detach: StoryOperation = { type: "detachSource", factId, baseVersion: base, source: update.source };
  if (choice === "detach" || !update.replacement) return choice === "detach" ? [detach] : [];
  const { replacement } = update;
  const ops: StoryOperation[] = [];
  if (choice === "update" && replacement.text !== fact.text) ops.push({ type: "editText", factId, baseVersion: base, text: replacement.text });
  if (!fact.sources.some((s) => sameSource(s, replacement.source))) ops.push({ type: "attachSource", factId, baseVersion: base + ops.length, source: replacement.source, index });
  ops.push({ ...detach, baseVersion: base + ops.length });
  return ops;
}

/** Where a fact stood: its paragraph, the fact before it there, and the paragraph before that one. */
export interface FactSpot {
  paragraphId: string;
  afterFactId: string | null;
  afterParagraphId: string | null;
}

export function factSpot(doc: StoryDocument, factId: string): FactSpot | null {
  const place = factPlaces(doc).get(factId);
  if (!place) return null;
  const paragraph = doc.paragraphs[place.paragraphIndex]!;
  return {
    paragraphId: paragraph.id,
    afterFactId: paragraph.facts[place.index - 1]?.id ?? null,
    afterParagraphId: doc.paragraphs[place.paragraphIndex - 1]?.id ?? null,
  };
}

/**
 * Where something that stood at `spot` shows in `doc` as it is now: after the same fact when it
 * is still in that paragraph, else at the end of the paragraph; when the paragraph is gone, at
 * the end of the paragraph before it (or at the start of the story). Null in a story without facts.
 */
export function spotNow(doc: StoryDocument, spot: FactSpot): InsertionPoint | null {
  const paragraph = doc.paragraphs.find((p) => p.id === spot.paragraphId);
  if (paragraph) {
    const anchorStays = spot.afterFactId === null || paragraph.facts.some((f) => f.id === spot.afterFactId);
    return { paragraphId: paragraph.id, afterFactId: anchorStays ? spot.afterFactId : (paragraph.facts[paragraph.facts.length - 1]?.id ?? null) };
  }
  const before = spot.afterParagraphId === null ? undefined : doc.paragraphs.find((p) => p.id === spot.afterParagraphId);
  if (before) return { paragraphId: before.id, afterFactId: before.facts[before.facts.length - 1]?.id ?? null };
  const first = doc.paragraphs[0];
  return first ? { paragraphId: first.id, afterFactId: null } : null;
}

/**
 * A fact put back where another one stood: in its paragraph after the same fact (the server
 * moves it to the paragraph's end if that fact has gone meanwhile), or, when the paragraph went
 * with it, in a paragraph of its own where that paragraph was.
 */
export function buildAddFactAt(doc: StoryDocument, spot: FactSpot, fact: NewFact, newId: () => string): StoryOperation[] {
  if (doc.paragraphs.some((p) => p.id === spot.paragraphId)) {
    return [{ type: "addFact", factId: newId(), paragraphId: spot.paragraphId, afterFactId: spot.afterFactId, ...fact }];
  }
  const paragraphId = newId();
  const afterParagraphId = spot.afterParagraphId !== null && doc.paragraphs.some((p) => p.id === spot.afterParagraphId) ? spot.afterParagraphId : null;
  return [
    { type: "addParagraph", paragraphId, afterParagraphId },
    { type: "addFact", factId: newId(), paragraphId, afterFactId: null, ...fact },
  ];
}
