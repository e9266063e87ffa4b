/**
 * The story workspace store's shapes: what it needs of the server, how it is set up, and the
 * snapshot components read (story-sync.ts keeps it in step with the server).
 */
import type { StoryHistory, StoryOperation } from "@/lib/domain/story";
import type { WorkspaceData } from "@/lib/schemas/workspace";
import type { SubmitOutcome } from "./api";
import type { Drafts, FactConflict, MetaDraft, Overruled } from "./drafts";
import type { FocusTarget, PendingBatch, PendingStorage } from "./pending";

/** What the store needs of the server. */
export interface WorkspaceServer {
  submitOperations(revisionId: string, operations: StoryOperation[]): Promise<SubmitOutcome>;
  fetchWorkspace(): Promise<WorkspaceData | null>;
}

export interface StoryStoreOptions {
  server: WorkspaceServer;
  storage: PendingStorage | null;
  /** Where undo and redo outlive a reload (the tab's sessionStorage); none when left out. */
  historyStorage?: PendingStorage | null;
  /** Typed text waits this long for a pause before it is saved. */
  saveDelayMs?: number;
  /** After a network failure the queue is sent again this long later. */
  retryMs?: number;
  newId?: () => string;
  now?: () => Date;
}

export type SaveStatus = "saved" | "saving" | "offline";

export interface StorySnapshot {
  data: WorkspaceData;
  drafts: Drafts;
  metaDraft: MetaDraft | null;
  queue: readonly PendingBatch[];
  status: SaveStatus;
  history: StoryHistory;
  conflicts: Readonly<Record<string, FactConflict>>;
  /** This editor's changes that someone else replaced with "Keep mine", by fact. */
  overruled: Readonly<Record<string, Overruled>>;
  metaConflict: string | null;
  notice: string | null;
  selectedId: string | null;
  /** Where the editor's focus goes after an edit they made was applied (a new or moved fact); `seq` tells requests apart. */
  focus: (FocusTarget & { seq: number }) | null;
  /** What screen readers are told of the last such edit (an aria-live region). */
  announcement: string;
}

export type Timer = ReturnType<typeof setTimeout>;
