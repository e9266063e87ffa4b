"use client";

import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { TextActionForm } from "./text-action-form";

interface Props {
  headline: string;
  publicPath: string;
  busy: boolean;
  /** Why the last attempt failed, shown in the dialog (the page behind it is out of reach). */
  error: string | null;
  /** Resolves true when the story was unpublished. */
  onUnpublish: (reason: string) => Promise<boolean>;
}

/**
 * Unpublishing takes the story away from readers at once, so it asks first: a confirmation that
 * says what happens, with the reason the audit log keeps (required).
 */
export function UnpublishDialog({ headline, publicPath, busy, error, onUnpublish }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = () => dialog.current?.close();
  return (
    <div className="space-y-1">
      <Button type="button" variant="danger" onClick={() => dialog.current?.showModal()}>
        Unpublish…
      </Button>
      <p className="text-sm text-neutral-600">Takes the story off the public site. Not for fixing a mistake: use a correction for that.</p>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-full max-w-lg rounded-lg border border-neutral-200 p-5 shadow-xl backdrop:bg-neutral-900/40">
        <h2 id={titleId} className="text-lg font-semibold">
          Unpublish “{headline}”?
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-neutral-700">
          <li>
            Readers will no longer find it at <span className="font-mono">{publicPath}</span>; the feed and the published API drop it.
          </li>
          <li>The published revision stays in the records, unchanged, and the reason goes to the audit log.</li>
          <li>To bring the story back, start a new revision and take it through review again.</li>
        </ul>
        <div className="mt-4 space-y-2">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <TextActionForm
            label="Reason for unpublishing"
            busy={busy}
            submitLabel="Unpublish"
            variant="danger"
            onSubmit={async (reason) => {
              const done = await onUnpublish(reason);
              if (done) close();
              return done;
            }}
            extra={
              <Button type="button" variant="secondary" onClick={close}>
                Cancel
              </Button>
            }
          />
        </div>
      </dialog>
    </div>
  );
}
