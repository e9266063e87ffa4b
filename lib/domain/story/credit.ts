/**
 * How a story names and credits its wire sources: a wire's label ("AP 1", "Unattributed 6"),
 * the credit line under the story, and the compact marks shown next to each fact in the
 * workspace. Every screen and output names a wire through `agencyName` and `wireLabel`, so a
 * wire of no known agency is called the same everywhere.
 */
import type { SourceRef, StoryFact, WireSourceInfo } from "./types";

/** Facts with more distinct source labels than this show a count instead of names. */
export const MAX_SOURCE_MARKS = 3;

/** What a wire that names no agency is called, on every screen and in every public output. */
export const UNATTRIBUTED = "Unattributed";

/** A wire's agency as shown: the agency, or "Unattributed" when the wire names none. */
export function agencyName(agency: string | null | undefined): string {
  return agency?.trim() || UNATTRIBUTED;
}

/** What `wireLabel` reads of a story's wires; the item and version name later versions after the first. */
export type LabelledWire = Pick<WireSourceInfo, "id" | "agency"> & { itemKey?: string; version?: number };

function agencyIndex(wires: readonly Pick<WireSourceInfo, "id" | "agency">[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const w of wires) {
    const agency = w.agency?.trim();
    if (agency) index.set(w.id, agency);
  }
  return index;
}

/** Agencies of `sources` in order of first citation, each once (compared case-insensitively). */
function agenciesCited(sources: Iterable<SourceRef>, agencyOf: ReadonlyMap<string, string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of sources) {
    const agency = agencyOf.get(s.wireStoryId);
    if (agency === undefined || seen.has(agency.toLowerCase())) continue;
    seen.add(agency.toLowerCase());
    out.push(agency);
  }
  return out;
}

/** "AP", "AP and AFP", "AP, AFP and RFE/RL". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** What crediting reads of a document: a story document and the public one (./public) alike. */
interface CitingDocument {
  paragraphs: ReadonlyArray<{ facts: ReadonlyArray<Pick<StoryFact, "sources">> }>;
}

function* sourcesInReadingOrder(doc: CitingDocument): Generator<SourceRef> {
  for (const p of doc.paragraphs) for (const f of p.facts) yield* f.sources;
}

/**
 * "Compiled from AP, AFP and RFE/RL reports": the agencies of the wire stories the facts cite,
 * in order of first use in the story, and "other" when facts also rest on wires of no known
 * agency ("Compiled from AP, AFP and other reports", as the engine's draft words it), so the
 * line does not pass their facts off as the agencies'. With no known agency the line is empty.
 */
export function creditLine(doc: CitingDocument, wires: readonly WireSourceInfo[]): string {
  const agencyOf = agencyIndex(wires);
  const sources = [...sourcesInReadingOrder(doc)];
  const agencies = agenciesCited(sources, agencyOf);
  if (agencies.length === 0) return "";
  const others = sources.some((s) => !agencyOf.has(s.wireStoryId));
  return `Compiled from ${joinNames(others ? [...agencies, "other"] : agencies)} reports`;
}

/**
 * Compact labels for a fact's sources: agency names, each once, in citation order, with
 * "Unattributed" standing for wires of no known agency (the name every screen gives them; the
 * inspector names each wire in full). A fact with more than three labels shows one, the number
 * of distinct wire stories: "5 sources".
 */
export function sourceMarks(fact: Pick<StoryFact, "sources">, wires: readonly LabelledWire[]): string[] {
  const agencyOf = agencyIndex(wires);
  const labels = agenciesCited(fact.sources, agencyOf);
  if (fact.sources.some((s) => !agencyOf.has(s.wireStoryId))) labels.push(UNATTRIBUTED);
  if (labels.length <= MAX_SOURCE_MARKS) return labels;
  const stories = new Set(fact.sources.map((s) => s.wireStoryId)).size;
  return [`${stories} sources`];
}

/**
 * How the newsroom names one of a story's wire stories: its agency and its place among the
 * story's wires ("AP 1", "Unattributed 2"), so two wires of one agency, or two of none, stay
 * apart on every screen.
 */
export function wireLabel(wires: readonly LabelledWire[], wireStoryId: string): string {
  const index = wires.findIndex((wire) => wire.id === wireStoryId);
  if (index < 0) return "Wire no longer in the story";
  const wire = wires[index]!;
  // A later version of a wire listed earlier is named after it: "AP 1 v2", not "AP 6".
  const first = wire.itemKey === undefined ? index : wires.findIndex((other) => other.itemKey === wire.itemKey);
  if (first < index) return `${wireLabel(wires, wires[first]!.id)} v${wire.version}`;
  return `${agencyName(wire.agency)} ${index + 1}`;
}
