/**
 * What the story workspace receives from the stories API. The server produces these shapes
 * (lib/server/queries, lib/server/services, lib/server/stories/story-feed) and the browser reads
 * them (components/stories/workspace); both sides import them from here.
 */
import type { DisputingSource, StoryConflict, StoryDocument, StoryFact, StoryOperation } from "@/lib/domain/story";
import type { FactHistoryEntry } from "@/lib/domain/story/fact-history";
import type { FactRemoval, RemovedFact, ReplacedText } from "@/lib/domain/story/overrides";
import type { Proposal } from "@/lib/domain/story/proposals";
import type { SignalledKind } from "@/lib/domain/wire/signals";

/** A sentence of a wire story as the workspace lists it; offsets into `WorkspaceWire.text`. */
export interface WorkspaceSentence {
  index: number;
  start: number;
  end: number;
  text: string;
  paragraph: number;
  /** The fact this sentence shares with other wires (the same number in each), or null when no other wire states it. */
  factGroup: number | null;
  /** Ids of the other wires that state this sentence's fact as it does. */
  alsoIn: string[];
  /** The other wires' sentences that state the fact with another value, each value as written. */
  otherValueIn: DisputingSource[];
}

export interface WorkspaceWire {
  id: string;
  agency: string | null;
  headline: string | null;
  /** ISO date YYYY-MM-DD. */
  date: string | null;
  text: string;
  /** The wire item it is a version of, and which version (later versions of a story's wires come with it). */
  itemKey: string;
  version: number;
  versionKind: SignalledKind | null;
  pubStatus: string;
  /** ISO timestamp of arrival. */
  receivedAt: string;
  sentences: WorkspaceSentence[];
}

/** What `GET /api/v1/stories/{id}` returns, and what the page renders first. */
export interface WorkspaceData {
  story: { id: string; slug: string; ownerId: string; ownerName: string };
  revision: { id: string; number: number; state: string; contentVersion: number };
  document: StoryDocument;
  wires: WorkspaceWire[];
  /** Some wires were added after the draft, so the story may have proposals. */
  hasProposingWires: boolean;
  lastEventId: string | null;
  canEdit: boolean;
  me: { id: string; name: string };
}

/** The outcome of applying a batch of operations, before the route adds the document. */
export type OperationsResult =
  | { status: "applied"; eventId: string; contentVersion: number; touched: string[]; inverse: StoryOperation[] }
  | {
      status: "conflict";
      conflict: StoryConflict;
      current: { facts: StoryFact[]; metaVersion: number };
      /** Who removed the named facts that are gone, so someone typing in one is told. */
      removedBy: FactRemoval[];
    };

/** What `POST /api/v1/stories/{id}/operations` returns: 200 applied, 409 conflict, each with the current document. */
export type OperationsResponse = OperationsResult & { document: StoryDocument };

/** Who is in a story, and which fact they are in (the `presence` event of the story's stream). */
export interface PresenceUser {
  id: string;
  name: string;
  factId: string | null;
}

/** The data of a `presence` event of `GET /api/v1/stories/{id}/events`. */
export interface PresenceMessage {
  users: PresenceUser[];
}

/** The data of a `change` event of `GET /api/v1/stories/{id}/events`: someone's edit committed. */
export interface StoryChange {
  eventId: string;
  actorId: string;
  actorName: string;
  kind: string;
  touched: string[];
  /** Facts the change deleted or merged away. */
  removed: RemovedFact[];
  /** Texts the change put its own text over ("Keep mine"), with whose they were. */
  replaced: ReplacedText[];
}

/** What `GET /api/v1/stories/{id}/facts/{factId}/history` returns, oldest first. */
export interface FactHistoryResponse {
  entries: FactHistoryEntry[];
  /** More events touched the fact than one history reads. */
  earlierLeftOut: boolean;
}

/** What `GET /api/v1/stories/{id}/proposals` returns. */
export interface ProposalsResponse {
  proposals: Proposal[];
}
