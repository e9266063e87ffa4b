/**
 * The consolidation engine's data: plain objects in, plain objects out. Offsets are JavaScript
 * string indices into the story's text (ParsedWire.text), as everywhere in lib/domain.
 */
import type { TextRange } from "../text/types";
import type { LinkReason } from "./similarity";

/** One sentence of a story body, as segmentation produces it (a structural subset of wire's Sentence). */
export interface FactSentence {
  start: number;
  end: number;
  /** The sentence as a reader sees it (parts joined with one space when repaired across a break). */
  text: string;
  /** Pieces of the story text that make up the sentence; omitted means the one range [start, end). */
  parts?: readonly TextRange[];
  /** Paragraph of the body the sentence starts in, 0-based. */
  paragraph: number;
}

/** A story as the engine needs it; build one from a ParsedWire with `storyFromParsedWire`. */
export interface FactStory {
  /** Unique within one consolidation; also the final tie-breaker that makes output independent of input order. */
  id: string;
  agency: string | null;
  headline: string | null;
  /** ISO date YYYY-MM-DD when known: resolves weekdays and dates without a year. */
  date?: string | null;
  /** Body sentences in reading order (boilerplate already removed). */
  sentences: readonly FactSentence[];
}

/** A sentence's place: the story, its position in `sentences`, and its offsets. */
export interface SentenceRef {
  storyId: string;
  sentence: number;
  start: number;
  end: number;
}

export interface FactLink {
  /** Positions in the cluster's `members`. */
  a: number;
  b: number;
  score: number;
  reason: LinkReason;
}

export type DiscrepancyKind = "number" | "date" | "weekday" | "person" | "place" | "organisation" | "attribution";

export interface DiscrepancyMention extends SentenceRef {
  /** Offsets of the differing words in the story text. */
  spanStart: number;
  spanEnd: number;
  /** The words as written. */
  text: string;
}

export interface DiscrepancySide {
  /** Normalised value compared, e.g. "17 month", "2023-09-12", "tuesday", "kcna". */
  value: string;
  mentions: DiscrepancyMention[];
}

export interface Discrepancy {
  kind: DiscrepancyKind;
  /** Two sides that disagree; each side lists every source that says it. */
  sides: [DiscrepancySide, DiscrepancySide];
}

export interface FactCluster {
  /** "f1", "f2", … in canonical order (stories sorted by id, then reading order). */
  id: string;
  /** One sentence per story at most, in canonical story order. */
  members: SentenceRef[];
  /** The links the cluster was built from (pair evidence, for explanations and review). */
  links: FactLink[];
  discrepancies: Discrepancy[];
}

export interface AlignmentStats {
  stories: number;
  sentences: number;
  /** Pairs proposed by the inverted index (never all pairs). */
  candidatePairs: number;
  /** Pairs scored, including on-demand scores for the average-linkage check. */
  scoredPairs: number;
  links: number;
}

export interface Alignment {
  clusters: FactCluster[];
  stats: AlignmentStats;
}

export type DraftSource = SentenceRef;

/**
 * A sentence of the fact's cluster that states a different value (number, date, weekday, name,
 * who said it) than the fact's text: it disputes the fact and is never one of its sources.
 */
export interface DisputingSource extends SentenceRef {
  kind: DiscrepancyKind;
  /** The value as this source writes it, e.g. "1,200 people". */
  value: string;
  /** The value as the fact's text states it, e.g. "about 900 people". */
  factValue: string;
}

/** A body sentence that is neither a fact's wording nor one of its sources, and why. */
export interface LeftOutSentence extends SentenceRef {
  reason: string;
  /** The fact the sentence disputes, when that is why it was left out. */
  clusterId: string | null;
}

export interface DraftFact {
  clusterId: string;
  text: string;
  /** Every source sentence that states the fact as `text` does, in canonical story order. */
  sources: DraftSource[];
  /** Sentences that state the fact with a different value; disjoint from `sources`. */
  disputedBy: DisputingSource[];
  /** The sentence whose wording `text` uses. */
  wordingFrom: SentenceRef;
  singleSource: boolean;
  discrepancies: Discrepancy[];
}

export interface Draft {
  headline: string;
  /** The best-corroborated opening fact. */
  lede: DraftFact | null;
  /** Paragraphs of facts; the first paragraph holds the lede alone. */
  paragraphs: DraftFact[][];
  /** "Compiled from AP, AFP and RFE/RL reports". */
  creditLine: string;
  /**
   * Body sentences no fact states or is sourced from, each with its reason, in canonical story
   * order: with `paragraphs`, every body sentence of every story is accounted for.
   */
  leftOut: LeftOutSentence[];
}

export interface Consolidation extends Alignment {
  draft: Draft;
}
