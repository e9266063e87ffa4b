/**
 * What a reload must not lose, kept for one story revision: the save queue and the open
 * conflicts with their typing (localStorage, so the next visit resends them; pending.ts), and
 * the editor's undo and redo (sessionStorage: one tab's, surviving its reloads).
 */
import type { StoryHistory } from "@/lib/domain/story";
import type { WorkspaceData } from "@/lib/schemas/workspace";
import { loadKeptConflicts, loadPending, savePending, type KeptConflicts, type PendingBatch, type PendingStorage } from "./pending";

/** Where each part is kept; null where the browser refuses storage. */
export interface WorkStorage {
  queue: PendingStorage | null;
  history: PendingStorage | null;
}

export function historyKey(storyId: string): string {
  return `factdesk:workspace:history:${storyId}`;
}

const isOperationList = (value: unknown) => Array.isArray(value) && value.length > 0 && value.every((op) => typeof op === "object" && op !== null && typeof (op as { type?: unknown }).type === "string");
const isEntryList = (value: unknown) => Array.isArray(value) && value.every((e) => typeof e === "object" && e !== null && isOperationList((e as { forward?: unknown }).forward) && isOperationList((e as { backward?: unknown }).backward));

/**
 * The undo and redo kept by an earlier load of this tab, for this revision and this user (whoever
 * signs in next in the tab does not undo their predecessor's steps); null when there is none or
 * it is unreadable. Its entries carry the versions they expect: a fact changed since by
 * someone else makes the server refuse that step as a conflict, never overwrite their work.
 */
function loadHistory(storage: PendingStorage | null, storyId: string, revisionId: string, userId: string): StoryHistory | null {
  try {
    const raw = storage?.getItem(historyKey(storyId));
    if (!raw) return null;
    const stored = JSON.parse(raw) as { revisionId?: unknown; userId?: unknown; history?: Partial<StoryHistory> };
    const history = stored.history;
    if (stored.revisionId !== revisionId || stored.userId !== userId || !history || !isEntryList(history.undo) || !isEntryList(history.redo)) return null;
    if (typeof history.limit !== "number" || !Number.isInteger(history.limit) || history.limit < 1) return null;
    return { undo: history.undo!, redo: history.redo!, limit: history.limit };
  } catch {
    return null;
  }
}

function saveHistory(storage: PendingStorage | null, storyId: string, revisionId: string, userId: string, history: StoryHistory): void {
  try {
    if (history.undo.length === 0 && history.redo.length === 0) storage?.removeItem(historyKey(storyId));
    else storage?.setItem(historyKey(storyId), JSON.stringify({ revisionId, userId, history }));
  } catch {
    // Storage full or disabled: undo still works for this visit.
  }
}

/** What an earlier visit left for this revision (and, for undo and redo, this editor). */
export function loadKeptWork(storage: WorkStorage, data: WorkspaceData): { pending: PendingBatch[]; conflicts: KeptConflicts; history: StoryHistory | null } {
  const [storyId, revisionId] = [data.story.id, data.revision.id];
  return {
    pending: loadPending(storage.queue, storyId, revisionId),
    conflicts: loadKeptConflicts(storage.queue, storyId, revisionId),
    history: loadHistory(storage.history, storyId, revisionId, data.me.id),
  };
}

export function keepQueue(storage: WorkStorage, data: WorkspaceData, queue: readonly PendingBatch[], conflicts: KeptConflicts): void {
  savePending(storage.queue, data.story.id, data.revision.id, queue, conflicts);
}

export function keepHistory(storage: WorkStorage, data: WorkspaceData, history: StoryHistory): void {
  saveHistory(storage.history, data.story.id, data.revision.id, data.me.id, history);
}
