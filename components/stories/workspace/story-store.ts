/**
 * The edits an editor makes in the story workspace, on top of StorySync's queue: each one is
 * built by the story domain (lib/domain/story/operation-builders) from the document as the
 * editor sees it, and queued. Also the selection, notices, undo and redo, and the editor's
 * answers to conflicts. Every method is a stable arrow, so components can take it as a prop.
 */
import { canRedo, canUndo, factPlaces, moveFactNextTo, redo, undo, type DropPosition, type FactDiscrepancy, type SourceRef, type StoryFact, type StoryOperation } from "@/lib/domain/story";
import * as builders from "@/lib/domain/story/operation-builders";
import type { SourceUpdateChoice } from "@/lib/domain/story/operation-builders";
import type { Proposal } from "@/lib/domain/story/proposals";
import type { SourceUpdate } from "@/lib/domain/story/source-updates";
import { withoutKey } from "./drafts";
import type { StorySnapshot } from "./story-snapshot";
import { StoryTyping } from "./story-typing";

export { type SaveStatus, type StorySnapshot, type StoryStoreOptions, type WorkspaceServer } from "./story-snapshot";

/** Typing or a queued change not yet saved. */
export function hasUnsavedWork(snapshot: StorySnapshot): boolean {
  return snapshot.queue.length > 0 || Object.keys(snapshot.drafts).length > 0 || snapshot.metaDraft !== null;
}

/** History steps are computed against what the server has: they wait until everything is saved. */
export function canStep(snapshot: StorySnapshot, direction: "undo" | "redo"): boolean {
  if (!snapshot.data.canEdit || hasUnsavedWork(snapshot)) return false;
  return direction === "undo" ? canUndo(snapshot.history) : canRedo(snapshot.history);
}

export class StoryStore extends StoryTyping {
  select = (factId: string | null): void => {
    if (factId !== this.state.selectedId) this.set({ selectedId: factId });
  };

  showNotice = (notice: string | null): void => {
    this.set({ notice });
  };

  /** Focus stays with the moved fact (on the button pressed), so Move up can be pressed again. */
  move = (factId: string, direction: "up" | "down"): void => {
    this.send(builders.buildMoveStep(this.state.data.document, factId, direction, this.baseOf), { factId, control: direction === "up" ? "move-up" : "move-down" });
  };

  /** A drag of one fact dropped onto another. */
  moveNextTo = (factId: string, targetFactId: string, position: DropPosition): void => {
    const doc = this.state.data.document;
    const fact = factPlaces(doc).get(factId)?.fact;
    if (fact) this.send(moveFactNextTo(doc, factId, this.baseOf(fact), targetFactId, position));
  };

  merge = (factId: string): void => {
    this.send(builders.buildMergeWithNext(this.state.data.document, factId, this.baseOf));
  };

  split = (factId: string): void => {
    const fact = factPlaces(this.state.data.document).get(factId)?.fact;
    if (!fact) return;
    const text = this.state.drafts[factId]?.text ?? fact.text;
    const ops = builders.buildSplit(fact, text, this.cursors.get(factId) ?? -1, this.newId(), this.baseOf);
    if (ops) this.send(ops);
    else this.set({ notice: "Place the cursor inside the fact's text where it should be split." });
  };

  deleteFact = (factId: string): void => {
    // The typing is thrown away with the fact (not sent first); undo brings back the saved text.
    const ops = builders.buildDelete(this.state.data.document, factId);
    if (ops.length === 0) return;
    this.clearSaveTimer(factId);
    this.set({ drafts: withoutKey(this.state.drafts, factId) });
    this.enqueue({ origin: "edit", ops });
    this.set({ selectedId: null });
  };

  /** Own reporting with a note: a new fact after the selected one, else at the end. */
  addOwnFact = (text: string, ownReportingNote: string): void => {
    this.sendAddition(builders.buildAddFact(this.state.data.document, this.state.selectedId, { text, sources: [], ownReportingNote }, this.newId));
  };

  /** A wire sentence as a new fact: after the fact it disputes, if any, else where new facts go. */
  addSentence = (text: string, source: SourceRef): void => {
    this.sendAddition(builders.buildAddSentence(this.state.data.document, this.state.selectedId, { text, source }, this.newId));
  };

  /** A new fact is selected, shown and focused once the server has it. */
  private sendAddition(ops: StoryOperation[]): void {
    const added = ops.find((op) => op.type === "addFact");
    this.send(ops, added ? { factId: added.factId, control: "text" } : undefined);
  }

  attachToSelected = (source: SourceRef): void => {
    const id = this.state.selectedId;
    const fact = id ? factPlaces(this.state.data.document).get(id)?.fact : undefined;
    if (fact) this.send([{ type: "attachSource", factId: fact.id, baseVersion: this.baseOf(fact), source }]);
  };

  detach = (fact: StoryFact, source: SourceRef): void => {
    this.send([{ type: "detachSource", factId: fact.id, baseVersion: this.baseOf(fact), source }]);
  };

  resolve = (fact: StoryFact, discrepancy: FactDiscrepancy, chosenSide: number | null, note: string | null): void => {
    this.send([
      {
        type: "resolveDiscrepancy",
        factId: fact.id,
        baseVersion: this.baseOf(fact),
        discrepancyId: discrepancy.id,
        chosenSide,
        note,
        // For the local copy only: the server records its own session user and clock.
        by: this.state.data.me.id,
        at: this.now().toISOString(),
      },
    ]);
  };

  reopen = (fact: StoryFact, discrepancy: FactDiscrepancy): void => {
    this.send([{ type: "reopenDiscrepancy", factId: fact.id, baseVersion: this.baseOf(fact), discrepancyId: discrepancy.id }]);
  };

  /** Update the fact to its source's new version, cite the new version, or detach the old one: one undo step. */
  applySourceUpdate = (factId: string, update: SourceUpdate, choice: SourceUpdateChoice): void => {
    const ops = builders.buildSourceUpdate(this.state.data.document, factId, update, choice, this.baseOf);
    if (ops.length > 0) this.send(ops);
    else this.set({ notice: "That fact or its source is no longer in the story." });
  };

  acceptProposal = (proposal: Proposal): void => {
    const result = builders.buildAcceptProposal(this.state.data.document, proposal, this.state.selectedId, this.newId, this.baseOf);
    if ("ops" in result) this.sendAddition(result.ops);
    else this.set({ notice: "That fact is no longer in the story; the proposal was dropped." });
  };

  undo = (): void => this.step("undo");

  redo = (): void => this.step("redo");

  private step(direction: "undo" | "redo"): void {
    if (this.state.queue.length > 0 || Object.keys(this.state.drafts).length > 0) return;
    const previousHistory = this.state.history;
    const result = direction === "undo" ? undo(previousHistory) : redo(previousHistory);
    if (result.ops.length > 0) this.enqueue({ origin: direction, ops: result.ops, nextHistory: result.stack, previousHistory });
  }

  /**
   * Puts the editor's text over the other editor's change (the server tells them, with their
   * text to restore); for a fact someone removed, adds the text back where it stood.
   */
  keepMine = (factId: string): void => {
    const conflict = this.state.conflicts[factId];
    if (!conflict) return;
    if (!conflict.theirs) {
      this.addBack(factId);
      return;
    }
    this.set({ conflicts: withoutKey(this.state.conflicts, factId) });
    const baseVersion = conflict.theirs.version;
    this.set({ drafts: { ...this.state.drafts, [factId]: { text: conflict.yours, baseVersion } } });
    this.enqueue({ origin: "edit", ops: [{ type: "editText", factId, baseVersion, text: conflict.yours, keptOver: true }] });
  };

  /** The typing of a fact someone removed, as a new fact where that one stood, with its sources. */
  addBack = (factId: string): void => {
    const conflict = this.state.conflicts[factId];
    if (!conflict || conflict.theirs) return;
    const removed = conflict.removed;
    const sources = removed?.sources ?? [];
    const who = removed?.by?.actorName ?? "someone else";
    const ownReportingNote = removed?.ownReportingNote ?? (sources.length === 0 ? `Put back after ${who} removed the fact` : null);
    const fact = { text: conflict.yours, sources, ownReportingNote };
    const doc = this.state.data.document;
    this.settleRemoval(factId);
    this.set({ conflicts: withoutKey(this.state.conflicts, factId), drafts: withoutKey(this.state.drafts, factId) });
    this.sendAddition(removed?.spot ? builders.buildAddFactAt(doc, removed.spot, fact, this.newId) : builders.buildAddFact(doc, null, fact, this.newId));
  };

  /** The editor decided about the typing of a removed fact: its saves still queued can only be refused, so they go. */
  private settleRemoval(factId: string): void {
    this.settledRemovals.add(factId);
    const inFlight = this.sending ? this.state.queue[0] : undefined;
    const queue = this.state.queue.filter((batch) => batch === inFlight || !batch.ops.every((op) => op.type === "editText" && op.factId === factId));
    if (queue.length !== this.state.queue.length) this.setQueue(queue);
  }

  /** Puts back this editor's text that someone replaced with "Keep mine" (telling them in turn). */
  restoreMine = (factId: string): void => {
    const overruled = this.state.overruled[factId];
    if (!overruled) return;
    this.set({ overruled: withoutKey(this.state.overruled, factId) });
    const fact = factPlaces(this.state.data.document).get(factId)?.fact;
    if (!fact) {
      this.set({ notice: "That fact is no longer in the story, so your text could not be restored there." });
      return;
    }
    this.flushFacts();
    this.clearSaveTimer(factId);
    this.set({ drafts: withoutKey(this.state.drafts, factId) });
    this.enqueue({ origin: "edit", ops: [{ type: "editText", factId, baseVersion: this.baseOf(fact), text: overruled.text, keptOver: true }] });
  };

  dismissOverruled = (factId: string): void => {
    this.set({ overruled: withoutKey(this.state.overruled, factId) });
  };

  keepTheirs = (factId: string): void => {
    if (this.state.conflicts[factId]?.theirs === null) this.settleRemoval(factId);
    this.set({ conflicts: withoutKey(this.state.conflicts, factId), drafts: withoutKey(this.state.drafts, factId) });
  };

  keepMineMeta = (): void => {
    const meta = this.state.metaDraft;
    this.set({ metaConflict: null, metaDraft: meta ? { ...meta, baseMetaVersion: this.state.data.document.metaVersion } : null });
    this.flushMeta();
  };

  keepTheirsMeta = (): void => {
    this.set({ metaConflict: null, metaDraft: null });
  };
}
