/**
 * How the newsroom's screens put a fact's wire sentences into words: who disputes it and with
 * what, what its discrepancies set against each other, which sources a revision added. Wires are
 * named by the caller's `labelOf` (the story's `wireLabel`), so each text names the wire the
 * editor sees as a tab, not just its agency.
 */
import type { DisputingSource, FactDiscrepancy, SourceRef } from "./types";

/** How a wire is named: `(id) => wireLabel(wires, id)`. */
export type WireLabelOf = (wireStoryId: string) => string;

/** One wire sentence that disputes a fact, with every value it states ("1,200 kilometers", "750 miles"). */
export interface DisputingSentence extends SourceRef {
  values: string[];
}

/**
 * The fact's disputing sentences, each once, in the order first listed. The data holds one
 * entry per value, so a sentence that states two values of one fact (kilometers and miles)
 * would otherwise be shown twice.
 */
export function disputingSentences(disputedBy: readonly DisputingSource[] | undefined): DisputingSentence[] {
  const bySentence = new Map<string, DisputingSentence>();
  for (const { wireStoryId, start, end, value } of disputedBy ?? []) {
    const key = `${wireStoryId}\u0000${start}\u0000${end}`;
    const sentence = bySentence.get(key) ?? { wireStoryId, start, end, values: [] };
    if (!sentence.values.includes(value)) sentence.values.push(value);
    bySentence.set(key, sentence);
  }
  return [...bySentence.values()];
}

/** "Unattributed 6: 1,200 kilometers, 750 miles; AP 1: Wednesday": each disputing wire once, with what it states. */
export function disputedByText(disputedBy: readonly DisputingSource[] | undefined, labelOf: WireLabelOf): string {
  const byWire = new Map<string, string[]>();
  for (const { wireStoryId, value } of disputedBy ?? []) {
    const values = byWire.get(wireStoryId) ?? [];
    if (!values.includes(value)) values.push(value);
    byWire.set(wireStoryId, values);
  }
  return [...byWire].map(([id, values]) => `${labelOf(id)}: ${values.join(", ")}`).join("; ");
}

/**
 * `weekday: "Tuesday" (AP 1, Unattributed 6) vs "Wednesday" (Unattributed 5)`: each side's
 * value with the wires that state it, named as the story's tabs name them.
 */
export function discrepancyDetail(discrepancy: Pick<FactDiscrepancy, "kind" | "sides">, labelOf: WireLabelOf): string {
  const side = ({ value, sources }: FactDiscrepancy["sides"][number]) => {
    const who = [...new Set(sources.map((source) => labelOf(source.wireStoryId)))];
    return who.length > 0 ? `“${value}” (${who.join(", ")})` : `“${value}”`;
  };
  return `${discrepancy.kind}: ${discrepancy.sides.map(side).join(" vs ")}`;
}

/** "AFP 4 (2 sentences), AP 1": the wires of `sources`, each once in order of first mention, with how many of its sentences. */
export function sourcesByWire(sources: readonly SourceRef[], labelOf: WireLabelOf): string {
  const counts = new Map<string, number>();
  for (const { wireStoryId } of sources) counts.set(wireStoryId, (counts.get(wireStoryId) ?? 0) + 1);
  return [...counts].map(([id, count]) => (count > 1 ? `${labelOf(id)} (${count} sentences)` : labelOf(id))).join(", ");
}
