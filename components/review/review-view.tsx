import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { formatUtc } from "@/lib/domain/dates";
import type { TLivePublication, TReviewComment, TStoryReview } from "@/lib/schemas/review";
import { CommentTargetProvider } from "./comment-target";
import { ReviewActions } from "./review-actions";
import { ReviewComments } from "./review-comments";
import { ReviewDiff } from "./review-diff";
import { StateBadge } from "./state-badge";

/** The review page body: header, actions, publish checklist, diff, comments and decisions. */
export function ReviewView({ review, comments, canComment }: { review: TStoryReview; comments: TReviewComment[]; canComment: boolean }) {
  const { story, revision, baseline, diff, checklist, decisions, choices, wires } = review;
  const publicPath = story.publication?.publicPath ?? `/p/${story.slug}`;
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <div>
        <PageHeader title={`Review of revision ${revision.number}`} description={story.headline.trim() || "This revision has no headline yet."}>
          <nav aria-label="Review links" className="flex gap-4 text-sm">
            <Link href={`/stories/${story.id}`} className="text-blue-700 underline">
              Back to the story workspace
            </Link>
            {story.publication ? (
              <Link href={story.publication.publicPath} className="text-blue-700 underline">
                View public page
              </Link>
            ) : null}
          </nav>
        </PageHeader>
        <dl aria-label="Revision status" className="grid gap-x-4 gap-y-1 rounded-lg border border-neutral-200 bg-white p-4 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-neutral-600">State</dt>
          <dd>
            <StateBadge state={revision.state} />
          </dd>
          <dt className="text-neutral-600">Readers see</dt>
          <dd>
            <Publication publication={story.publication} />
          </dd>
          <dt className="text-neutral-600">Compared with</dt>
          <dd>
            {baseline
              ? `Published revision ${baseline.number}`
              : story.publication?.revisionNumber === revision.number
                ? "Nothing: this is the story's first published revision."
                : "Nothing yet: no earlier revision was published, so everything in this one is new."}
          </dd>
          {review.sourceNotices.length > 0 ? (
            <>
              <dt className="text-neutral-600">Sources withdrawn</dt>
              <dd>
                <ul aria-label="Sources withdrawn since publication" data-testid="source-notices" className="space-y-0.5 text-red-900">
                  {review.sourceNotices.map((notice) => (
                    <li key={notice}>{notice}</li>
                  ))}
                </ul>
                <p className="text-neutral-700">Readers still see the published revision: fix the facts in a new revision and publish it as a correction.</p>
              </dd>
            </>
          ) : null}
          {revision.correctionNote ? (
            <>
              <dt className="text-neutral-600">Correction note</dt>
              <dd>{revision.correctionNote}</dd>
            </>
          ) : null}
        </dl>
      </div>

      <ReviewActions
        storyId={story.id}
        revisionId={revision.id}
        contentVersion={revision.contentVersion}
        headline={story.headline}
        publicPath={publicPath}
        choices={choices}
      />

      <section aria-labelledby="checklist-heading" className="space-y-2">
        <h2 id="checklist-heading" className="text-lg font-semibold">
          Publish checklist
        </h2>
        <ul aria-label="Publish checklist" className="space-y-1 rounded-lg border border-neutral-200 bg-white p-4 text-sm">
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
          <EmptyState>No decision yet on this revision.</EmptyState>
        ) : (
          <ol aria-label="Decisions" className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white">
            {decisions.map((decision) => (
              <li key={decision.id} className="space-y-1 px-4 py-3 text-sm">
                <p>
                  <span className="font-medium">{decision.reviewerName}</span>{" "}
                  {decision.verdict === "APPROVE" ? "approved" : "requested changes"} (content version {decision.contentVersion}) on{" "}
                  <time dateTime={decision.createdAt}>{formatUtc(decision.createdAt)}</time>
                </p>
                {decision.summary ? <p className="text-neutral-700">{decision.summary}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

/** What readers see now: the live revision with its public link, or nothing yet. */
function Publication({ publication }: { publication: TLivePublication | null }) {
  if (!publication) return <>Nothing: the story is not published.</>;
  return (
    <>
      Revision {publication.revisionNumber}, published
      {publication.publishedByName ? ` by ${publication.publishedByName}` : ""}
      {publication.publishedAt ? (
        <>
          {" "}
          on <time dateTime={publication.publishedAt}>{formatUtc(publication.publishedAt)}</time>
        </>
      ) : null}{" "}
      at{" "}
      <Link href={publication.publicPath} className="text-blue-700 underline">
        {publication.publicPath}
      </Link>
    </>
  );
}
