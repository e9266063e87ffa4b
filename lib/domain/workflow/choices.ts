/**
 * What a page offers at each stage of a revision, allowed or not, and why not. An action people
 * expect at this stage is never just left out: when this user may not take it, it comes with the
 * sentence that says why ("You edited this revision, so another editor or a publisher must approve it."). The
 * reasons are decideTransition's own refusals, so the page and the server never disagree.
 */
import { decideTransition, type TransitionRequest } from "./decide";
import type { RevisionState, TransitionName } from "./states";

export interface TransitionChoice {
  transition: TransitionName;
  allowed: boolean;
  /** Why this user may not take it now; null when allowed. */
  reason: string | null;
}

/**
 * The transitions people look for at each stage, in the order a page shows them. Before
 * publication: getting it reviewed, reviewing it, publishing it. Once published: a new revision,
 * a correction, taking it down.
 */
export const OFFERED_TRANSITIONS: Record<RevisionState, readonly TransitionName[]> = {
  DRAFT: ["submit", "approve", "requestChanges", "publish"],
  CHANGES_REQUESTED: ["resubmit", "approve", "requestChanges", "publish"],
  IN_REVIEW: ["approve", "requestChanges", "publish"],
  APPROVED: ["approve", "requestChanges", "publish"],
  PUBLISHED: ["startRevision", "correct", "unpublish"],
  UNPUBLISHED: ["startRevision"],
  SUPERSEDED: [],
};

/**
 * Each of `offered` (by default, what the revision's stage offers) as decideTransition answers it
 * for `actor` now. Notes are taken as given, since the form asks for them before anything is sent.
 */
export function transitionChoices(
  request: Omit<TransitionRequest, "transition" | "note">,
  offered: readonly TransitionName[] = OFFERED_TRANSITIONS[request.revision.state] ?? [],
): TransitionChoice[] {
  return offered.map((transition) => {
    const decision = decideTransition({ ...request, transition, note: "(to be written)" });
    return { transition, allowed: decision.ok, reason: decision.ok ? null : decision.reason };
  });
}
