"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { BORDERED } from "@/components/ui/control";
import { readError } from "@/lib/client/read-error";

interface Props {
  storyId: string;
  revisionId: string;
  contentVersion: number;
  transitions: string[];
  canPublish: boolean;
}

const button = "rounded bg-neutral-900 px-3 py-1.5 text-white disabled:cursor-not-allowed disabled:opacity-50";

/** The buttons for the transitions the signed-in user may take now. */
export function ReviewActions({ storyId, revisionId, contentVersion, transitions, canPublish }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState("");
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
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
        <p className="text-sm text-neutral-600">Nothing for you to do on this revision now.</p>
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
        <TextActionForm label="Summary" value={summary} onChange={setSummary} busy={busy} submitLabel="Request changes" onSubmit={(text) => void review("requestChanges", { summary: text })} />
      )}
      {has("correct") && (
        <TextActionForm
          label="Correction note"
          value={note}
          onChange={setNote}
          busy={busy}
          submitLabel="Publish a correction"
          onSubmit={(text) => void post(`${base}/revisions/${revisionId}/start`, { transition: "correct", note: text })}
        />
      )}
      {has("unpublish") && (
        <TextActionForm label="Reason" value={reason} onChange={setReason} busy={busy} submitLabel="Unpublish" onSubmit={(text) => void post(`${base}/unpublish`, { reason: text })} />
      )}
    </section>
  );
}

interface TextActionFormProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  busy: boolean;
  submitLabel: string;
  /** Called with the trimmed text, never empty. */
  onSubmit: (text: string) => void;
}

/** An action that needs a text (a summary, a correction note, a reason): a required textarea and its button. */
function TextActionForm({ label, value, onChange, busy, submitLabel, onSubmit }: TextActionFormProps) {
  const id = useId();
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onSubmit(value.trim());
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea id={id} required value={value} onChange={(e) => onChange(e.target.value)} className={`w-full ${BORDERED} p-2`} rows={3} />
      <button type="submit" className={button} disabled={busy || !value.trim()}>
        {submitLabel}
      </button>
    </form>
  );
}
