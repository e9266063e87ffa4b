"use client";

/**
 * The review, seen from the story workspace's header: the state in words, "Submit for review"
 * (or why this user may not), "Open review" once the story is in review, and, while changes are
 * requested, the reviewer's summary and the blocking comments still open. What this user may do
 * comes from the server (GET …/review/status), decided by the same workflow the actions go through.
 */
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { StateBadge } from "@/components/review/state-badge";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { readError } from "@/lib/client/read-error";
import type { TReviewStatus } from "@/lib/schemas/review";
import { hasUnsavedWork, type StoryStore } from "./story-store";
import { shallowEqual, useStoryState } from "./use-story-state";

const SUBMIT_LABELS = { submit: "Submit for review", resubmit: "Resubmit for review" } as const;

/** The review status, or null when it could not be had (offline: the header keeps what it showed). */
async function fetchStatus(url: string): Promise<TReviewStatus | null> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    return response.ok ? ((await response.json()) as TReviewStatus) : null;
  } catch {
    return null;
  }
}

export function ReviewStatus({ store }: { store: StoryStore }) {
  const view = useStoryState(
    store,
    (snapshot) => ({
      storyId: snapshot.data.story.id,
      revisionId: snapshot.data.revision.id,
      state: snapshot.data.revision.state,
      unsaved: hasUnsavedWork(snapshot),
    }),
    shallowEqual,
  );
  const [status, setStatus] = useState<TReviewStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const statusUrl = `/api/v1/stories/${encodeURIComponent(view.storyId)}/review/status`;

  // Again whenever the revision or its state changes, by this user or by someone else (live feed).
  useEffect(() => {
    let current = true;
    void fetchStatus(statusUrl).then((fetched) => {
      if (current && fetched) setStatus(fetched);
    });
    return () => {
      current = false;
    };
  }, [statusUrl, view.revisionId, view.state]);

  async function submit(transition: "submit" | "resubmit") {
    setBusy(true);
    setError(null);
    try {
      const { contentVersion } = store.getSnapshot().data.revision;
      const response = await fetch(`/api/v1/stories/${encodeURIComponent(view.storyId)}/revisions/${encodeURIComponent(view.revisionId)}/review`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ transition, contentVersion }),
      });
      if (!response.ok) setError(await readError(response, (code) => `Submitting failed (${code}).`));
      await store.refresh();
      const fetched = await fetchStatus(statusUrl);
      if (fetched) setStatus(fetched);
    } catch {
      setError("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  const current = status?.revisionId === view.revisionId ? status : null;
  const submitChoice = current?.submit ?? null;
  const reviewHref = `/stories/${view.storyId}/review`;
  return (
    <div role="region" aria-label="Review status" className="mt-2 space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <span className="text-neutral-600">
          State: <StateBadge state={current?.state ?? view.state} />
        </span>
        {submitChoice ? (
          <>
            <Button
              type="button"
              variant={submitChoice.allowed ? "primary" : "secondary"}
              disabled={!submitChoice.allowed || busy || view.unsaved}
              aria-describedby={submitChoice.allowed ? undefined : reasonId}
              onClick={() => void submit(submitChoice.transition === "resubmit" ? "resubmit" : "submit")}
            >
              {submitChoice.transition === "resubmit" ? SUBMIT_LABELS.resubmit : SUBMIT_LABELS.submit}
            </Button>
            {submitChoice.allowed ? (
              view.unsaved ? <span className="text-neutral-600">Saving first…</span> : null
            ) : (
              <span id={reasonId} className="text-neutral-600">
                {submitChoice.reason}
              </span>
            )}
          </>
        ) : null}
        {current?.inReviewFlow ? (
          <Link href={reviewHref} className="font-medium text-blue-700 underline">
            Open review
          </Link>
        ) : null}
        {current?.publication ? (
          <Link href={current.publication.publicPath} className="text-blue-700 underline">
            View public page
          </Link>
        ) : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {current && current.sourceNotices.length > 0 ? (
        <Alert tone="error">
          <span className="font-medium">The published story cites withdrawn wire versions: </span>
          {current.sourceNotices.join(" ")} Fix the facts in a new revision and publish it as a correction.
        </Alert>
      ) : null}
      {current && (current.changesRequested || current.openBlockingComments.length > 0) ? <ChangesRequested status={current} reviewHref={reviewHref} /> : null}
    </div>
  );
}

/** What the reviewer asked for: their summary and the blocking comments still open. */
function ChangesRequested({ status, reviewHref }: { status: TReviewStatus; reviewHref: string }) {
  const { changesRequested, openBlockingComments } = status;
  return (
    <div role="note" aria-label="Changes requested" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {changesRequested ? (
        <p>
          <span className="font-semibold">{changesRequested.reviewerName} requested changes</span>
          {changesRequested.summary ? <>: “{changesRequested.summary}”</> : "."}
        </p>
      ) : null}
      {openBlockingComments.length > 0 ? (
        <>
          <p className="mt-1 font-medium">
            {openBlockingComments.length === 1 ? "1 blocking comment is" : `${openBlockingComments.length} blocking comments are`} still open (they hold
            publication):
          </p>
          <ul aria-label="Open blocking comments" className="mt-1 list-disc space-y-0.5 pl-5">
            {openBlockingComments.map((comment) => (
              <li key={comment.id}>
                {comment.factNumber !== null ? <span className="font-medium">Fact {comment.factNumber} · </span> : null}
                {comment.authorName}: {comment.body}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="mt-1">
        <Link href={reviewHref} className="font-medium text-blue-800 underline">
          Answer in the review
        </Link>
      </p>
    </div>
  );
}
