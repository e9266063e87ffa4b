/**
 * Counting approvals. An approval is for an exact content version of a revision: any later
 * change makes it stale. Each reviewer counts once, and nobody who wrote or edited the
 * revision counts at all (four-eyes), even if such an approval somehow got recorded.
 */

export interface Approval {
  reviewerId: string;
  /** The revision's content version the reviewer approved. */
  contentVersion: number;
}

export interface ApprovalSubject {
  contentVersion: number;
  ownerId?: string;
  /** Everyone who changed this revision's content. */
  editorIds?: readonly string[];
}

/** Whether `userId` wrote or edited the revision, and so may not approve it. */
export function isAuthor(userId: string, subject: { ownerId?: string; editorIds?: readonly string[] }): boolean {
  return userId === subject.ownerId || (subject.editorIds ?? []).includes(userId);
}

/** The distinct reviewers whose approval counts for the revision as it is now, in first-approval order. */
export function countedApprovers(approvals: readonly Approval[], subject: ApprovalSubject): string[] {
  const reviewers: string[] = [];
  for (const approval of approvals) {
    if (approval.contentVersion !== subject.contentVersion) continue;
    if (isAuthor(approval.reviewerId, subject)) continue;
    if (!reviewers.includes(approval.reviewerId)) reviewers.push(approval.reviewerId);
  }
  return reviewers;
}

/** A usable "approvals required" setting: a whole number of at least 1. */
export function isValidRequiredApprovals(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}
