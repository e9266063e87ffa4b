/**
 * The wire sentences a story leaves out: neither the source of any fact nor (for a disputing
 * one) stated by it, each with the reason. With the facts' sources this accounts for every
 * sentence of the story's wires, as the engine's `leftOut` does for its draft; kept current as
 * the story is edited, so a sentence whose fact was deleted shows up here again.
 */
import type { SourceRef, StoryDocument } from "./types";

export interface LeftOutWireSentence {
  wireStoryId: string;
  /** Index of the sentence in the wire's body. */
  index: number;
  start: number;
  end: number;
  /** "disputes Fact 3: states “1,200 kilometers”", or "in no fact". */
  reason: string;
  /** The facts the sentence disputes, with the value it states for each. */
  disputes: { factId: string; value: string }[];
}

interface WireSentences {
  id: string;
  sentences: ReadonlyArray<{ index: number; start: number; end: number }>;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && a.end > b.start;

/**
 * `accounted` are sentences dealt with elsewhere: those a flagged fact is offered to cite instead
 * of an older version of their wire (lib/domain/story/source-updates.ts).
 */
export function leftOutSentences(doc: StoryDocument, wires: readonly WireSentences[], accounted: readonly SourceRef[] = []): LeftOutWireSentence[] {
  const facts = doc.paragraphs.flatMap((p) => p.facts);
  const number = new Map(facts.map((f, i) => [f.id, i + 1]));
  const cited = new Map<string, Array<{ start: number; end: number }>>();
  const disputing = new Map<string, Array<{ start: number; end: number; factId: string; value: string }>>();
  for (const s of accounted) cited.set(s.wireStoryId, [...(cited.get(s.wireStoryId) ?? []), s]);
  for (const fact of facts) {
    for (const s of fact.sources) cited.set(s.wireStoryId, [...(cited.get(s.wireStoryId) ?? []), s]);
    for (const d of fact.disputedBy ?? []) disputing.set(d.wireStoryId, [...(disputing.get(d.wireStoryId) ?? []), { ...d, factId: fact.id }]);
  }
  const out: LeftOutWireSentence[] = [];
  for (const wire of wires) {
    for (const sentence of wire.sentences) {
      if ((cited.get(wire.id) ?? []).some((s) => overlaps(s, sentence))) continue;
      const disputes: { factId: string; value: string }[] = [];
      for (const d of disputing.get(wire.id) ?? []) {
        if (overlaps(d, sentence) && !disputes.some((x) => x.factId === d.factId && x.value === d.value)) disputes.push({ factId: d.factId, value: d.value });
      }
      const byFact = new Map<string, string[]>();
      for (const d of disputes) byFact.set(d.factId, [...(byFact.get(d.factId) ?? []), d.value]);
      const reason =
        byFact.size === 0
          ? "in no fact"
          : [...byFact].map(([factId, values]) => `disputes Fact ${number.get(factId)}: states ${values.map((v) => `“${v}”`).join(", ")}`).join("; ");
      out.push({ wireStoryId: wire.id, index: sentence.index, start: sentence.start, end: sentence.end, reason, disputes });
    }
  }
  return out;
}
