/**
 * Consolidation engine: which sentences of several stories state the same fact, where the
 * sources disagree, and one draft in which every sentence carries all its sources.
 * Framework-free, deterministic, no network, no model download.
 */
export { consolidate, type ConsolidateOptions, type ConsolidateTimings } from "./consolidate";
export { alignStories, type AlignOptions } from "./align";
export { findDiscrepancies, type DiscrepancyInput } from "./discrepancies";
export { describeDiscrepancy, type StoryLabel } from "./describe";
export { storyFromParsedWire } from "./input";
export { compareSentences, decidePair, LINK_THRESHOLD, type LinkReason, type PairDecision } from "./similarity";
export { profileSentence, type SentenceProfile } from "./profile";
export { parsePairsTsv, type LabelledPair } from "./pairs-tsv";
export type {
  Alignment,
  AlignmentStats,
  Consolidation,
  Discrepancy,
  DiscrepancyKind,
  DiscrepancyMention,
  DiscrepancySide,
  DisputingSource,
  Draft,
  DraftFact,
  DraftSource,
  FactCluster,
  FactLink,
  FactSentence,
  FactStory,
  LeftOutSentence,
  SentenceRef,
} from "./types";
