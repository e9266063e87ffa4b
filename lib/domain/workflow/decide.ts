/**
 * Whether an actor may make a transition on a revision, and where it leads. One pure function
 * the UI uses to enable buttons and the server uses, again, inside the transaction that makes
 * the change. Checks run in a fixed order so the refusal says the most basic problem first:
 *
 *   1. input sanity (unknown transition or state, bad approvals setting)  → INVALID_INPUT
 *   2. the policy: may this role do this, on this owner's revision         → FORBIDDEN
 *   3. the state machine: can this transition start from this state       → CONFLICT
 *   4. a required note (unpublish reason, correction note) is missing      → INVALID_INPUT
 *   5. approve: four-eyes (FORBIDDEN), approving twice (CONFLICT)
 *      publish: approvals on this exact content, publish checklist, a
 *      correction's note                                                  → UNPROCESSABLE
 */
import { AppError } from "@/lib/domain/errors";
import { permission, type Actor } from "@/lib/domain/policy";
import { countedApprovers, isAuthor, isValidRequiredApprovals, type Approval } from "./approvals";
import { canPublish, PUBLISH_CHECKS, type PublishCheck } from "./checklist";
import {
  isRevisionState,
  isTransitionName,
  targetState,
  TRANSITION_NAMES,
  transitionSpec,
  type RevisionState,
  type TransitionName,
} from "./states";

export interface RevisionFacts {
  state: RevisionState;
  ownerId: string;
  /** Bumped by every change to the revision's content; approvals name the version they approved. */
  contentVersion: number;
  /** Everyone who changed this revision's content. The owner never approves either way. */
  editorIds: readonly string[];
  /**
   * The public correction note, on a revision started with `correct`; null or absent on any
   * other revision. Checked again at publish, since it may have been edited in review.
   */
  correctionNote?: string | null;
}

export interface TransitionRequest {
  actor: Actor;
  transition: TransitionName;
  revision: RevisionFacts;
  /** Approvals recorded on this revision, for any content version. */
  approvals: readonly Approval[];
  /** The "approvals required" setting; DEFAULT_REQUIRED_APPROVALS when not configured. */
  requiredApprovals: number;
  /** Unpublish reason, correction note, or the reviewer's note when requesting changes. */
  note?: string | null;
  /** publishChecklist() evaluated on this revision now. Publishing without it is refused. */
  checklist?: readonly PublishCheck[];
}

export type RefusalCode = "INVALID_INPUT" | "FORBIDDEN" | "CONFLICT" | "UNPROCESSABLE";

export type TransitionDecision =
  | {
      ok: true;
      transition: TransitionName;
      /** The revision's state afterwards; for a creating transition, the new revision's state. */
      nextState: RevisionState;
      /** startRevision and correct leave this revision as it is and create a new one. */
      createsRevision: boolean;
      /** The note, trimmed; null when the transition takes none or none was given. */
      note: string | null;
    }
  | { ok: false; transition: string; code: RefusalCode; reason: string };

const VERBS: Record<TransitionName, string> = {
  submit: "submit",
  resubmit: "resubmit",
  requestChanges: "request changes on",
  approve: "approve",
  publish: "publish",
  unpublish: "unpublish",
  supersede: "supersede",
  startRevision: "start a new revision of",
  correct: "correct",
  edit: "edit",
};

const STATE_WORDS: Record<RevisionState, string> = {
  DRAFT: "a draft",
  IN_REVIEW: "in review",
  CHANGES_REQUESTED: "waiting for requested changes",
  APPROVED: "approved",
  PUBLISHED: "published",
  UNPUBLISHED: "unpublished",
  SUPERSEDED: "superseded by a later revision",
};

/** What to do instead, after "Can't … a revision that is …", where there is something to do. */
const CONFLICT_HINTS: Partial<Record<TransitionName, (state: RevisionState) => string>> = {
  edit: () => " Start a new revision to change it.",
  approve: (state) => (state === "DRAFT" || state === "CHANGES_REQUESTED" ? " It has to be submitted for review first." : ""),
  requestChanges: (state) => (state === "DRAFT" || state === "CHANGES_REQUESTED" ? " It has to be submitted for review first." : ""),
  publish: (state) => (state === "DRAFT" || state === "CHANGES_REQUESTED" || state === "IN_REVIEW" ? " It has to be approved first." : ""),
};

export function decideTransition(request: TransitionRequest): TransitionDecision {
  const { actor, transition, revision, approvals, requiredApprovals } = request;
  const refuse = (code: RefusalCode, reason: string): TransitionDecision => ({ ok: false, transition, code, reason });

  // 1. Input sanity. Requests arrive from the network; types alone don't guarantee this.
  if (!isTransitionName(transition)) return refuse("INVALID_INPUT", `Unknown transition "${String(transition)}".`);
  if (!isRevisionState(revision.state)) return refuse("INVALID_INPUT", `Unknown revision state "${String(revision.state)}".`);
  if (!isValidRequiredApprovals(requiredApprovals)) {
    return refuse("INVALID_INPUT", `The required approvals setting (${String(requiredApprovals)}) is not a whole number of at least 1.`);
  }
  const spec = transitionSpec(transition);
  const verb = VERBS[transition];

  // 2. The policy decides who. "Own" grants (a writer's edit and submit) need the owner.
  const allowed = permission(actor, spec.action, { ownerId: revision.ownerId });
  if (!allowed.allowed) return refuse("FORBIDDEN", allowed.reason);

  // 3. The state machine decides when.
  const target = targetState(transition, revision.state);
  if (target === null) {
    const hint = CONFLICT_HINTS[transition]?.(revision.state) ?? "";
    return refuse("CONFLICT", `Can't ${verb} a revision that is ${STATE_WORDS[revision.state]}.${hint}`);
  }

  // 4. Notes.
  const note = spec.note === "none" ? null : (request.note ?? "").trim() || null;
  if (spec.note === "required" && note === null) {
    return refuse("INVALID_INPUT", transition === "unpublish" ? "Give the reason for unpublishing." : "Write the public correction note.");
  }

  const allow = (nextState: RevisionState): TransitionDecision => ({
    ok: true,
    transition,
    nextState,
    createsRevision: spec.creates,
    note,
  });

  // 5. What only some transitions need.
  if (transition === "approve") {
    if (isAuthor(actor.id, revision)) {
      const did = actor.id === revision.ownerId ? "wrote" : "edited";
      return refuse("FORBIDDEN", `You ${did} this revision, so another editor or a publisher must approve it.`);
    }
    const approvers = countedApprovers(approvals, revision);
    if (approvers.includes(actor.id)) return refuse("CONFLICT", "You have already approved this revision as it is.");
    return allow(approvers.length + 1 >= requiredApprovals ? "APPROVED" : "IN_REVIEW");
  }

  if (transition === "publish") {
    const approvers = countedApprovers(approvals, revision);
    if (approvers.length < requiredApprovals) {
      return refuse(
        "UNPROCESSABLE",
        `This revision as it is has ${approvers.length} of ${requiredApprovals} required approvals.`,
      );
    }
    if (!request.checklist) return refuse("UNPROCESSABLE", "The publish checklist was not evaluated.");
    if (!canPublish(request.checklist)) {
      const failing = PUBLISH_CHECKS.filter(({ id }) => !request.checklist!.some((check) => check.id === id && check.passed)).map((check) => check.label);
      return refuse("UNPROCESSABLE", `The publish checklist does not pass: ${failing.join("; ")}.`);
    }
    if (revision.correctionNote !== undefined && revision.correctionNote !== null && revision.correctionNote.trim() === "") {
      return refuse("UNPROCESSABLE", "A correction can't be published without its public correction note.");
    }
  }

  return allow(target);
}

/**
 * decideTransition, for the server: returns the allowed outcome or throws an AppError with
 * the refusal's code (FORBIDDEN, CONFLICT, UNPROCESSABLE, INVALID_INPUT) and its reason.
 */
export function assertTransition(request: TransitionRequest): Extract<TransitionDecision, { ok: true }> {
  const decision = decideTransition(request);
  if (!decision.ok) {
    throw new AppError(decision.code, decision.reason, {
      transition: decision.transition,
      state: request.revision.state,
    });
  }
  return decision;
}

/**
 * Every transition `actor` could make on the revision now, e.g. to show the right buttons.
 * Automatic transitions (supersede) are left out.
 * Notes are assumed to be given (the form asks for them), the checklist is taken as given.
 */
export function availableTransitions(request: Omit<TransitionRequest, "transition" | "note">): TransitionName[] {
  return TRANSITION_NAMES.filter(
    (transition) =>
      !transitionSpec(transition).automatic && decideTransition({ ...request, transition, note: "(to be written)" }).ok,
  );
}
