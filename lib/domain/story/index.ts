/**
 * Story workspace domain: editing a consolidated story as versioned, conflict-checked
 * operations with undo and redo; source checks, badges and credits; the first revision from
 * the consolidation engine's draft. Framework-free and deterministic.
 */
export type * from "./types";
export type {
  AddFactOperation,
  AddParagraphOperation,
  AppliedOperation,
  AttachSourceOperation,
  ConflictKind,
  DeleteFactOperation,
  DetachSourceOperation,
  EditTextOperation,
  FactBase,
  FactContent,
  MergeFactsOperation,
  MoveFactOperation,
  OperationOf,
  RemoveEmptyParagraphOperation,
  ReopenDiscrepancyOperation,
  ResolveDiscrepancyOperation,
  RestoreFactOperation,
  SetMetaOperation,
  SetOwnReportingNoteOperation,
  SplitFactOperation,
  SplitPoint,
  StoryConflict,
  StoryOperation,
  StoryOperationType,
} from "./operation-types";
export { STORY_OPERATION_TYPES } from "./operation-types";
export { applyOperation, applyOperations, conflictError, submitOperation, submitOperations, type SubmitBatchResult, type SubmitResult } from "./operations";
export { checkConflict, createdFactIds, factBases, findParagraph, locateFact, namedFactIds, rebaseOperation, type FactLocation } from "./conflicts";
export { documentProblems, STORY_LIMITS, validateOperation } from "./validate";
export { parseStoryOperation, parseStoryOperations, storyOperationSchema, storyOperationsSchema, sourceRefSchema, factDiscrepancySchema } from "./schema";
export {
  canRedo,
  canUndo,
  createHistory,
  DEFAULT_HISTORY_LIMIT,
  dropRedo,
  dropUndo,
  pushApplied,
  redo,
  undo,
  type HistoryEntry,
  type HistoryStep,
  type StoryHistory,
} from "./history";
export { citedTexts, factBadges, unsupportedMentions, type FactBadges, type MentionKind, type UnsupportedMention } from "./checks";
export { agencyName, creditLine, joinNames, MAX_SOURCE_MARKS, sourceMarks, UNATTRIBUTED, wireLabel, type LabelledWire } from "./credit";
export { discrepancyDetail, disputedByText, disputingSentences, sourcesByWire, type DisputingSentence, type WireLabelOf } from "./source-text";
export { moveFactNextTo, type DropPosition } from "./placement";
export {
  buildAcceptProposal,
  buildAddFact,
  buildAddFactAt,
  buildDelete,
  buildMergeWithNext,
  buildMoveStep,
  buildSplit,
  documentVersion,
  factPlaces,
  factSpot,
  insertionPoint,
  spotNow,
  type BaseVersionOf,
  type FactPlace,
  type FactSpot,
  type InsertionPoint,
  type NewFact,
  type ProposalOperations,
} from "./operation-builders";
export { documentFromDraft, INITIAL_VERSION, type FromDraftOptions, type IdGenerator } from "./from-draft";
export { leftOutSentences, type LeftOutWireSentence } from "./left-out";
export { eventReplacedTexts, removalBy, removedFacts, replacedTexts, textsKeptOver, type FactRemoval, type RemovedFact, type ReplacedText } from "./overrides";
