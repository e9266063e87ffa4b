/**
 * Checks of operation input that need no document: ids, versions, texts, sources. Operations
 * usually arrive through `storyOperationSchema` already, but the domain checks again because
 * it is the last line of defence and tests (and scripts) call it directly.
 */
import { AppError } from "@/lib/domain/errors";
import type { OperationOf, StoryOperation } from "./operation-types";
import { STORY_OPERATION_TYPES } from "./operation-types";
import type { DiscrepancyKind, DiscrepancyResolution, FactDiscrepancy, SourceRef, StoryDocument } from "./types";

/** Sizes beyond which input is refused: generous for news copy, small enough to keep documents light. */
export const STORY_LIMITS = {
  id: 200,
  factText: 5_000,
  headline: 300,
  standfirst: 1_000,
  dateline: 200,
  note: 2_000,
  sourcesPerFact: 100,
} as const;

export const DISCREPANCY_KINDS: readonly DiscrepancyKind[] = ["number", "date", "weekday", "person", "place", "organisation", "attribution"];

function invalid(message: string, field: string): never {
  throw new AppError("INVALID_INPUT", message, { field });
}

export function checkId(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "" || value.length > STORY_LIMITS.id) invalid(`${field} must be a non-empty id`, field);
  return value;
}

export function checkOptionalId(value: unknown, field: string): string | null {
  return value === null ? null : checkId(value, field);
}

export function checkVersion(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) invalid(`${field} must be a non-negative integer`, field);
  return value;
}

/** Fact text: must say something, and is stored as written (the editor owns the wording). */
export function checkFactText(value: unknown, field = "text"): string {
  if (typeof value !== "string" || value.trim() === "") invalid("A fact's text cannot be empty", field);
  if (value.length > STORY_LIMITS.factText) invalid(`A fact's text is limited to ${STORY_LIMITS.factText} characters`, field);
  return value;
}

/** Notes: a blank note is no note, so it normalises to null. */
export function normaliseNote(value: unknown, field = "note"): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") invalid(`${field} must be text or null`, field);
  if (value.length > STORY_LIMITS.note) invalid(`${field} is limited to ${STORY_LIMITS.note} characters`, field);
  return value.trim() === "" ? null : value;
}

export function checkSource(value: unknown, field = "source"): SourceRef {
  const s = value as Partial<SourceRef> | null;
  if (typeof s !== "object" || s === null) invalid(`${field} must be a source reference`, field);
  checkId(s.wireStoryId, `${field}.wireStoryId`);
  if (typeof s.start !== "number" || !Number.isSafeInteger(s.start) || s.start < 0) invalid(`${field}.start must be a non-negative integer`, field);
  if (typeof s.end !== "number" || !Number.isSafeInteger(s.end) || s.end <= s.start) invalid(`${field}.end must be an integer after start`, field);
  return { wireStoryId: s.wireStoryId!, start: s.start, end: s.end };
}

export function sameSource(a: SourceRef, b: SourceRef): boolean {
  return a.wireStoryId === b.wireStoryId && a.start === b.start && a.end === b.end;
}

export function checkSources(value: unknown, field = "sources"): SourceRef[] {
  if (!Array.isArray(value)) invalid(`${field} must be a list`, field);
  if (value.length > STORY_LIMITS.sourcesPerFact) invalid(`A fact can cite at most ${STORY_LIMITS.sourcesPerFact} sources`, field);
  const out: SourceRef[] = [];
  value.forEach((item, i) => {
    const source = checkSource(item, `${field}[${i}]`);
    if (out.some((s) => sameSource(s, source))) invalid(`${field} lists the same source twice`, field);
    out.push(source);
  });
  return out;
}

function checkResolution(value: unknown, sides: number, field: string): DiscrepancyResolution | null {
  if (value === null) return null;
  const r = value as Partial<DiscrepancyResolution> | null;
  if (typeof r !== "object" || r === null) invalid(`${field} must be a resolution or null`, field);
  const chosenSide = checkChosenSide(r.chosenSide ?? null, sides, `${field}.chosenSide`);
  const note = normaliseNote(r.note, `${field}.note`);
  // The same rule as resolveDiscrepancy, so undo can always re-apply a stored resolution.
  if (chosenSide === null && note === null) invalid(`${field} needs a chosen side or a note`, field);
  checkId(r.resolvedBy, `${field}.resolvedBy`);
  checkTimestamp(r.resolvedAt, `${field}.resolvedAt`);
  return { chosenSide, note, resolvedBy: r.resolvedBy!, resolvedAt: r.resolvedAt! };
}

export function checkChosenSide(value: unknown, sides: number, field = "chosenSide"): number | null {
  if (value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value >= sides) invalid(`${field} must be the index of one of the ${sides} sides, or null`, field);
  return value;
}

export function checkTimestamp(value: unknown, field: string): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) invalid(`${field} must be an ISO timestamp`, field);
  return value;
}

export function checkDiscrepancies(value: unknown, field = "discrepancies"): FactDiscrepancy[] {
  if (!Array.isArray(value)) invalid(`${field} must be a list`, field);
  const ids = new Set<string>();
  return value.map((item, i) => {
    const f = `${field}[${i}]`;
    const d = item as Partial<FactDiscrepancy> | null;
    if (typeof d !== "object" || d === null) invalid(`${f} must be a discrepancy`, f);
    const id = checkId(d.id, `${f}.id`);
    if (ids.has(id)) invalid(`${field} lists discrepancy ${id} twice`, field);
    ids.add(id);
    if (!DISCREPANCY_KINDS.includes(d.kind as DiscrepancyKind)) invalid(`${f}.kind is not a discrepancy kind`, f);
    if (typeof d.detail !== "string") invalid(`${f}.detail must be text`, f);
    if (!Array.isArray(d.sides) || d.sides.length < 2) invalid(`${f} needs at least two sides`, f);
    const sides = d.sides.map((side, k) => {
      if (typeof side !== "object" || side === null || typeof side.value !== "string") invalid(`${f}.sides[${k}] must have a value`, f);
      const sources = checkSources(side.sources, `${f}.sides[${k}].sources`);
      if (side.stated === undefined) return { value: side.value, sources };
      const stated: unknown = side.stated;
      if (!Array.isArray(stated) || stated.length !== sources.length || !stated.every((v) => typeof v === "string" && v.trim() !== "" && v.length <= STORY_LIMITS.note)) {
        invalid(`${f}.sides[${k}].stated must give the value each source states, one per source`, f);
      }
      return { value: side.value, sources, stated: stated as string[] };
    });
    return { id, kind: d.kind!, detail: d.detail, sides, resolution: checkResolution(d.resolution ?? null, sides.length, `${f}.resolution`) };
  });
}

function checkMeta(op: OperationOf<"setMeta">): void {
  checkVersion(op.baseMetaVersion, "baseMetaVersion");
  if (op.headline === undefined && op.standfirst === undefined && op.dateline === undefined) invalid("setMeta changes nothing", "setMeta");
  if (op.headline !== undefined && (typeof op.headline !== "string" || op.headline.length > STORY_LIMITS.headline)) {
    invalid(`The headline is limited to ${STORY_LIMITS.headline} characters`, "headline");
  }
  if (op.standfirst !== undefined && (typeof op.standfirst !== "string" || op.standfirst.length > STORY_LIMITS.standfirst)) {
    invalid(`The standfirst is limited to ${STORY_LIMITS.standfirst} characters`, "standfirst");
  }
  if (op.dateline !== undefined && op.dateline !== null && (typeof op.dateline !== "string" || op.dateline.trim() === "" || op.dateline.length > STORY_LIMITS.dateline)) {
    invalid("The dateline must be null or non-blank text", "dateline");
  }
}

/**
 * Throws INVALID_INPUT unless the operation is well-formed on its own. What depends on the
 * document (ids that exist, versions, sources present) is checked when it is applied.
 */
export function validateOperation(op: StoryOperation): void {
  if (typeof op !== "object" || op === null || !STORY_OPERATION_TYPES.includes(op.type)) invalid("Unknown story operation", "type");
  if ("factId" in op) checkId(op.factId, "factId");
  if ("baseVersion" in op) checkVersion(op.baseVersion, "baseVersion");
  switch (op.type) {
    case "editText":
      checkFactText(op.text);
      return;
    case "setMeta":
      checkMeta(op);
      return;
    case "addFact":
      checkId(op.paragraphId, "paragraphId");
      checkOptionalId(op.afterFactId, "afterFactId");
      checkFactText(op.text);
      checkSources(op.sources);
      normaliseNote(op.ownReportingNote, "ownReportingNote");
      if (op.discrepancies !== undefined) checkDiscrepancies(op.discrepancies);
      if (op.previousVersion !== undefined) checkVersion(op.previousVersion, "previousVersion");
      if (op.afterFactId === op.factId) invalid("A fact cannot be placed after itself", "afterFactId");
      return;
    case "deleteFact":
      return;
    case "mergeFacts":
      for (const side of ["first", "second"] as const) {
        if (typeof op[side] !== "object" || op[side] === null) invalid(`${side} must name a fact`, side);
        checkId(op[side].factId, `${side}.factId`);
        checkVersion(op[side].baseVersion, `${side}.baseVersion`);
      }
      if (op.first.factId === op.second.factId) invalid("A fact cannot be merged with itself", "second");
      return;
    case "splitFact":
      checkId(op.newFactId, "newFactId");
      if (op.newFactId === op.factId) invalid("The new fact needs its own id", "newFactId");
      if (typeof op.at === "number") {
        if (!Number.isSafeInteger(op.at) || op.at <= 0) invalid("at must be a character index inside the text", "at");
      } else if (typeof op.at === "object" && op.at !== null) {
        checkFactText(op.at.first, "at.first");
        checkFactText(op.at.second, "at.second");
      } else invalid("at must be a character index or two texts", "at");
      if (op.newFactPreviousVersion !== undefined) checkVersion(op.newFactPreviousVersion, "newFactPreviousVersion");
      return;
    case "moveFact":
      checkId(op.toParagraphId, "toParagraphId");
      checkOptionalId(op.afterFactId, "afterFactId");
      if (op.afterFactId === op.factId) invalid("A fact cannot be moved after itself", "afterFactId");
      return;
    case "addParagraph":
      checkId(op.paragraphId, "paragraphId");
      checkOptionalId(op.afterParagraphId, "afterParagraphId");
      if (op.afterParagraphId === op.paragraphId) invalid("A paragraph cannot be placed after itself", "afterParagraphId");
      return;
    case "removeEmptyParagraph":
      checkId(op.paragraphId, "paragraphId");
      return;
    case "attachSource":
      checkSource(op.source);
      if (op.index !== undefined && (typeof op.index !== "number" || !Number.isSafeInteger(op.index) || op.index < 0)) invalid("index must be a non-negative integer", "index");
      return;
    case "detachSource":
      checkSource(op.source);
      return;
    case "disputeFact":
      // The value is checked with the fact's other disputing sources (checkDisputedBy, when applied).
      checkSource(op.source);
      checkDiscrepancies(op.discrepancies);
      if (op.discrepancies.length === 0) invalid("A disputing source brings at least one discrepancy", "discrepancies");
      if (op.discrepancies.some((d) => d.resolution !== null)) invalid("A new discrepancy is open: an editor resolves it afterwards", "discrepancies");
      if (!op.discrepancies.every((d) => d.sides.some((side) => side.sources.some((s) => sameSource(s, op.source))))) {
        invalid("Each discrepancy must have the disputing source on one of its sides", "discrepancies");
      }
      return;
    case "resolveDiscrepancy":
      checkId(op.discrepancyId, "discrepancyId");
      if (op.chosenSide !== null && (typeof op.chosenSide !== "number" || !Number.isInteger(op.chosenSide) || op.chosenSide < 0)) invalid("chosenSide must be a side index or null", "chosenSide");
      if (op.chosenSide === null && normaliseNote(op.note) === null) invalid("Resolve a discrepancy by choosing a side or writing a note", "note");
      checkId(op.by, "by");
      checkTimestamp(op.at, "at");
      return;
    case "reopenDiscrepancy":
      checkId(op.discrepancyId, "discrepancyId");
      return;
    case "setOwnReportingNote":
      normaliseNote(op.note);
      return;
    case "restoreFact":
      if (typeof op.content !== "object" || op.content === null) invalid("content must be a fact's content", "content");
      checkFactText(op.content.text, "content.text");
      checkSources(op.content.sources, "content.sources");
      normaliseNote(op.content.ownReportingNote, "content.ownReportingNote");
      checkDiscrepancies(op.content.discrepancies, "content.discrepancies");
      return;
  }
}

/** A source reference an operation brings into the document, and the field it came in. */
export interface CitedSource {
  source: SourceRef;
  field: string;
}

function discrepancySources(discrepancies: readonly FactDiscrepancy[] | undefined, field: string): CitedSource[] {
  return (discrepancies ?? []).flatMap((d, i) => d.sides.flatMap((side, k) => side.sources.map((source, j) => ({ source, field: `${field}[${i}].sides[${k}].sources[${j}]` }))));
}

/**
 * The wire sentences an operation cites: what it adds to a fact's sources or discrepancies.
 * detachSource is not among them: it only removes, and a source not on the fact is refused anyway.
 */
export function citedSources(op: StoryOperation): CitedSource[] {
  switch (op.type) {
    case "addFact":
      return [
        ...op.sources.map((source, i) => ({ source, field: `sources[${i}]` })),
        ...(op.disputedBy ?? []).map((source, i) => ({ source, field: `disputedBy[${i}]` })),
        ...discrepancySources(op.discrepancies, "discrepancies"),
      ];
    case "attachSource":
      return [{ source: op.source, field: "source" }];
    case "disputeFact":
      return [{ source: op.source, field: "source" }, ...discrepancySources(op.discrepancies, "discrepancies")];
    case "restoreFact":
      return [
        ...op.content.sources.map((source, i) => ({ source, field: `content.sources[${i}]` })),
        ...(op.content.disputedBy ?? []).map((source, i) => ({ source, field: `content.disputedBy[${i}]` })),
        ...discrepancySources(op.content.discrepancies, "content.discrepancies"),
      ];
    default:
      return [];
  }
}

/**
 * Throws INVALID_INPUT unless every source lies inside the text of one of the story's wire
 * stories (`wireTextLengths`: wire story id → length of its text). A source is offsets into
 * that text, so one elsewhere would credit a wire the story doesn't have, or words it doesn't say.
 */
export function checkSourcesInWires(sources: readonly CitedSource[], wireTextLengths: ReadonlyMap<string, number>): void {
  for (const { source, field } of sources) {
    checkSource(source, field);
    const length = wireTextLengths.get(source.wireStoryId);
    if (length === undefined) invalid(`${field} cites wire story ${source.wireStoryId}, which is not one of this story's wire stories`, field);
    if (source.end > length) invalid(`${field} ends at ${source.end}, past the end of the wire story's text (${length} characters)`, field);
  }
}

/**
 * What is wrong with a stored document, as sentences (empty when nothing is). The operations
 * keep these invariants; this is for documents that come from elsewhere (imports, tests).
 */
export function documentProblems(doc: StoryDocument): string[] {
  const problems: string[] = [];
  const paragraphIds = new Set<string>();
  const factIds = new Set<string>();
  for (const p of doc.paragraphs) {
    if (paragraphIds.has(p.id)) problems.push(`paragraph ${p.id} appears twice`);
    paragraphIds.add(p.id);
    for (const f of p.facts) {
      if (factIds.has(f.id)) problems.push(`fact ${f.id} appears twice`);
      factIds.add(f.id);
      if (f.text.trim() === "") problems.push(`fact ${f.id} has no text`);
      if (f.sources.length === 0 && (f.ownReportingNote === null || f.ownReportingNote.trim() === "")) {
        problems.push(`fact ${f.id} has neither a source nor an own-reporting note`);
      }
      if (!Number.isSafeInteger(f.version) || f.version < 0) problems.push(`fact ${f.id} has an invalid version`);
      const disputing = new Set((f.disputedBy ?? []).map((d) => `${d.wireStoryId}\u0000${d.start}\u0000${d.end}`));
      if (f.sources.some((s) => disputing.has(`${s.wireStoryId}\u0000${s.start}\u0000${s.end}`))) problems.push(`fact ${f.id} cites a wire sentence that disputes it`);
      try {
        checkSources(f.sources, `fact ${f.id} sources`);
        checkDiscrepancies(f.discrepancies, `fact ${f.id} discrepancies`);
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
  }
  return problems;
}
