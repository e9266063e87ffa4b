/**
 * What a wire contributes to event clustering: weighted terms from its headline, its lead and
 * the rest of its body, with names kept apart from ordinary words. Two reports of one event
 * share names (people, places, organisations) and the words of the headline and lead; two
 * different events of the same kind (two earthquakes, two rehab stays) share the ordinary words
 * but not the names, so names also count as terms of their own, which the clusterer compares apart
 * from ordinary words (`nameMix`). Figures written in digits (a year, a toll, a score, a
 * magnitude) tell two such events apart as names do, so they count with the names.
 */
import { tokenize, type Token } from "../facts/tokenize";

export interface EventWireInput {
  headline: string | null;
  /** Body sentences in reading order. */
  sentences: readonly string[];
  /** Dateline place as written, when the wire has one ("SEOUL, South Korea"). */
  dateline?: string | null;
}

/** Term → weight before IDF: field-weighted term frequencies. */
export type TermCounts = Map<string, number>;

export interface ProfileWeights {
  headline: number;
  lead: number;
  body: number;
  /** Multiplies a name term's weight (on top of its field weight). */
  name: number;
  /** Lead = this many first body sentences. */
  leadSentences: number;
}

/** Prefix that keeps a name or figure term ("N:putin", "N:2008") apart from the same word used as an ordinary one. */
export const NAME_PREFIX = "N:";

function addText(counts: TermCounts, text: string, weight: number, nameWeight: number): void {
  for (const t of tokenize(text)) {
    if (t.stop || t.stem.length < 2) continue;
    counts.set(t.stem, (counts.get(t.stem) ?? 0) + weight);
    if ((t.capitalized && !t.initial) || isFigure(t)) {
      const name = NAME_PREFIX + t.stem;
      counts.set(name, (counts.get(name) ?? 0) + weight * nameWeight);
    }
  }
}

/** A number written in digits; "four" is an ordinary word. */
function isFigure(t: Token): boolean {
  return t.kind === "number" && /\d/.test(t.raw);
}

export function eventTerms(wire: EventWireInput, w: ProfileWeights): TermCounts {
  const counts: TermCounts = new Map();
  if (wire.headline) addText(counts, wire.headline, w.headline, w.name);
  if (wire.dateline) addText(counts, wire.dateline, w.lead, w.name);
  wire.sentences.forEach((s, i) => addText(counts, s, i < w.leadSentences ? w.lead : w.body, w.name));
  // Sublinear term frequency: a long story repeating a word is not more about it than a short one.
  for (const [term, c] of counts) counts.set(term, Math.log1p(c));
  return counts;
}
