"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/schemas/results";

/**
 * Runs a row's server action (pause, remove, resend…) in a transition: `busy` while it runs, and
 * `outcome` what it answered, for an ActionOutcome above the list.
 */
export function useRowActions() {
  const [busy, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<ActionResult<null> | null>(null);
  const run = (change: () => Promise<ActionResult<null>>) =>
    startTransition(async () => {
      setOutcome(await change());
    });
  return { busy, outcome, run };
}

/** Pause / Resume and a confirmed removal, named for screen readers by the thing they act on. */
export function PauseAndRemove({
  name,
  paused,
  busy,
  removeLabel,
  confirmRemoval,
  onToggle,
  onRemove,
}: {
  name: string;
  paused: boolean;
  busy: boolean;
  removeLabel: string;
  /** The question the admin confirms before the removal. */
  confirmRemoval: string;
  onToggle: () => void;
  onRemove: () => void;
}) {
  return (
    <div className="flex gap-2">
      <Button variant="secondary" disabled={busy} onClick={onToggle}>
        {paused ? "Resume" : "Pause"}
        <span className="sr-only"> {name}</span>
      </Button>
      <Button
        variant="danger"
        disabled={busy}
        onClick={() => {
          if (window.confirm(confirmRemoval)) onRemove();
        }}
      >
        {removeLabel}
        <span className="sr-only"> {name}</span>
      </Button>
    </div>
  );
}
