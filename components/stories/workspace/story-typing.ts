/**
 * Typing in the story workspace: typed text shows at once (a draft) and is queued for the
 * server after a pause, on blur, or before a structural edit; the headline and standfirst alike.
 */
import { factPlaces } from "@/lib/domain/story";
import { metaOperation, queueTypedText } from "./drafts";
import type { Timer } from "./story-snapshot";
import { StorySync } from "./story-sync";

export abstract class StoryTyping extends StorySync {
  private metaTimer: Timer | null = null;
  private readonly saveTimers = new Map<string, Timer>();
  protected readonly cursors = new Map<string, number>();

  override dispose(): void {
    super.dispose();
    for (const timer of [this.metaTimer, ...this.saveTimers.values()]) if (timer) clearTimeout(timer);
    this.metaTimer = null;
    this.saveTimers.clear();
  }

  typeText = (factId: string, text: string): void => {
    const fact = factPlaces(this.state.data.document).get(factId)?.fact;
    if (!fact) return;
    const baseVersion = this.state.drafts[factId]?.baseVersion ?? fact.version;
    this.set({ drafts: { ...this.state.drafts, [factId]: { text, baseVersion } } });
    this.clearSaveTimer(factId);
    this.saveTimers.set(
      factId,
      setTimeout(() => this.flushFact(factId), this.saveDelayMs),
    );
  };

  protected override clearSaveTimer(factId: string): void {
    const timer = this.saveTimers.get(factId);
    if (timer) clearTimeout(timer);
    this.saveTimers.delete(factId);
  }

  /** Queues a fact's typed text now: on blur, before a structural edit, or after a pause. */
  flushFact = (factId: string): void => {
    this.clearSaveTimer(factId);
    const draft = this.state.drafts[factId];
    const fact = factPlaces(this.state.data.document).get(factId)?.fact;
    // While a conflict is open the editor decides; nothing is sent behind their back.
    if (!draft || !fact || this.state.conflicts[factId]) return;
    const queueing = queueTypedText(this.state.queue, factId, draft, fact.text, this.sending);
    if (queueing.kind === "coalesced") this.setQueue(queueing.queue);
    else if (queueing.kind === "append") this.enqueue({ origin: "edit", ops: queueing.ops });
  };

  /** Queues all typed text of facts: before a structural edit, so it applies to the text the editor sees. */
  protected override flushFacts(): void {
    for (const factId of Object.keys(this.state.drafts)) this.flushFact(factId);
  }

  /** Queues every typing not yet queued, headline included: the page is going away (the queue is in storage). */
  flushAll = (): void => {
    this.flushFacts();
    this.flushMeta();
  };

  setCursor = (factId: string, position: number): void => {
    this.cursors.set(factId, position);
  };

  typeMeta = (field: "headline" | "standfirst", value: string): void => {
    const meta = this.state.metaDraft ?? { baseMetaVersion: this.state.data.document.metaVersion };
    this.set({ metaDraft: { ...meta, [field]: value } });
    if (this.metaTimer) clearTimeout(this.metaTimer);
    this.metaTimer = setTimeout(this.flushMeta, this.saveDelayMs);
  };

  flushMeta = (): void => {
    if (this.metaTimer) clearTimeout(this.metaTimer);
    this.metaTimer = null;
    const meta = this.state.metaDraft;
    if (!meta || this.state.metaConflict) return;
    const op = metaOperation(meta, this.state.data.document, this.state.queue);
    if (op) this.enqueue({ origin: "edit", ops: [op] });
  };
}
