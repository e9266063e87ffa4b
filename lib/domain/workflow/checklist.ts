/**
 * The publish gate. "Publish" is enabled only when every check passes; the checklist shows
 * each one with what is wrong. The server evaluates it again at publish time, inside the
 * transaction that publishes, and hands it to decideTransition, which refuses without it.
 */
import type { StoryDocument } from "@/lib/domain/story/types";
import { countedApprovers, isValidRequiredApprovals, type Approval } from "./approvals";

export const PUBLISH_CHECKS = [
  { id: "sources", label: "Every fact has a source or an own-reporting note" },
  { id: "discrepancies", label: "No unresolved discrepancy" },
  { id: "withdrawn-sources", label: "No fact rests only on a corrected, withheld or killed wire version" },
  { id: "blocking-comments", label: "No open blocking comment" },
  { id: "approvals", label: "Required approvals on this exact revision" },
  { id: "headline-credit", label: "Headline and credit line present" },
] as const;

export type PublishCheckId = (typeof PUBLISH_CHECKS)[number]["id"];

export interface PublishCheck {
  id: PublishCheckId;
  label: string;
  passed: boolean;
  /** One sentence for the checklist: what passed, or what is wrong. */
  detail: string;
  /** Ids of what fails the check (facts, discrepancies, comments) or, for approvals, the counted reviewers. */
  refs: string[];
}

export interface ReviewComment {
  id?: string;
  /** Marked by its author as having to be dealt with before publication. */
  blocking: boolean;
  resolved: boolean;
}

export interface PublishChecklistInput {
  document: StoryDocument;
  comments: readonly ReviewComment[];
  /** Approvals recorded on this revision (any content version; only the current one counts). */
  approvals: readonly Approval[];
  requiredApprovals: number;
  /** The revision's current content version. */
  contentVersion: number;
  creditLine: string | null;
  /** Facts whose every source the agency has since corrected, withheld or killed (lib/domain/story/source-updates.ts). */
  withdrawnFactIds: readonly string[];
  /**
   * The revision's owner and editors. When given, their approvals don't count (four-eyes);
   * decideTransition already refuses such approvals, this guards against stale data.
   */
  ownerId?: string;
  editorIds?: readonly string[];
}

const LABELS: Record<PublishCheckId, string> = Object.fromEntries(PUBLISH_CHECKS.map((c) => [c.id, c.label])) as Record<
  PublishCheckId,
  string
>;

const blank = (value: string | null | undefined) => (value ?? "").trim() === "";
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The six checks, always all of them, always in the same order. */
export function publishChecklist(input: PublishChecklistInput): PublishCheck[] {
  const facts = input.document.paragraphs.flatMap((p) => p.facts);
  return [sourcesCheck(facts), discrepanciesCheck(facts), withdrawnCheck(facts, input.withdrawnFactIds), commentsCheck(input.comments), approvalsCheck(input), headlineCheck(input)];
}

/**
 * Publishing is allowed only when all six checks are present and passed. A checklist that
 * lacks a check (built by hand, or by an older client) does not pass.
 */
export function canPublish(checklist: readonly PublishCheck[]): boolean {
  return PUBLISH_CHECKS.every(({ id }) => checklist.some((check) => check.id === id)) && checklist.every((check) => check.passed);
}

function check(id: PublishCheckId, passed: boolean, detail: string, refs: string[] = []): PublishCheck {
  return { id, label: LABELS[id], passed, detail, refs };
}

type Fact = StoryDocument["paragraphs"][number]["facts"][number];

function sourcesCheck(facts: readonly Fact[]): PublishCheck {
  const unsourced = facts.filter((f) => f.sources.length === 0 && blank(f.ownReportingNote)).map((f) => f.id);
  if (unsourced.length === 0) return check("sources", true, `All ${plural(facts.length, "fact")} sourced.`);
  return check(
    "sources",
    false,
    `${unsourced.length} of ${plural(facts.length, "fact")} ${unsourced.length === 1 ? "has" : "have"} neither a source nor an own-reporting note.`,
    unsourced,
  );
}

function discrepanciesCheck(facts: readonly Fact[]): PublishCheck {
  const open = facts.flatMap((f) => f.discrepancies.filter((d) => d.resolution === null).map((d) => ({ fact: f.id, id: d.id })));
  if (open.length === 0) return check("discrepancies", true, "No unresolved discrepancy.");
  const inFacts = new Set(open.map((d) => d.fact)).size;
  return check(
    "discrepancies",
    false,
    `${plural(open.length, "unresolved discrepancy", "unresolved discrepancies")} in ${plural(inFacts, "fact")}.`,
    open.map((d) => d.id),
  );
}

function withdrawnCheck(facts: readonly Fact[], withdrawnFactIds: readonly string[]): PublishCheck {
  const inStory = new Set(facts.map((f) => f.id));
  const withdrawn = withdrawnFactIds.filter((id) => inStory.has(id));
  if (withdrawn.length === 0) return check("withdrawn-sources", true, "No fact rests only on a withdrawn wire version.");
  return check(
    "withdrawn-sources",
    false,
    `${plural(withdrawn.length, "fact")} ${withdrawn.length === 1 ? "rests" : "rest"} only on wire versions the agency has since corrected, withheld or killed: update, re-attach or detach ${withdrawn.length === 1 ? "its source" : "their sources"}.`,
    withdrawn,
  );
}

function commentsCheck(comments: readonly ReviewComment[]): PublishCheck {
  const blocking = comments.filter((c) => c.blocking && !c.resolved);
  if (blocking.length === 0) return check("blocking-comments", true, "No open blocking comment.");
  return check(
    "blocking-comments",
    false,
    `${plural(blocking.length, "blocking comment")} still open.`,
    blocking.flatMap((c) => (c.id === undefined ? [] : [c.id])),
  );
}

function approvalsCheck(input: PublishChecklistInput): PublishCheck {
  if (!isValidRequiredApprovals(input.requiredApprovals)) {
    return check("approvals", false, `The required approvals setting (${String(input.requiredApprovals)}) is not a whole number of at least 1.`);
  }
  const approvers = countedApprovers(input.approvals, input);
  const passed = approvers.length >= input.requiredApprovals;
  const stale = input.approvals.some((a) => a.contentVersion !== input.contentVersion);
  const detail =
    `${approvers.length} of ${plural(input.requiredApprovals, "required approval")} on this revision` +
    (!passed && stale ? "; approvals of earlier content don't count." : ".");
  return check("approvals", passed, detail, approvers);
}

function headlineCheck(input: PublishChecklistInput): PublishCheck {
  const missing = [blank(input.document.headline) ? "headline" : null, blank(input.creditLine) ? "credit line" : null].filter(
    (m): m is string => m !== null,
  );
  if (missing.length === 0) return check("headline-credit", true, "Headline and credit line present.");
  const what = missing.join(" and ");
  return check("headline-credit", false, `${what.charAt(0).toUpperCase()}${what.slice(1)} missing.`);
}
