/**
 * The story workspace's client state, outside React: the server's document, typed text not yet
 * saved, the save queue, undo and redo, conflicts, the selected fact. Components read it through
 * `useStoryState` (use-story-state.ts); the edits an editor makes are in story-store.ts.
 *
 * The server's document is the truth; the only optimistic state is typed text (per fact, and
 * the headline/standfirst draft). Structural edits are sent and shown once the server applied
 * them, so the client never reconciles a guessed structure with someone else's. Every change
 * goes through one queue, sent one batch at a time and mirrored in storage, so order is kept,
 * a network failure loses nothing, and the next visit resends what was left.
 */
import { createHistory, dropRedo, dropUndo, factPlaces, pushApplied, type StoryDocument, type StoryFact, type StoryHistory, type StoryOperation } from "@/lib/domain/story";
import {
  draftsAfterSave,
  draftsStillUnsaved,
  metaDraftAfterSave,
  conflictsFromEarlierVisit,
  keptConflicts,
  textConflicts,
  typingInRemovedFacts,
  withRemovalsKnown,
  type Draft,
  type RemovedFact,
} from "./drafts";
import { keepHistory, keepQueue, loadKeptWork, type WorkStorage } from "./kept-work";
import { focusAnnouncement, newId, relabelOperation, versionMoves, type FocusTarget, type PendingBatch } from "./pending";
import type { OperationsResponse, StoryChange, WorkspaceData } from "@/lib/schemas/workspace";
import type { StorySnapshot, StoryStoreOptions, Timer, WorkspaceServer } from "./story-snapshot";

/**
 * Keeping the client in step with the server: the document, the save queue and its retries,
 * the answers (applied, conflict, refused) and typing. The edits themselves are in StoryStore.
 */
export abstract class StorySync {
  protected state: StorySnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly server: WorkspaceServer;
  private readonly storage: WorkStorage;
  protected readonly saveDelayMs: number;
  private readonly retryMs: number;
  protected readonly newId: () => string;
  protected readonly now: () => Date;
  protected sending = false;
  private restored = false;
  private retryTimer: Timer | null = null;
  private readonly ownEvents = new Set<string>();
  /** Who removed which facts, from the live feed: told to someone whose typing was in one. */
  private readonly removers = new Map<string, RemovedFact["by"]>();
  /** Removed facts whose typing the editor has decided about (added back or discarded). */
  protected readonly settledRemovals = new Set<string>();

  constructor(initial: WorkspaceData, options: StoryStoreOptions) {
    this.server = options.server;
    this.storage = { queue: options.storage, history: options.historyStorage ?? null };
    this.saveDelayMs = options.saveDelayMs ?? 600;
    this.retryMs = options.retryMs ?? 3_000;
    this.newId = options.newId ?? newId;
    this.now = options.now ?? (() => new Date());
    this.state = { data: initial, drafts: {}, metaDraft: null, queue: [], status: "saved", history: createHistory(), conflicts: {}, overruled: {}, metaConflict: null, notice: null, selectedId: null, focus: null, announcement: "" };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): StorySnapshot => this.state;

  protected set(patch: Partial<StorySnapshot>): void {
    const previous = this.state;
    this.state = { ...this.state, ...patch };
    // The queue, the open conflicts (with their typing) and undo are what a reload must not lose.
    const { data, queue, conflicts, history } = this.state;
    if (queue !== previous.queue || conflicts !== previous.conflicts) keepQueue(this.storage, data, queue, keptConflicts(conflicts, this.state.drafts));
    if (history !== previous.history) keepHistory(this.storage, data, history);
    for (const listener of this.listeners) listener();
  }

  protected setQueue(queue: readonly PendingBatch[]): void {
    this.set({ queue });
  }

  /** Resends what an earlier visit could not save (showing its text meanwhile), and anything still queued. */
  start(): void {
    if (!this.restored) {
      this.restored = true;
      // Read before anything is set (every change of the queue writes the stored copy anew), and
      // here, not when the store is made: the server's render has no storage, and the first render must match it.
      const { pending, conflicts: kept, history } = loadKeptWork(this.storage, this.state.data);
      if (history) this.set({ history });
      const restored: Record<string, Draft> = {};
      const facts = factPlaces(this.state.data.document);
      // Typing in a fact that is gone by now comes back as its conflict, not as a draft of nothing.
      for (const op of pending.flatMap((batch) => batch.ops)) if (op.type === "editText" && facts.has(op.factId)) restored[op.factId] = { text: op.text, baseVersion: op.baseVersion };
      this.set(conflictsFromEarlierVisit(kept, this.state.data.document, this.state.conflicts, { ...restored, ...this.state.drafts }));
      if (pending.length > 0) this.setQueue([...pending, ...this.state.queue]);
    }
    void this.pump();
  }

  /** Stops the timers; typing is queued before (see flushAll), and the queue is in storage. */
  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Queues all typed text of facts: before a structural edit, so it applies to the text the editor sees (story-typing.ts). */
  protected abstract flushFacts(): void;

  /** Forgets a pending save of a fact's typing (story-typing.ts). */
  protected abstract clearSaveTimer(factId: string): void;

  // --- The server's document ---------------------------------------------------------------

  /** Takes a document from the server, unless we already hold a newer one. */
  private acceptDocument(document: StoryDocument, contentVersion: number | null, extra?: Partial<WorkspaceData>): void {
    const current = this.state.data;
    if (contentVersion !== null && contentVersion < current.revision.contentVersion) return;
    const revision = { ...current.revision, ...extra?.revision, contentVersion: contentVersion ?? current.revision.contentVersion };
    const orphaned = typingInRemovedFacts(current.document, document, this.state.drafts, this.state.conflicts, this.removers);
    if (orphaned) {
      // A save of that typing still queued is refused with who removed the fact, which the conflict then shows.
      for (const id of orphaned.factIds) this.clearSaveTimer(id);
      this.set({ conflicts: orphaned.conflicts, drafts: orphaned.drafts });
    }
    this.set({ data: { ...current, ...extra, document, revision }, drafts: draftsStillUnsaved(this.state.drafts, document, this.state.queue) });
  }

  /** Fetches the workspace again (someone else changed it); false when that failed. */
  refresh = async (): Promise<boolean> => {
    const fresh = await this.server.fetchWorkspace();
    if (!fresh) return false;
    const { wires, hasProposingWires, canEdit, revision } = fresh;
    this.acceptDocument(fresh.document, revision.contentVersion, { wires, hasProposingWires, canEdit, revision });
    return true;
  };

  /** Whether a change event is the echo of our own saved batch, which we already hold. */
  isOwnEvent(eventId: string): boolean {
    return this.ownEvents.has(eventId);
  }

  /**
   * Someone's change, from the live feed: notes who removed which facts (in case this editor is
   * typing in one) and whether it replaced this editor's text. True when the document must be
   * fetched again (it is not our own change).
   */
  receiveChange = (change: StoryChange): boolean => {
    if (this.isOwnEvent(change.eventId)) return false;
    for (const removed of change.removed ?? []) this.removers.set(removed.factId, { actorName: change.actorName, what: removed.what });
    const me = this.state.data.me.id;
    const mine = (change.replaced ?? []).filter((replaced) => replaced.authorId === me && change.actorId !== me);
    if (mine.length > 0) {
      const overruled = { ...this.state.overruled };
      for (const replaced of mine) overruled[replaced.factId] = { byName: change.actorName, text: replaced.text };
      this.set({ overruled });
    }
    return true;
  };

  // --- The save queue ------------------------------------------------------------------------

  protected enqueue(batch: Omit<PendingBatch, "id">): void {
    this.setQueue([...this.state.queue, { id: this.newId(), ...batch }]);
    void this.pump();
  }

  /** A structural edit: typing goes first, so the edit applies to the text the editor sees. */
  protected send(ops: StoryOperation[], focus?: FocusTarget): void {
    if (ops.length === 0) return;
    this.flushFacts();
    this.enqueue({ origin: "edit", ops, ...(focus ? { focus } : {}) });
  }

  /** A fact's base for an operation: the version our own typing is based on, if any. */
  protected baseOf = (fact: StoryFact): number => this.state.drafts[fact.id]?.baseVersion ?? fact.version;

  private async pump(): Promise<void> {
    if (this.sending) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const batch = this.state.queue[0];
    if (!batch) return;
    this.sending = true;
    if (this.state.status !== "offline") this.set({ status: "saving" });
    const outcome = await this.server.submitOperations(this.state.data.revision.id, batch.ops);
    this.sending = false;
    if (outcome.kind === "network") {
      this.set({ status: "offline" });
      this.retryTimer = setTimeout(() => void this.pump(), this.retryMs);
      return;
    }
    this.setQueue(this.state.queue.filter((queued) => queued.id !== batch.id));
    if (outcome.kind === "refused") {
      this.set({ notice: outcome.message, history: this.historyWithout(batch) });
    } else if (outcome.response.status === "applied") {
      this.applied(batch, outcome.response);
    } else {
      this.conflicted(batch, outcome.response);
    }
    const more = this.state.queue.length > 0;
    this.set({ status: more ? "saving" : "saved" });
    if (more) void this.pump();
  }

  /** An undo or redo the server refused can never apply as it stands: forget it. */
  private historyWithout(batch: PendingBatch): StoryHistory {
    if (!batch.previousHistory) return this.state.history;
    return batch.origin === "undo" ? dropUndo(batch.previousHistory) : dropRedo(batch.previousHistory);
  }

  private applied(batch: PendingBatch, response: Extract<OperationsResponse, { status: "applied" }>): void {
    this.ownEvents.add(response.eventId);
    const moves = versionMoves(batch.ops, response.document);
    // Work queued behind this batch was based on the versions it just replaced.
    this.setQueue(this.state.queue.map((queued) => ({ ...queued, ops: queued.ops.map((op) => relabelOperation(op, moves)) })));
    const setMeta = batch.ops.find((op) => op.type === "setMeta");
    const history = batch.origin === "edit" ? pushApplied(this.state.history, batch.ops, response.inverse) : (batch.nextHistory ?? this.state.history);
    this.set({
      drafts: draftsAfterSave(this.state.drafts, batch.ops, moves),
      metaDraft: setMeta ? metaDraftAfterSave(this.state.metaDraft, setMeta, moves) : this.state.metaDraft,
      history,
    });
    this.acceptDocument(response.document, response.contentVersion);
    if (batch.focus) this.focusAfter(batch.focus, batch.ops);
  }

  /** Selects and focuses the fact an applied edit added or moved, and says so to screen readers. */
  private focusAfter(focus: FocusTarget, ops: readonly StoryOperation[]): void {
    const announcement = focusAnnouncement(this.state.data.document, focus.factId, ops);
    if (announcement === null) return;
    this.set({ selectedId: focus.factId, focus: { ...focus, seq: (this.state.focus?.seq ?? 0) + 1 }, announcement });
  }

  private conflicted(batch: PendingBatch, response: Extract<OperationsResponse, { status: "conflict" }>): void {
    const { conflict, current } = response;
    const textEdits = batch.ops.filter((op) => op.type === "editText");
    if (batch.origin !== "edit") {
      this.set({ history: this.historyWithout(batch), notice: `Could not ${batch.origin}: ${conflict.reason}. Someone else has changed this since.` });
    } else if (textEdits.length === batch.ops.length && textEdits.length > 0) {
      const found = textConflicts(textEdits, conflict, current.facts, this.state.drafts, this.state.conflicts);
      // A removed fact whose typing the editor already added back or discarded is not asked about again.
      for (const id of this.settledRemovals) if (found.conflicts[id]?.theirs === null) delete found.conflicts[id];
      const next = withRemovalsKnown(found, this.state.conflicts, this.state.data.document, response.removedBy ?? [], this.removers);
      for (const id of next.removedFactIds) this.clearSaveTimer(id);
      this.set({ conflicts: next.conflicts, drafts: next.drafts });
    } else if (conflict.kind === "meta" && this.state.metaDraft) {
      this.set({ metaConflict: conflict.reason });
    } else {
      this.set({ notice: `Not applied: ${conflict.reason}.` });
    }
    this.acceptDocument(response.document, null);
  }
}
