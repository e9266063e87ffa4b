/**
 * A story server in memory for the workspace store's tests: it applies operations with the
 * story domain, as the real one does, answers 409 with the current facts on a conflict, and
 * can go offline, refuse, or let "someone else" edit the story in between.
 */
import { applyOperations, submitOperations, type StoryDocument, type StoryOperation } from "@/lib/domain/story";
import type { SubmitOutcome } from "@/components/stories/workspace/api";
import type { PendingStorage } from "@/components/stories/workspace/pending";
import type { WorkspaceServer } from "@/components/stories/workspace/story-store";
import type { WorkspaceData } from "@/lib/schemas/workspace";

export class FakeStoryServer implements WorkspaceServer {
  doc: StoryDocument;
  contentVersion = 1;
  offline = false;
  refuseWith: string | null = null;
  /** Every batch that reached the server, in order (answered or not). */
  readonly received: StoryOperation[][] = [];
  private events = 0;

  constructor(
    doc: StoryDocument,
    private readonly revisionId = "r1",
  ) {
    this.doc = doc;
  }

  async submitOperations(revisionId: string, operations: StoryOperation[]): Promise<SubmitOutcome> {
    if (this.offline) return { kind: "network" };
    this.received.push(operations);
    if (this.refuseWith) return { kind: "refused", status: 400, message: this.refuseWith };
    if (revisionId !== this.revisionId) return { kind: "refused", status: 409, message: "Another revision." };
    const result = submitOperations(this.doc, operations);
    if (result.status === "conflict") {
      const named = new Set(result.conflict.factIds);
      const facts = this.doc.paragraphs.flatMap((paragraph) => paragraph.facts.filter((fact) => named.has(fact.id)));
      return { kind: "response", response: { status: "conflict", conflict: result.conflict, current: { facts, metaVersion: this.doc.metaVersion }, document: this.doc } };
    }
    this.doc = result.doc;
    this.contentVersion += 1;
    return {
      kind: "response",
      response: { status: "applied", eventId: `e${++this.events}`, contentVersion: this.contentVersion, touched: result.touched, inverse: result.inverse, document: this.doc },
    };
  }

  async fetchWorkspace(): Promise<WorkspaceData | null> {
    return this.offline ? null : workspaceData(this.doc, this.contentVersion, this.revisionId);
  }

  /** Someone else's edit, straight into the server's document. */
  editBySomeoneElse(ops: StoryOperation[]): void {
    this.doc = applyOperations(this.doc, ops).doc;
    this.contentVersion += 1;
  }
}

export function workspaceData(document: StoryDocument, contentVersion = 1, revisionId = "r1"): WorkspaceData {
  return {
    story: { id: "s1", slug: "s1", ownerId: "u1", ownerName: "Wendy Writer" },
    revision: { id: revisionId, number: 1, state: "DRAFT", contentVersion },
    document,
    wires: [],
    hasProposingWires: false,
    lastEventId: null,
    canEdit: true,
    me: { id: "u1", name: "Wendy Writer" },
  };
}

/** localStorage as the store uses it, in memory. */
export class MemoryStorage implements PendingStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}
