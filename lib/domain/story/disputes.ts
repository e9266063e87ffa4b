/**
 * Sourcing that tells the truth: a wire that states another value for a fact disputes it and
 * is never one of its sources. These are the rules the story operations apply when a
 * discrepancy is resolved by choosing a value, and the checks on disputing sources that come
 * in with an operation.
 */
import { AppError } from "@/lib/domain/errors";
import { extractDates, extractQuantities, sameAmount, type Quantity } from "@/lib/domain/facts/mentions";
import { tokenize } from "@/lib/domain/facts/tokenize";
import type { DiscrepancySide, DisputingSource, FactDiscrepancy, SourceRef, StoryFact } from "./types";
import { checkSource, STORY_LIMITS } from "./validate";

const sourceKey = (s: SourceRef) => `${s.wireStoryId}\u0000${s.start}\u0000${s.end}`;
const disputeKey = (d: DisputingSource) => `${sourceKey(d)}\u0000${d.value}`;

function invalid(message: string, field: string): never {
  throw new AppError("INVALID_INPUT", message, { field });
}

/** Validates a list of disputing sources from outside (an operation, a stored document). */
export function checkDisputedBy(value: unknown, field = "disputedBy"): DisputingSource[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) invalid(`${field} must be a list`, field);
  if (value.length > STORY_LIMITS.sourcesPerFact) invalid(`A fact can list at most ${STORY_LIMITS.sourcesPerFact} disputing sources`, field);
  const seen = new Set<string>();
  return value.map((item, i) => {
    const f = `${field}[${i}]`;
    const source = checkSource(item, f);
    const v = (item as { value?: unknown }).value;
    if (typeof v !== "string" || v.trim() === "" || v.length > STORY_LIMITS.note) invalid(`${f}.value must be the value the wire states`, f);
    const dispute = { ...source, value: v };
    if (seen.has(disputeKey(dispute))) invalid(`${field} lists the same disputing source twice`, field);
    seen.add(disputeKey(dispute));
    return dispute;
  });
}

/** The fact without an empty `disputedBy`: absent means none, so a fact nobody disputes keeps its plain shape. */
export function tidyDisputes<T extends Pick<StoryFact, "disputedBy">>(fact: T): T {
  if (fact.disputedBy === undefined || fact.disputedBy.length > 0) return fact;
  const { disputedBy: _none, ...rest } = fact;
  return rest as T;
}

/** UNPROCESSABLE when a wire sentence is cited for a fact it disputes. */
export function requireTruthfulSourcing(fact: Pick<StoryFact, "id" | "sources" | "disputedBy">): void {
  const disputing = new Map((fact.disputedBy ?? []).map((d) => [sourceKey(d), d.value]));
  for (const s of fact.sources) {
    const value = disputing.get(sourceKey(s));
    if (value !== undefined) {
      throw new AppError("UNPROCESSABLE", `This wire sentence disputes the fact (it states "${value}"); resolve the discrepancy before citing it`, { factIds: [fact.id] });
    }
  }
}

/** The value as the side's `k`th source states it. */
export function statedBy(side: DiscrepancySide, k: number): string {
  return side.stated?.[k] ?? side.value;
}

/** The ways the sources of one side write its value: from-draft joins them with " / ". */
function variants(value: string): string[] {
  return value
    .split(" / ")
    .map((v) => v.trim())
    .filter((v) => v !== "")
    .sort((a, b) => b.length - a.length);
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Where `words` stand in `text` as whole words, ignoring case; -1 when they don't. */
function findWords(text: string, words: string): number {
  const lower = text.toLowerCase();
  const needle = words.toLowerCase();
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + needle.length])) return at;
  }
  return -1;
}

/** The side whose value the text states (only one of them), or null. */
export function sideStatedBy(text: string, d: FactDiscrepancy): number | null {
  const stated = d.sides.map((side, k) => (variants(side.value).some((v) => findWords(text, v) >= 0) ? k : -1)).filter((k) => k >= 0);
  return stated.length === 1 ? stated[0]! : null;
}

/**
 * The text with the chosen side's value in place of another side's: the first whole-word
 * occurrence of another side's value is replaced. Unchanged when the text already states the
 * chosen value or states none of the others (the editor rewords it by hand then).
 */
export function rewriteValue(text: string, d: FactDiscrepancy, chosen: number): string {
  const target = variants(d.sides[chosen]!.value)[0];
  if (target === undefined || variants(d.sides[chosen]!.value).some((v) => findWords(text, v) >= 0)) return text;
  for (const [k, side] of d.sides.entries()) {
    if (k === chosen) continue;
    for (const v of variants(side.value)) {
      const at = findWords(text, v);
      if (at >= 0) return text.slice(0, at) + target + text.slice(at + v.length);
    }
  }
  return text;
}

/**
 * Sources after choosing a side: the wires of the other sides dispute the fact (with the value
 * each states) and stop being sources; the wires of the chosen side no longer dispute it on this
 * point, and become sources unless they still dispute another of its values.
 */
export function sourcingAfterChoice(fact: StoryFact, d: FactDiscrepancy, chosen: number): Pick<StoryFact, "sources" | "disputedBy"> {
  // A disputing entry names the value the wire states, so the chosen side's wires are listed under this discrepancy with its values.
  const values = new Set(d.sides.flatMap((side) => [side.value, ...variants(side.value)]));
  const chosenKeys = new Set(d.sides[chosen]!.sources.map(sourceKey));
  let disputedBy = (fact.disputedBy ?? []).filter((x) => !(chosenKeys.has(sourceKey(x)) && values.has(x.value)));
  const seen = new Set(disputedBy.map(disputeKey));
  for (const [k, side] of d.sides.entries()) {
    if (k === chosen) continue;
    for (const [i, s] of side.sources.entries()) {
      const dispute: DisputingSource = { wireStoryId: s.wireStoryId, start: s.start, end: s.end, value: statedBy(side, i) };
      if (chosenKeys.has(sourceKey(s)) || seen.has(disputeKey(dispute))) continue;
      seen.add(disputeKey(dispute));
      disputedBy = [...disputedBy, dispute];
    }
  }
  const disputing = new Set(disputedBy.map(sourceKey));
  const sources = fact.sources.filter((s) => !disputing.has(sourceKey(s)));
  const cited = new Set(sources.map(sourceKey));
  for (const s of d.sides[chosen]!.sources) {
    if (disputing.has(sourceKey(s)) || cited.has(sourceKey(s))) continue;
    cited.add(sourceKey(s));
    sources.push({ wireStoryId: s.wireStoryId, start: s.start, end: s.end });
  }
  return { sources, disputedBy };
}

/** The side of `d` stated by exactly the wire sentences of `side`, or -1. */
export function sideWithSameWires(d: FactDiscrepancy, side: DiscrepancySide): number {
  const wires = new Set(side.sources.map(sourceKey));
  return d.sides.findIndex((other) => other.sources.length === wires.size && other.sources.every((s) => wires.has(sourceKey(s))));
}

/** The quantity a side's value states ("900 kilometers"), when it is one quantity. */
function quantityOf(value: string): Quantity | null {
  const tokens = tokenize(value);
  const quantities = extractQuantities(tokens, extractDates(tokens).used);
  return quantities.length === 1 ? quantities[0]! : null;
}

/** "900 kilometers" and "550 miles": one amount of one measure, in two units. */
function isConversion(a: string, b: string): boolean {
  return variants(a).some((x) =>
    variants(b).some((y) => {
      const p = quantityOf(x);
      const q = quantityOf(y);
      return p !== null && q !== null && p.unit !== null && q.unit !== null && p.unit !== q.unit && p.measure === q.measure && sameAmount(p, q);
    }),
  );
}

/**
 * The fact's other open discrepancies in which the wires of the chosen side state the chosen
 * value converted into another unit ("900 kilometers (550 miles)"), each with that side. A
 * measure and its conversion are one value written twice, so they are resolved together
 * whichever side is chosen.
 */
export function conversionsOf(fact: Pick<StoryFact, "discrepancies">, d: FactDiscrepancy, chosen: number): Array<readonly [FactDiscrepancy, number]> {
  const side = d.sides[chosen]!;
  return fact.discrepancies
    .filter((other) => other.id !== d.id && other.resolution === null)
    .map((other) => [other, sideWithSameWires(other, side)] as const)
    .filter(([other, k]) => k >= 0 && isConversion(side.value, other.sides[k]!.value));
}

/** Whether two references are (parts of) one wire sentence. */
export const sameSentence = (a: SourceRef, b: SourceRef) => a.wireStoryId === b.wireStoryId && a.start < b.end && a.end > b.start;

/**
 * What a wire sentence that disputes facts of the story brings into a fact of its own: each
 * discrepancy of theirs it takes a side in, open and under a new id (the new fact states its
 * side, so the disagreement is as much the new fact's as the old one's), and the wires of the
 * other sides as disputing it, with the value each states.
 */
export function disputesOfSentence(
  disputed: readonly StoryFact[],
  sentence: SourceRef,
  newId: () => string,
): { discrepancies: FactDiscrepancy[]; disputedBy: DisputingSource[] } {
  const discrepancies: FactDiscrepancy[] = [];
  const disputedBy: DisputingSource[] = [];
  const seen = new Set<string>();
  for (const fact of disputed) {
    for (const d of fact.discrepancies) {
      const own = d.sides.findIndex((side) => side.sources.some((s) => sameSentence(s, sentence)));
      if (own < 0) continue;
      discrepancies.push({ ...d, id: newId(), resolution: null });
      for (const [k, side] of d.sides.entries()) {
        if (k === own) continue;
        for (const [i, s] of side.sources.entries()) {
          const dispute: DisputingSource = { wireStoryId: s.wireStoryId, start: s.start, end: s.end, value: statedBy(side, i) };
          if (seen.has(disputeKey(dispute))) continue;
          seen.add(disputeKey(dispute));
          disputedBy.push(dispute);
        }
      }
    }
  }
  return { discrepancies, disputedBy };
}
