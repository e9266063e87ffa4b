/**
 * Review diff: word-level inline diff of text, and the fact-by-fact diff of two story revisions.
 * Framework-free and deterministic.
 */
export {
  diffWords,
  diffBefore,
  diffAfter,
  hasChanges,
  tokenize,
  MAX_DIFF_TOKENS,
  MAX_EDIT_DISTANCE,
  type DiffOp,
  type DiffSegment,
  type WordDiff,
} from "./words";
export { diffRevisions, changesOnly, movedFactIds, type FactChange, type FactStatus, type RevisionDiff } from "./revisions";
export { diffSentences, wordSimilarity, type SentenceRow } from "./sentences";
