"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { readError } from "@/lib/client/read-error";
import type { TransitionChoice, TransitionName } from "@/lib/domain/workflow";
import { ActionGroup, UnavailableAction } from "./action-choice";
import { TextActionForm } from "./text-action-form";
import { UnpublishDialog } from "./unpublish-dialog";

interface Props {
  storyId: string;
  revisionId: string;
  contentVersion: number;
  headline: string;
  /** The public page of the story, `/p/<slug>`. */
  publicPath: string;
  /** What this stage offers, each allowed or with the reason it is not (see transitionChoices). */
  choices: TransitionChoice[];
}

/** Said after an action went through, until the next one. */
type Outcome = { kind: "published" } | { kind: "unpublished" } | { kind: "correction"; number: number } | null;

const BUTTON_LABELS: Partial<Record<TransitionName, string>> = {
  submit: "Submit for review",
  resubmit: "Resubmit for review",
  approve: "Approve",
  requestChanges: "Request changes",
  publish: "Publish",
  startRevision: "Start new revision",
  correct: "Publish a correction",
  unpublish: "Unpublish…",
};

const REVIEW: readonly TransitionName[] = ["submit", "resubmit", "approve", "requestChanges"];
const PUBLICATION: readonly TransitionName[] = ["publish", "startRevision", "correct", "unpublish"];

/** What the signed-in user may do on this revision now, and, for what they may not, why. */
export function ReviewActions({ storyId, revisionId, contentVersion, headline, publicPath, choices }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const base = `/api/v1/stories/${storyId}`;

  /** Posts an action; true when it went through (the page is then refreshed). */
  async function post(url: string, body: unknown, then?: (result: unknown) => Outcome): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (!response.ok) {
        setError(await readError(response, (status) => `The action failed (${status}).`));
        return false;
      }
      setOutcome(then ? then(await response.json().catch(() => null)) : null);
      router.refresh();
      return true;
    } catch {
      setError("The server could not be reached.");
      return false;
    } finally {
      setBusy(false);
    }
  }

  const review = (transition: TransitionName, summary?: string) => post(`${base}/revisions/${revisionId}/review`, { transition, contentVersion, ...(summary ? { summary } : {}) });

  function render(choice: TransitionChoice) {
    const label = BUTTON_LABELS[choice.transition] ?? choice.transition;
    if (!choice.allowed) return <UnavailableAction key={choice.transition} label={label} reason={choice.reason ?? "Not available now."} />;
    switch (choice.transition) {
      case "requestChanges":
        return (
          <TextActionForm key="requestChanges" label="Summary" hint="What has to change; the writer sees it in the story." busy={busy} submitLabel={label} variant="secondary" onSubmit={(text) => review("requestChanges", text)} />
        );
      case "publish":
        return (
          <Button key="publish" type="button" disabled={busy} onClick={() => void post(`${base}/revisions/${revisionId}/publish`, { contentVersion }, () => ({ kind: "published" }))}>
            {label}
          </Button>
        );
      case "startRevision":
        return (
          <Button key="startRevision" type="button" variant="secondary" disabled={busy} onClick={() => void post(`${base}/revisions/${revisionId}/start`, { transition: "startRevision" })}>
            {label}
          </Button>
        );
      case "correct":
        return (
          <TextActionForm
            key="correct"
            label="Correction note"
            hint="Readers see this note with the corrected story. The correction is a new revision: it goes through review, and the story stays online as it is until the correction is published."
            busy={busy}
            submitLabel={label}
            variant="secondary"
            onSubmit={(note) => post(`${base}/revisions/${revisionId}/start`, { transition: "correct", note }, (result) => ({ kind: "correction", number: (result as { number?: number } | null)?.number ?? 0 }))}
          />
        );
      case "unpublish":
        return (
          <UnpublishDialog key="unpublish" headline={headline} publicPath={publicPath} busy={busy} error={error} onUnpublish={(reason) => post(`${base}/unpublish`, { reason }, () => ({ kind: "unpublished" }))} />
        );
      default:
        return (
          <Button key={choice.transition} type="button" disabled={busy} onClick={() => void review(choice.transition)}>
            {label}
          </Button>
        );
    }
  }

  const inGroup = (group: readonly TransitionName[]) => choices.filter((choice) => group.includes(choice.transition));
  const reviewChoices = inGroup(REVIEW);
  const publicationChoices = inGroup(PUBLICATION);
  return (
    <section aria-labelledby="actions-heading" className="space-y-3">
      <h2 id="actions-heading" className="text-lg font-semibold">
        Actions
      </h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {outcome ? <OutcomeNotice outcome={outcome} publicPath={publicPath} storyId={storyId} /> : null}
      {choices.length === 0 ? <p className="text-sm text-neutral-600">Nothing can be done on this revision any more.</p> : null}
      {reviewChoices.length > 0 ? <ActionGroup title="Review">{reviewChoices.map(render)}</ActionGroup> : null}
      {publicationChoices.length > 0 ? <ActionGroup title="Publication">{publicationChoices.map(render)}</ActionGroup> : null}
    </section>
  );
}

function OutcomeNotice({ outcome, publicPath, storyId }: { outcome: NonNullable<Outcome>; publicPath: string; storyId: string }) {
  if (outcome.kind === "published") {
    return (
      <Alert tone="success">
        Published. Readers can read it now at{" "}
        <Link href={publicPath} className="font-medium underline">
          {publicPath}
        </Link>
        .
      </Alert>
    );
  }
  if (outcome.kind === "unpublished") return <Alert tone="success">Unpublished. Readers no longer see the story; the reason is in the audit log.</Alert>;
  return (
    <Alert tone="success">
      Correction started as revision {outcome.number}.{" "}
      <Link href={`/stories/${storyId}`} className="font-medium underline">
        Edit it in the story
      </Link>
      , then submit it for review. The published version stays online meanwhile.
    </Alert>
  );
}
