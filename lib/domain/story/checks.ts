/**
 * Checks the workspace shows next to a fact: what the edited text claims that its sources
 * don't say ("not in sources"), and badges for how the fact is sourced.
 *
 * Mentions are extracted with the consolidation engine's extractor (lib/domain/facts), so the
 * workspace and the discrepancy detector read numbers, dates and names the same way: units
 * are normalised ("60 km" = "60 kilometres", "about 40 miles" ≈ 64 km), spellings unified
 * (British/American, "North Korea" = "DPRK"), dates read from "September 12" or "12 Sept".
 */
import { extractDates, extractNames, extractQuantities, sameAmount, type DateMention, type Quantity } from "@/lib/domain/facts/mentions";
import { tokenize } from "@/lib/domain/facts/tokenize";
import type { SourceRef, StoryFact } from "./types";

export type MentionKind = "number" | "date" | "name";

export interface UnsupportedMention {
  kind: MentionKind;
  /** As written in the fact. */
  text: string;
  /** Offsets in the fact text, for highlighting. */
  start: number;
  end: number;
}

/** Titles before a name ("President Vladimir Putin"): a source may name the person without them. */
const TITLES = new Set([
  "president", "minister", "prime", "foreign", "defense", "deputy", "governor", "gov", "mr", "mrs", "ms", "dr", "sir",
  "chairman", "chairwoman", "leader", "spokesman", "spokeswoman", "spokesperson", "general", "gen", "comrade", "king",
  "queen", "prince", "princess", "premier", "chancellor", "secretary", "senator", "sen", "rep", "ambassador", "mayor",
  "judge", "pope", "admiral", "adm", "colonel", "col", "captain", "capt", "regional", "supreme", "vice", "state",
]);

interface BareNumber {
  value: number;
  start: number;
  end: number;
}

interface Mentions {
  quantities: Quantity[];
  dates: DateMention[];
  names: { words: string[]; start: number; end: number }[];
  /** Digits not part of a date or a quantity ("42", "a 3-2 vote"). */
  numbers: BareNumber[];
  /** Every numeric value written, digits or words, for matching counts and bare numbers. */
  values: Set<number>;
  /** Every normalised word, for matching names. */
  words: Set<string>;
}

function mentionsOf(text: string): Mentions {
  const tokens = tokenize(text);
  const { dates, used } = extractDates(tokens);
  const quantities = extractQuantities(tokens, used);
  const inQuantity = (start: number) => quantities.some((q) => q.start <= start && start < q.end);
  const numbers = tokens
    .filter((t, i) => t.kind === "number" && t.value !== null && !used.has(i) && !inQuantity(t.start))
    .map((t) => ({ value: t.value!, start: t.start, end: t.end }));
  const names = extractNames(tokens).map((n) => {
    const words = n.value.split(" ");
    // Leading titles are not the name; a source that says only "Putin" still supports "President Putin".
    let first = 0;
    while (first < words.length - 1 && TITLES.has(words[first]!.replace(/\.$/, ""))) first++;
    return { words: words.slice(first), start: n.start, end: n.end };
  });
  return {
    quantities,
    dates,
    names,
    numbers,
    values: new Set(tokens.filter((t) => t.value !== null).map((t) => t.value!)),
    words: new Set(tokens.map((t) => t.norm)),
  };
}

function quantitySupported(q: Quantity, sources: Mentions[]): boolean {
  return sources.some(
    (s) =>
      s.quantities.some((o) => o.measure === q.measure && sameAmount(q, o)) ||
      // A count may be worded with another noun ("500 people" / "500 residents"); the figure is what matters.
      (q.measure.startsWith("count:") && s.values.has(q.value)),
  );
}

function dateSupported(d: DateMention, sources: Mentions[]): boolean {
  return sources.some((s) =>
    s.dates.some((o) => {
      if (o.value === d.value) return true;
      // "September 12" is supported by "September 12, 2023" and the other way round; a year by a full date.
      if (d.kind === "date" && o.kind === "date") return o.value.endsWith(d.value) || d.value.endsWith(o.value);
      if (d.kind === "year" && o.kind === "date") return o.value.startsWith(`${d.value}-`);
      return false;
    }),
  );
}

/**
 * The numbers, dates and names in `factText` that none of `sourceTexts` states, in text order,
 * each once. "18 months" is flagged when the sources say "17 months"; "60 km" is supported by
 * "60 kilometres"; a name is supported when every word of it (titles aside) appears in one source.
 * With no source texts (own reporting) every mention is returned.
 */
export function unsupportedMentions(factText: string, sourceTexts: readonly string[]): UnsupportedMention[] {
  const fact = mentionsOf(factText);
  const sources = sourceTexts.map(mentionsOf);
  const out: UnsupportedMention[] = [];
  const flag = (kind: MentionKind, start: number, end: number) => out.push({ kind, text: factText.slice(start, end), start, end });
  for (const q of fact.quantities) if (!quantitySupported(q, sources)) flag("number", q.start, q.end);
  for (const n of fact.numbers) if (!sources.some((s) => s.values.has(n.value))) flag("number", n.start, n.end);
  for (const d of fact.dates) if (!dateSupported(d, sources)) flag("date", d.start, d.end);
  for (const n of fact.names) if (!sources.some((s) => n.words.every((w) => s.words.has(w)))) flag("name", n.start, n.end);
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  const seen = new Set<string>();
  return out.filter((m) => {
    const key = `${m.kind}\u0000${m.text.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The cited sentences of a fact, given the wire stories' texts (WireStory.text); sources whose
 * story is unknown are skipped. Feed the result to `unsupportedMentions`.
 */
export function citedTexts(sources: readonly SourceRef[], storyText: (wireStoryId: string) => string | null | undefined): string[] {
  const out: string[] = [];
  for (const s of sources) {
    const text = storyText(s.wireStoryId);
    if (text === null || text === undefined) continue;
    const slice = text.slice(s.start, s.end);
    if (slice.trim() !== "") out.push(slice);
  }
  return out;
}

export interface FactBadges {
  /** Every source is from the same wire story: nothing corroborates it. */
  singleSourced: boolean;
  /** At least one discrepancy between sources is not resolved yet. */
  disputed: boolean;
  /** The fact rests (also) on the reporter's own reporting. */
  ownReporting: boolean;
}

export function factBadges(fact: Pick<StoryFact, "sources" | "discrepancies" | "ownReportingNote">): FactBadges {
  return {
    singleSourced: new Set(fact.sources.map((s) => s.wireStoryId)).size === 1,
    disputed: fact.discrepancies.some((d) => d.resolution === null),
    ownReporting: fact.ownReportingNote !== null && fact.ownReportingNote.trim() !== "",
  };
}
