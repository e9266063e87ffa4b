import { z } from "zod";
import type { RevisionDiff } from "@/lib/domain/diff";
import type { PublishCheck, RevisionState, TransitionChoice, TransitionName } from "@/lib/domain/workflow";

/** `POST …/revisions/<revisionId>/review`. */
export const ZReviewDecision = z.object({
  transition: z.enum(["submit", "resubmit", "approve", "requestChanges"]),
  /** The content version the reviewer looked at: a decision on anything else is refused. */
  contentVersion: z.number().int().positive(),
  summary: z.string().trim().max(5000).optional(),
});
export type TReviewDecision = z.infer<typeof ZReviewDecision>;

/** `POST …/revisions/<revisionId>/publish`: the content version the checklist was read for. */
export const ZPublish = z.object({ contentVersion: z.number().int().positive() });
export type TPublish = z.infer<typeof ZPublish>;

/** `POST …/revisions/<revisionId>/start`. */
export const ZStartRevision = z.object({
  /** "startRevision" to edit a published story; "correct" for a correction, with its public note. */
  transition: z.enum(["startRevision", "correct"]),
  note: z.string().trim().max(2000).optional(),
});
export type TStartRevision = z.infer<typeof ZStartRevision>;

/** `POST …/revisions/<revisionId>/comments`. */
export const ZComment = z
  .object({
    body: z.string().trim().min(1, "Write the comment").max(5000),
    factId: z.string().min(1).max(64).optional(),
    range: z.object({ start: z.number().int().min(0), end: z.number().int().min(1) }).optional(),
    parentId: z.string().min(1).optional(),
    blocking: z.boolean().default(false),
  })
  .refine((c) => !c.range || (c.factId && c.range.end > c.range.start), "A text range needs a fact and must not be empty")
  // Publication is held by threads: a blocking reply would hold it with nothing to resolve in the thread.
  .refine((c) => !(c.parentId && c.blocking), "A reply cannot block publication; start a new comment and mark it blocking");
export type TComment = z.infer<typeof ZComment>;

/** `PATCH …/comments/<commentId>`. */
export const ZResolveComment = z.object({ resolved: z.boolean() });
export type TResolveComment = z.infer<typeof ZResolveComment>;

/** A comment or reply as `GET …/comments` and the review page give it. */
export interface TReviewComment {
  id: string;
  factId: string | null;
  rangeStart: number | null;
  rangeEnd: number | null;
  parentId: string | null;
  body: string;
  blocking: boolean;
  authorName: string;
  /** ISO timestamps. */
  createdAt: string;
  resolvedAt: string | null;
  /** Whether the user asking may resolve it (the rule setCommentResolved enforces). */
  canResolve: boolean;
}

export interface TReviewDecisionEntry {
  id: string;
  reviewerName: string;
  verdict: "APPROVE" | "REQUEST_CHANGES";
  summary: string | null;
  contentVersion: number;
  createdAt: string;
}

/** The revision readers see now, when the story is published. */
export interface TLivePublication {
  revisionNumber: number;
  /** ISO timestamp. */
  publishedAt: string | null;
  publishedByName: string | null;
  /** The public page, `/p/<slug>`. */
  publicPath: string;
}

/** `GET /api/v1/stories/<id>/review`: the current revision against the last published one. */
export interface TStoryReview {
  story: { id: string; slug: string; ownerId: string; headline: string; live: boolean; publication: TLivePublication | null };
  /** `state` is the state as readers of the page should take it (see effectiveState). */
  revision: { id: string; number: number; state: RevisionState; contentVersion: number; correctionNote: string | null };
  baseline: { revisionId: string; number: number } | null;
  diff: RevisionDiff;
  checklist: PublishCheck[];
  decisions: TReviewDecisionEntry[];
  /** What the user asking may do now. */
  transitions: TransitionName[];
  /** What this stage of the story offers, each allowed for the user asking or with the reason it is not. */
  choices: TransitionChoice[];
  wires: { id: string; agency: string | null; headline: string | null }[];
  /** The published revision's wire versions the agency has since corrected, withheld or killed, in words, with the facts resting on them. */
  sourceNotices: string[];
}

/** An open blocking comment, as the story workspace lists it when changes were requested. */
export interface TOpenBlockingComment {
  id: string;
  authorName: string;
  body: string;
  /** The fact's place in the story (1-based), when the comment is on a fact still in it. */
  factNumber: number | null;
}

/** `GET /api/v1/stories/<id>/review/status`: the review state the story workspace's header shows. */
export interface TReviewStatus {
  revisionId: string;
  state: RevisionState;
  /** Submit (or resubmit after requested changes), when the stage offers it: allowed, or why not. */
  submit: TransitionChoice | null;
  /** Whether the revision has been submitted at some point, so a review page has something to show. */
  inReviewFlow: boolean;
  /** The latest "request changes" on this revision while changes are requested. */
  changesRequested: { reviewerName: string; summary: string | null; createdAt: string } | null;
  openBlockingComments: TOpenBlockingComment[];
  publication: TLivePublication | null;
  /** As on the review page: the published revision's wire versions since withdrawn, with the facts resting on them. */
  sourceNotices: string[];
}
