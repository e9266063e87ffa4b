import Link from "next/link";
import { formatUtc } from "@/lib/domain/dates";
import type { TReviewComment, TStoryReview } from "@/lib/schemas/review";
import { CommentTargetProvider } from "./comment-target";
import { ReviewActions } from "./review-actions";
import { ReviewComments } from "./review-comments";
import { ReviewDiff } from "./review-diff";

/** The review page body: header, diff, publish checklist, decisions and the actions allowed now. */
export function ReviewView({ review, comments, canComment }: { review: TStoryReview; comments: TReviewComment[]; canComment: boolean }) {
  const { story, revision, baseline, diff, checklist, decisions, transitions, wires } = review;
  const allPassed = checklist.length > 0 && checklist.every((check) => check.passed);
  return (
    <div className="mx-auto max-w-4xl space-y-8 p-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">
          Review of revision {revision.number}
        </h1>
        <p>
          State: <span className="font-medium">{revision.state}</span>
          {baseline ? ` · compared with published revision ${baseline.number}` : " · nothing published yet, everything is new"}
        </p>
        {revision.correctionNote && <p>Correction note: {revision.correctionNote}</p>}
        <nav aria-label="Review links" className="flex gap-4 text-sm">
          <Link href={`/stories/${story.id}`} className="underline">
            Back to the story workspace
          </Link>
          {baseline && (
            <Link href={`/p/${story.slug}`} className="underline">
              View public page
            </Link>
          )}
        </nav>
      </header>

      <ReviewActions
        storyId={story.id}
        revisionId={revision.id}
        contentVersion={revision.contentVersion}
        transitions={transitions}
        canPublish={allPassed}
      />

      <section aria-labelledby="checklist-heading" className="space-y-2">
        <h2 id="checklist-heading" className="text-lg font-semibold">
          Publish checklist
        </h2>
        <ul aria-label="Publish checklist" className="space-y-1">
          {checklist.map((check) => (
            <li key={check.id} className={check.passed ? "text-green-800" : "text-red-800"}>
              <span aria-hidden="true">{check.passed ? "✓" : "✗"}</span>{" "}
              <span className="sr-only">{check.passed ? "Passed:" : "Failed:"}</span> <span className="font-medium">{check.label}</span>
              {check.detail !== check.label ? <span> — {check.detail}</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <CommentTargetProvider>
        <ReviewDiff diff={diff} wires={wires} canComment={canComment} />
        <ReviewComments
          storyId={story.id}
          revisionId={revision.id}
          facts={diff.facts.filter((fact) => fact.status !== "removed").map((fact, index) => ({ factId: fact.factId, number: index + 1, text: fact.text }))}
          initial={comments}
          canComment={canComment}
        />
      </CommentTargetProvider>

      <section aria-labelledby="decisions-heading" className="space-y-2">
        <h2 id="decisions-heading" className="text-lg font-semibold">
          Decisions
        </h2>
        {decisions.length === 0 ? (
          <p className="text-sm text-neutral-600">No decision yet on this revision.</p>
        ) : (
          <ol aria-label="Decisions" className="space-y-2">
            {decisions.map((decision) => (
              <li key={decision.id} className="rounded border p-2">
                <p>
                  <span className="font-medium">{decision.reviewerName}</span>{" "}
                  {decision.verdict === "APPROVE" ? "approved" : "requested changes"} (content version {decision.contentVersion}) on{" "}
                  <time dateTime={decision.createdAt}>{formatUtc(decision.createdAt)}</time>
                </p>
                {decision.summary && <p className="text-sm">{decision.summary}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
