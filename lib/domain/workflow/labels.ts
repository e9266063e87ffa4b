/**
 * The words people read for a revision's workflow state. Every page that shows a state (the story
 * workspace header, the review page, the stories list, notifications) takes them from here, so the
 * raw codes ("IN_REVIEW") never reach a reader and one state is never called two things.
 */
import { isRevisionState, type RevisionState } from "./states";

const STATE_LABELS: Record<RevisionState, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  PUBLISHED: "Published",
  UNPUBLISHED: "Unpublished",
  SUPERSEDED: "Superseded",
};

/**
 * "Draft", "In review", "Changes requested", "Approved", "Published", "Unpublished", "Superseded".
 * Takes any string because states arrive from the database and the network; a value that is not a
 * state reads "Unknown state" rather than showing the code.
 */
export function revisionStateLabel(state: string): string {
  return isRevisionState(state) ? STATE_LABELS[state] : "Unknown state";
}
