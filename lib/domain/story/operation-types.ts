/**
 * The edits an editor can make to a story document, as plain data. Every operation that
 * changes an existing fact names the fact's version it was based on (`baseVersion`), and
 * `setMeta` names the `metaVersion`: the server applies an operation only if those versions
 * are still current, so no edit silently overwrites another (see conflicts.ts).
 *
 * Operations are small and fact-scoped on purpose: two people editing different facts name
 * different versions and never conflict.
 */
import type { DisputingSource, FactDiscrepancy, SourceRef, StoryDocument } from "./types";

/** A fact as an operation names it: its id and the version the editor saw. */
export interface FactBase {
  factId: string;
  baseVersion: number;
}

/** Everything about a fact except its identity and version: what `restoreFact` puts back. */
export interface FactContent {
  text: string;
  sources: SourceRef[];
  /** Absent means none (operations stored before disputing sources were kept). */
  disputedBy?: DisputingSource[];
  ownReportingNote: string | null;
  discrepancies: FactDiscrepancy[];
}

export interface EditTextOperation extends FactBase {
  type: "editText";
  text: string;
  /**
   * Set when the editor chose to put their text over another editor's change ("Keep mine" after
   * a conflict, or "Restore my text"): the server records the text it replaced, and whose it
   * was, so that person is told (see overrides.ts).
   */
  keptOver?: boolean;
}

/** Changes any of headline, standfirst and dateline; fields left out keep their value. */
export interface SetMetaOperation {
  type: "setMeta";
  baseMetaVersion: number;
  headline?: string;
  standfirst?: string;
  dateline?: string | null;
}

export interface AddFactOperation {
  type: "addFact";
  /** The new fact's id, chosen by the caller so a retried request cannot add it twice. */
  factId: string;
  paragraphId: string;
  /** The fact to insert after; null inserts at the start of the paragraph. */
  afterFactId: string | null;
  text: string;
  sources: SourceRef[];
  /** Required (non-blank) when `sources` is empty. */
  ownReportingNote: string | null;
  /**
   * Undo re-adds a fact with its discrepancies; a wire sentence added as a fact brings those of
   * the facts it disputes (see buildAddSentence). Otherwise none.
   */
  discrepancies?: FactDiscrepancy[];
  /** As `discrepancies`: undo, or the wires that state the disputed facts' other values. */
  disputedBy?: DisputingSource[];
  /**
   * Set when the operation re-creates a deleted fact (undo of a delete or merge): the fact
   * comes back at `previousVersion + 1`, so its version never goes backwards and an edit
   * based on the version before the delete still conflicts.
   */
  previousVersion?: number;
}

export interface DeleteFactOperation extends FactBase {
  type: "deleteFact";
}

/**
 * Joins two facts into the first: texts joined with a space, sources and discrepancies
 * united without duplicates, own-reporting notes kept (both, when both have one). The second
 * fact is removed.
 */
export interface MergeFactsOperation {
  type: "mergeFacts";
  first: FactBase;
  second: FactBase;
}

/** Where to split: a character index into the fact's text, or the two new texts. */
export type SplitPoint = number | { first: string; second: string };

/**
 * Splits a fact in two; the second part becomes a new fact right after the first. Both keep
 * all sources and the own-reporting note (either part may be what a source says).
 */
export interface SplitFactOperation extends FactBase {
  type: "splitFact";
  newFactId: string;
  at: SplitPoint;
  /** As `AddFactOperation.previousVersion`, for the new fact when redo re-creates it. */
  newFactPreviousVersion?: number;
}

/** Reorders within a paragraph or moves to another one. */
export interface MoveFactOperation extends FactBase {
  type: "moveFact";
  toParagraphId: string;
  /** The fact to move after; null moves to the start of the paragraph. */
  afterFactId: string | null;
}

export interface AddParagraphOperation {
  type: "addParagraph";
  paragraphId: string;
  /** The paragraph to insert after; null inserts at the start of the story. */
  afterParagraphId: string | null;
}

/** Removes a paragraph that has no facts left (move or delete them first). */
export interface RemoveEmptyParagraphOperation {
  type: "removeEmptyParagraph";
  paragraphId: string;
}

export interface AttachSourceOperation extends FactBase {
  type: "attachSource";
  source: SourceRef;
  /** Position in the fact's source list; the end when left out. Undo uses it to restore order. */
  index?: number;
}

export interface DetachSourceOperation extends FactBase {
  type: "detachSource";
  source: SourceRef;
}

/**
 * Records a wire sentence that states another value for the fact (a wire added to the story
 * later): it joins the fact's disputing sources, never its sources, and brings its disagreement
 * with the fact, open until an editor resolves it. Undo restores the fact as it was.
 */
export interface DisputeFactOperation extends FactBase {
  type: "disputeFact";
  /** The wire sentence, with the value as it states it. */
  source: DisputingSource;
  /** At least one, each unresolved: the fact's value and sources against the wire's. */
  discrepancies: FactDiscrepancy[];
}

/**
 * Choosing a side rewrites the value in the fact's text to the chosen one and makes the wires
 * that state it the fact's sources, the others disputing; a note alone changes only the
 * resolution.
 */
export interface ResolveDiscrepancyOperation extends FactBase {
  type: "resolveDiscrepancy";
  discrepancyId: string;
  /** The side chosen (index into the discrepancy's sides), or null to resolve with a note only. */
  chosenSide: number | null;
  note: string | null;
  /** Who resolved it (user id): the server's session, never the request (see schema.ts). */
  by: string;
  /** ISO timestamp: the server's clock, never the request (the domain has no clock). */
  at: string;
}

/** Undoes a resolution: the discrepancy shows as disputed again. */
export interface ReopenDiscrepancyOperation extends FactBase {
  type: "reopenDiscrepancy";
  discrepancyId: string;
}

export interface SetOwnReportingNoteOperation extends FactBase {
  type: "setOwnReportingNote";
  /** Null (or blank) clears the note, which a fact without sources cannot do. */
  note: string | null;
}

/** Replaces a fact's whole content; undo of merge and split uses it to put a fact back exactly. */
export interface RestoreFactOperation extends FactBase {
  type: "restoreFact";
  content: FactContent;
}

export type StoryOperation =
  | EditTextOperation
  | SetMetaOperation
  | AddFactOperation
  | DeleteFactOperation
  | MergeFactsOperation
  | SplitFactOperation
  | MoveFactOperation
  | AddParagraphOperation
  | RemoveEmptyParagraphOperation
  | AttachSourceOperation
  | DetachSourceOperation
  | DisputeFactOperation
  | ResolveDiscrepancyOperation
  | ReopenDiscrepancyOperation
  | SetOwnReportingNoteOperation
  | RestoreFactOperation;

export type StoryOperationType = StoryOperation["type"];

export type OperationOf<T extends StoryOperationType> = Extract<StoryOperation, { type: T }>;

export const STORY_OPERATION_TYPES = [
  "editText",
  "setMeta",
  "addFact",
  "deleteFact",
  "mergeFacts",
  "splitFact",
  "moveFact",
  "addParagraph",
  "removeEmptyParagraph",
  "attachSource",
  "detachSource",
  "disputeFact",
  "resolveDiscrepancy",
  "reopenDiscrepancy",
  "setOwnReportingNote",
  "restoreFact",
] as const satisfies readonly StoryOperationType[];

export interface AppliedOperation {
  doc: StoryDocument;
  /** Operations that take `doc` back to the original content; apply them in order. */
  inverse: StoryOperation[];
  /** Ids of the facts whose content, place or existence changed (each got a new version). */
  touched: string[];
}

/** Why an operation cannot be applied to the current document as it stands. */
export type ConflictKind =
  /** A fact the operation names has a newer version than the one it was based on. */
  | "changed"
  /** A fact or paragraph the operation names does not exist (deleted since, or never did). */
  | "missing"
  /** Headline, standfirst or dateline changed since `baseMetaVersion`. */
  | "meta"
  /** The id the operation would create is already in use. */
  | "exists"
  /** The paragraph to remove has facts (someone added or moved one in). */
  | "notEmpty"
  /** The fact or paragraph to insert after is gone from where it was; `rebaseOperation` can fix this. */
  | "anchor";

export interface StoryConflict {
  kind: ConflictKind;
  /** The facts the conflict is about (empty for meta and paragraph conflicts). */
  factIds: string[];
  /** The paragraphs the conflict is about (missing, not empty, or already existing). */
  paragraphIds: string[];
  /** A sentence for the editor, e.g. "Someone else changed this fact". */
  reason: string;
}
