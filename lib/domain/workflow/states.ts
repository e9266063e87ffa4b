/**
 * The life of one story revision, as typed data:
 *
 *   DRAFT → IN_REVIEW → (CHANGES_REQUESTED → IN_REVIEW)* → APPROVED → PUBLISHED
 *
 * plus what happens after publication:
 *   - PUBLISHED → UNPUBLISHED (unpublish, with a reason);
 *   - PUBLISHED → SUPERSEDED, done by the server to the live revision in the same transaction
 *     that publishes the next revision of the same story, so exactly one revision is live;
 *   - startRevision / correct don't move the published revision: they create a new DRAFT
 *     revision from it, and the published one stays live until that one is published.
 *
 * Who may make a transition is not decided here but by the policy (`action`), so the role ×
 * action matrix stays in one place.
 */
import type { Action } from "@/lib/domain/policy";

export const REVISION_STATES = [
  "DRAFT",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "PUBLISHED",
  "UNPUBLISHED",
  "SUPERSEDED",
] as const;
export type RevisionState = (typeof REVISION_STATES)[number];

/** A story's first revision starts here (creating it needs `story.create`). */
export const INITIAL_STATE: RevisionState = "DRAFT";

/** Approvals required to publish when the setting is not configured. */
export const DEFAULT_REQUIRED_APPROVALS = 1;

export type NoteRule = "none" | "optional" | "required";

export interface TransitionSpec {
  /** The policy action the actor needs, checked against the revision's owner for "own" grants. */
  action: Action;
  /**
   * State the transition may start from → state it leads to. A state missing here refuses the
   * transition. For a creating transition the target is the state of the new revision.
   */
  moves: Partial<Record<RevisionState, RevisionState>>;
  /** True when the transition creates a new revision and leaves this one as it is. */
  creates: boolean;
  /** Whether the transition takes a note: the unpublish reason, the public correction note. */
  note: NoteRule;
  /** Made by the server as part of another transition, never offered to a user on its own. */
  automatic: boolean;
  summary: string;
}

export const TRANSITIONS = {
  submit: {
    action: "story.submit",
    moves: { DRAFT: "IN_REVIEW" },
    creates: false,
    note: "none",
    automatic: false,
    summary: "Submit a draft for review.",
  },
  resubmit: {
    action: "story.submit",
    moves: { CHANGES_REQUESTED: "IN_REVIEW" },
    creates: false,
    note: "none",
    automatic: false,
    summary: "Send a revision back to review after the requested changes.",
  },
  requestChanges: {
    action: "story.review",
    // From APPROVED too: a second reviewer may still object before publication.
    moves: { IN_REVIEW: "CHANGES_REQUESTED", APPROVED: "CHANGES_REQUESTED" },
    creates: false,
    note: "optional",
    automatic: false,
    summary: "Send a revision back to its writer.",
  },
  approve: {
    action: "story.review",
    // Reaches APPROVED only once the required approvals on this exact content are in;
    // until then the revision stays IN_REVIEW. From APPROVED: more approvals than needed
    // are harmless, and they are how a revision catches up when the setting is raised.
    moves: { IN_REVIEW: "APPROVED", APPROVED: "APPROVED" },
    creates: false,
    note: "none",
    automatic: false,
    summary: "Approve this exact revision (four-eyes: not by anyone who edited it).",
  },
  publish: {
    action: "story.publish",
    moves: { APPROVED: "PUBLISHED" },
    creates: false,
    note: "none",
    automatic: false,
    summary: "Publish an approved revision whose publish checklist passes.",
  },
  unpublish: {
    action: "story.unpublish",
    moves: { PUBLISHED: "UNPUBLISHED" },
    creates: false,
    note: "required",
    automatic: false,
    summary: "Take a published revision down, giving the reason.",
  },
  supersede: {
    action: "story.publish",
    moves: { PUBLISHED: "SUPERSEDED" },
    creates: false,
    note: "none",
    automatic: true,
    summary: "Retire the live revision when the next revision of the story is published.",
  },
  startRevision: {
    action: "story.edit",
    // From UNPUBLISHED too: fixing a story that was taken down goes through review again.
    moves: { PUBLISHED: "DRAFT", UNPUBLISHED: "DRAFT" },
    creates: true,
    note: "none",
    automatic: false,
    summary: "Start a new draft revision of a published story; the published one stays live.",
  },
  correct: {
    action: "story.correct",
    moves: { PUBLISHED: "DRAFT" },
    creates: true,
    note: "required",
    automatic: false,
    summary: "Start a correction: a new revision carrying a public correction note, reviewed like any other.",
  },
  edit: {
    action: "story.edit",
    // See stateAfterEdit: an edit during review restarts the review of the new content.
    moves: { DRAFT: "DRAFT", CHANGES_REQUESTED: "CHANGES_REQUESTED", IN_REVIEW: "IN_REVIEW", APPROVED: "IN_REVIEW" },
    creates: false,
    note: "none",
    automatic: false,
    summary: "Change the content of a revision that is not published.",
  },
} as const satisfies Record<string, TransitionSpec>;

export type TransitionName = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

export function isRevisionState(value: unknown): value is RevisionState {
  return typeof value === "string" && (REVISION_STATES as readonly string[]).includes(value);
}

export function isTransitionName(value: unknown): value is TransitionName {
  return typeof value === "string" && Object.hasOwn(TRANSITIONS, value);
}

/** The spec of a transition, typed loosely enough to index `moves` by any state. */
export function transitionSpec(name: TransitionName): TransitionSpec {
  return TRANSITIONS[name];
}

/** Where `name` leads from `state`, or null when it can't be made from there. */
export function targetState(name: TransitionName, state: RevisionState): RevisionState | null {
  return transitionSpec(name).moves[state] ?? null;
}

/**
 * The state a revision is in after its content is edited, or null when it can't be edited:
 *  - DRAFT and CHANGES_REQUESTED stay as they are (the writer is working on it);
 *  - IN_REVIEW stays IN_REVIEW, but approvals given to earlier content no longer count,
 *    because an approval is for an exact content version;
 *  - APPROVED goes back to IN_REVIEW: its approvals were for content that no longer exists;
 *  - PUBLISHED, UNPUBLISHED and SUPERSEDED are history: start a new revision instead.
 */
export function stateAfterEdit(state: RevisionState): RevisionState | null {
  return targetState("edit", state);
}

export function isEditable(state: RevisionState): boolean {
  return stateAfterEdit(state) !== null;
}

/**
 * Whether wire stories may be added to a story whose latest revision is in `state`: only while
 * the writer has it (DRAFT, CHANGES_REQUESTED). In review or approved, new material would
 * change what the reviewers are judging under them; published (or taken down), the revision is
 * history and a new one has to be started first.
 */
export function acceptsNewWires(state: RevisionState): boolean {
  return state === "DRAFT" || state === "CHANGES_REQUESTED";
}

/**
 * The state of a revision as people should read it. The database never changes a published
 * revision (triggers keep it as readers saw it), so taking a story down clears the story's live
 * pointer and publishing a later revision moves it: a PUBLISHED revision that is no longer live
 * was replaced (SUPERSEDED) when a later revision was published, or else taken down (UNPUBLISHED).
 */
export function effectiveState(state: RevisionState, story: { isLive: boolean; publishedLater: boolean }): RevisionState {
  if (state !== "PUBLISHED" || story.isLive) return state;
  return story.publishedLater ? "SUPERSEDED" : "UNPUBLISHED";
}
