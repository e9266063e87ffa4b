/**
 * Editorial workflow of story revisions: the state machine, who may make each transition
 * (through the policy), four-eyes approvals on exact content versions, and the publish gate.
 * Framework-free and deterministic: plain data in, decisions out.
 */
export {
  REVISION_STATES,
  INITIAL_STATE,
  DEFAULT_REQUIRED_APPROVALS,
  TRANSITIONS,
  TRANSITION_NAMES,
  isRevisionState,
  isTransitionName,
  transitionSpec,
  targetState,
  stateAfterEdit,
  isEditable,
  acceptsNewWires,
  effectiveState,
  type RevisionState,
  type TransitionName,
  type TransitionSpec,
  type NoteRule,
} from "./states";
export { revisionStateLabel } from "./labels";
export { OFFERED_TRANSITIONS, transitionChoices, type TransitionChoice } from "./choices";
export { countedApprovers, isAuthor, isValidRequiredApprovals, type Approval, type ApprovalSubject } from "./approvals";
export {
  decideTransition,
  assertTransition,
  availableTransitions,
  type RevisionFacts,
  type TransitionRequest,
  type TransitionDecision,
  type RefusalCode,
} from "./decide";
export {
  PUBLISH_CHECKS,
  publishChecklist,
  canPublish,
  type PublishCheck,
  type PublishCheckId,
  type PublishChecklistInput,
  type ReviewComment,
} from "./checklist";
