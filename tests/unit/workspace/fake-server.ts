/**
 * A story server in memory for the workspace store's tests: it applies operations with the
 * story domain, as the real one does, answers 409 with the current facts (and who removed the
 * ones that are gone) on a conflict, keeps the story's events as the live feed hands them out,
 * and can go offline, refuse, or let "someone else" edit the story in between.
 */
import { applyOperations, removalBy, removedFacts, replacedTexts, submitOperations, textsKeptOver, type StoryDocument, type StoryOperation } from "@/lib/domain/story";
import type { SubmitOutcome } from "@/components/stories/workspace/api";
import type { PendingStorage } from "@/components/stories/workspace/pending";
import type { WorkspaceServer } from "@/components/stories/workspace/story-store";
import type { StoryChange, WorkspaceData } from "@/lib/schemas/workspace";

export interface FakeUser {
  id: string;
  name: string;
}

export const WENDY: FakeUser = { id: "u1", name: "Wendy Writer" };
export const EDDIE: FakeUser = { id: "u2", name: "Eddie Editor" };

interface FakeEvent {
  id: string;
  actor: FakeUser;
  ops: StoryOperation[];
  touched: string[];
  change: StoryChange;
}

export class FakeStoryServer implements WorkspaceServer {
  doc: StoryDocument;
  contentVersion = 1;
  offline = false;
  refuseWith: string | null = null;
  /** Every batch that reached the server, in order (answered or not). */
  readonly received: StoryOperation[][] = [];
  /** The story's events, oldest first, as the live feed sends them. */
  readonly events: FakeEvent[] = [];
  /** Who last changed each fact (the real server's RevisionFact.updatedById). */
  private readonly lastEditor = new Map<string, string>();

  constructor(
    doc: StoryDocument,
    private readonly revisionId = "r1",
    private readonly user: FakeUser = WENDY,
  ) {
    this.doc = doc;
  }

  submitOperations(revisionId: string, operations: StoryOperation[]): Promise<SubmitOutcome> {
    return this.submitAs(this.user, revisionId, operations);
  }

  /** The same server, as another signed-in person uses it. */
  as(user: FakeUser): WorkspaceServer {
    return { submitOperations: (revisionId, operations) => this.submitAs(user, revisionId, operations), fetchWorkspace: () => this.fetchWorkspace() };
  }

  private async submitAs(user: FakeUser, revisionId: string, operations: StoryOperation[]): Promise<SubmitOutcome> {
    if (this.offline) return { kind: "network" };
    this.received.push(operations);
    if (this.refuseWith) return { kind: "refused", status: 400, message: this.refuseWith };
    if (revisionId !== this.revisionId) return { kind: "refused", status: 409, message: "Another revision." };
    const before = this.doc;
    const result = submitOperations(before, operations);
    if (result.status === "conflict") {
      const named = new Set(result.conflict.factIds);
      const facts = before.paragraphs.flatMap((paragraph) => paragraph.facts.filter((fact) => named.has(fact.id)));
      const removedBy = result.conflict.factIds.flatMap((factId) => {
        const latest = this.events.findLast((event) => event.touched.includes(factId));
        const removal = latest && !facts.some((fact) => fact.id === factId) ? removalBy({ actorName: latest.actor.name, operation: { ops: latest.ops } }, factId) : null;
        return removal ? [removal] : [];
      });
      return { kind: "response", response: { status: "conflict", conflict: result.conflict, current: { facts, metaVersion: before.metaVersion }, removedBy, document: before } };
    }
    const replaced = replacedTexts(textsKeptOver(before, result.ops), this.lastEditor, user.id);
    this.doc = result.doc;
    this.contentVersion += 1;
    const eventId = this.record(user, result.ops, result.touched, replaced);
    return {
      kind: "response",
      response: { status: "applied", eventId, contentVersion: this.contentVersion, touched: result.touched, inverse: result.inverse, document: this.doc },
    };
  }

  async fetchWorkspace(): Promise<WorkspaceData | null> {
    return this.offline ? null : workspaceData(this.doc, this.contentVersion, this.revisionId);
  }

  /** Someone else's edit, straight into the server's document. */
  editBySomeoneElse(ops: StoryOperation[], user: FakeUser = EDDIE): StoryChange {
    const result = applyOperations(this.doc, ops);
    this.doc = result.doc;
    this.contentVersion += 1;
    this.record(user, ops, result.touched, []);
    return this.events[this.events.length - 1]!.change;
  }

  /** The change events after the first `seen`, as the live feed delivers them. */
  changesAfter(seen: number): StoryChange[] {
    return this.events.slice(seen).map((event) => event.change);
  }

  private record(user: FakeUser, ops: StoryOperation[], touched: string[], replaced: StoryChange["replaced"]): string {
    const id = `e${this.events.length + 1}`;
    for (const factId of touched) this.lastEditor.set(factId, user.id);
    const change: StoryChange = { eventId: id, actorId: user.id, actorName: user.name, kind: ops.length === 1 ? ops[0]!.type : "batch", touched, removed: removedFacts(ops), replaced };
    this.events.push({ id, actor: user, ops, touched, change });
    return id;
  }
}

export function workspaceData(document: StoryDocument, contentVersion = 1, revisionId = "r1", me: FakeUser = WENDY): WorkspaceData {
  return {
    story: { id: "s1", slug: "s1", ownerId: "u1", ownerName: "Wendy Writer" },
    revision: { id: revisionId, number: 1, state: "DRAFT", contentVersion },
    document,
    wires: [],
    hasProposingWires: false,
    lastEventId: null,
    canEdit: true,
    me,
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
