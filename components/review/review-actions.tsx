"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { readError } from "@/lib/client/read-error";

interface Props {
  storyId: string;
  revisionId: string;
  contentVersion: number;
  transitions: string[];
  canPublish: boolean;
}

const button = "rounded bg-gray-900 px-3 py-1.5 text-white disabled:cursor-not-allowed disabled:opacity-50";

/** The buttons for the transitions the signed-in user may take now. */
export function ReviewActions({ storyId, revisionId, contentVersion, transitions, canPublish }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState("");
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const summaryId = useId();
  const noteId = useId();
  const reasonId = useId();
  const has = (t: string) => transitions.includes(t);
  const base = `/api/v1/stories/${storyId}`;

  async function post(url: string, body: unknown) {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (!response.ok) {
        setError(await readError(response, (status) => `The action failed (${status}).`));
        return;
      }
      setSummary("");
      setNote("");
      setReason("");
      router.refresh();
    } catch {
      setError("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  const review = (transition: string, extra?: { summary: string }) =>
    post(`${base}/revisions/${revisionId}/review`, { transition, contentVersion, ...extra });

  if (transitions.length === 0) {
    return (
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading" className="text-lg font-semibold">
          Actions
        </h2>
        <p className="text-sm text-gray-600">Nothing for you to do on this revision now.</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="actions-heading" className="space-y-3">
      <h2 id="actions-heading" className="text-lg font-semibold">
        Actions
      </h2>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {has("submit") && (
          <button type="button" className={button} disabled={busy} onClick={() => void review("submit")}>
            Submit for review
          </button>
        )}
        {has("resubmit") && (
          <button type="button" className={button} disabled={busy} onClick={() => void review("resubmit")}>
            Resubmit
          </button>
        )}
        {has("approve") && (
          <button type="button" className={button} disabled={busy} onClick={() => void review("approve")}>
            Approve
          </button>
        )}
        {has("publish") && (
          <button
            type="button"
            className={button}
            disabled={busy || !canPublish}
            aria-describedby={canPublish ? undefined : "checklist-heading"}
            onClick={() => void post(`${base}/revisions/${revisionId}/publish`, { contentVersion })}
          >
            Publish
          </button>
        )}
        {has("startRevision") && (
          <button type="button" className={button} disabled={busy} onClick={() => void post(`${base}/revisions/${revisionId}/start`, { transition: "startRevision" })}>
            Start new revision
          </button>
        )}
      </div>
      {has("requestChanges") && (
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (summary.trim()) void review("requestChanges", { summary: summary.trim() });
          }}
        >
          <label htmlFor={summaryId} className="block text-sm font-medium">
            Summary
          </label>
          <textarea id={summaryId} required value={summary} onChange={(e) => setSummary(e.target.value)} className="w-full rounded border p-2" rows={3} />
          <button type="submit" className={button} disabled={busy || !summary.trim()}>
            Request changes
          </button>
        </form>
      )}
      {has("correct") && (
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) void post(`${base}/revisions/${revisionId}/start`, { transition: "correct", note: note.trim() });
          }}
        >
          <label htmlFor={noteId} className="block text-sm font-medium">
            Correction note
          </label>
          <textarea id={noteId} required value={note} onChange={(e) => setNote(e.target.value)} className="w-full rounded border p-2" rows={3} />
          <button type="submit" className={button} disabled={busy || !note.trim()}>
            Publish a correction
          </button>
        </form>
      )}
      {has("unpublish") && (
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) void post(`${base}/unpublish`, { reason: reason.trim() });
          }}
        >
          <label htmlFor={reasonId} className="block text-sm font-medium">
            Reason
          </label>
          <textarea id={reasonId} required value={reason} onChange={(e) => setReason(e.target.value)} className="w-full rounded border p-2" rows={3} />
          <button type="submit" className={button} disabled={busy || !reason.trim()}>
            Unpublish
          </button>
        </form>
      )}
    </section>
  );
}
