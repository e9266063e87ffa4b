"use client";

import { useState, useTransition } from "react";
import { SMALL_BUTTON } from "@/components/ui/control";
import type { ActionResult } from "@/lib/schemas/results";

export function RestoreButton({
  wireStoryId,
  start,
  restored,
  reason,
  action,
}: {
  wireStoryId: string;
  start: number;
  restored: boolean;
  reason: string;
  action: (wireStoryId: string, start: number, restored: boolean) => Promise<ActionResult<null>>;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await action(wireStoryId, start, !restored);
            setError(result.ok ? null : result.error);
          })
        }
        className={`ml-1 font-medium ${SMALL_BUTTON}`}
        aria-label={`${restored ? "Remove again" : "Restore"} ${reason} at ${start}`}
      >
        {restored ? "Remove again" : "Restore"}
      </button>
      {error ? (
        <span role="alert" className="ml-1 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}
