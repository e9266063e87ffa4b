/**
 * How a published story cites its wires, worked out once for every public output: the page
 * numbers facts and sources and marks each fact with its sources' numbers; ninjs lists the same
 * facts with their sources and the wires that support them. Sources are numbered in order of
 * first citation, as readers meet them; a wire that only disputes facts is numbered after them.
 */
import type { PublicDocument, PublicFact } from "./public";
import type { WireSourceInfo } from "./types";

export interface CitedFact {
  fact: PublicFact;
  /** 1-based, in reading order. */
  number: number;
  /** 0-based paragraph index. */
  paragraph: number;
  /** Numbers of the sources that support the fact, ascending, each once. */
  marks: number[];
}

export interface CitedSource<W extends WireSourceInfo = WireSourceInfo> {
  number: number;
  wire: W;
  /** Numbers of the facts this wire supports. */
  supports: number[];
  /** What this wire reported where a fact says otherwise; it is never cited for those facts. */
  reported: { fact: number; values: string[] }[];
}

export interface Citations<W extends WireSourceInfo = WireSourceInfo> {
  facts: CitedFact[];
  /** Every wire the story cites or that disputes one of its facts, by number. */
  sources: CitedSource<W>[];
}

/** `wires` may carry more than WireSourceInfo (the public page's titles): each source keeps its wire as given. */
export function citeSources<W extends WireSourceInfo>(document: PublicDocument, wires: readonly W[]): Citations<W> {
  const numbers = new Map<string, number>();
  const number = (wireStoryId: string) => {
    if (!numbers.has(wireStoryId)) numbers.set(wireStoryId, numbers.size + 1);
    return numbers.get(wireStoryId)!;
  };
  const supports = new Map<string, number[]>();
  const facts: CitedFact[] = [];
  document.paragraphs.forEach((paragraph, paragraphIndex) => {
    for (const fact of paragraph.facts) {
      const factNumber = facts.length + 1;
      const marks = new Set<number>();
      for (const source of fact.sources) {
        marks.add(number(source.wireStoryId));
        const list = supports.get(source.wireStoryId) ?? [];
        if (!list.includes(factNumber)) list.push(factNumber);
        supports.set(source.wireStoryId, list);
      }
      facts.push({ fact, number: factNumber, paragraph: paragraphIndex, marks: [...marks].sort((a, b) => a - b) });
    }
  });
  // Disputes are numbered only after every supporting citation, so a fact's marks never skip a number.
  const reported = new Map<string, Map<number, string[]>>();
  for (const { fact, number: factNumber } of facts) {
    for (const dispute of fact.disputedBy ?? []) {
      const byFact = reported.get(dispute.wireStoryId) ?? new Map<number, string[]>();
      const values = byFact.get(factNumber) ?? [];
      if (!values.includes(dispute.value)) values.push(dispute.value);
      byFact.set(factNumber, values);
      reported.set(dispute.wireStoryId, byFact);
    }
  }
  for (const id of reported.keys()) number(id);
  const sources = wires
    .filter((wire) => numbers.has(wire.id))
    .map((wire) => ({
      number: numbers.get(wire.id)!,
      wire,
      supports: supports.get(wire.id) ?? [],
      reported: [...(reported.get(wire.id) ?? new Map<number, string[]>())].map(([fact, values]) => ({ fact, values })),
    }))
    .sort((a, b) => a.number - b.number);
  return { facts, sources };
}
