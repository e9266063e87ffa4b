import type { StoryConflict, StoryDocument, StoryFact, StoryOperation } from "@/lib/domain/story";

/** A sentence of a wire story as the workspace lists it; offsets into `WorkspaceWire.text`. */
export interface WorkspaceSentence {
  index: number;
  start: number;
  end: number;
  text: string;
  paragraph: number;
  /** The fact this sentence shares with other wires (the same number in each), or null when no other wire states it. */
  factGroup: number | null;
  /** Ids of the other wires that state this sentence's fact. */
  alsoIn: string[];
}

export interface WorkspaceWire {
  id: string;
  agency: string | null;
  headline: string | null;
  /** ISO date YYYY-MM-DD. */
  date: string | null;
  text: string;
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

export type OperationsResponse =
  | { status: "applied"; eventId: string; contentVersion: number; touched: string[]; inverse: StoryOperation[]; document: StoryDocument }
  | { status: "conflict"; conflict: StoryConflict; current: { facts: StoryFact[]; metaVersion: number }; document: StoryDocument };

export interface PresenceUser {
  id: string;
  name: string;
  factId: string | null;
}

export interface ChangeEvent {
  eventId: string;
  actorId: string;
  actorName: string;
  kind: string;
  touched: string[];
}
