"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/schemas/results";

export interface DeleteWireProps {
  wireStoryId: string;
  title: string;
  /** Stories built from or citing this wire: while there are any, it cannot be deleted. */
  usedBy: { id: string; headline: string }[];
  /** Why this person may not delete wire stories at all (the policy's reason), or null when they may. */
  deniedReason: string | null;
  action: (wireStoryId: string) => Promise<ActionResult<null>>;
}

/**
 * Delete, with a confirmation. When it cannot be done the button stays, disabled, with the reason
 * beside it: the stories that use the wire (each a link), or who may delete wire stories.
 */
export function DeleteWireButton({ wireStoryId, title, usedBy, deniedReason, action }: DeleteWireProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const reasonId = `delete-reason-${wireStoryId}`;
  const blocked = deniedReason !== null || usedBy.length > 0;

  function remove() {
    startTransition(async () => {
      const result = await action(wireStoryId);
      if (!result.ok) {
        setError(result.error);
        setConfirming(false);
        return;
      }
      router.push("/wires");
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {confirming ? (
        <div role="group" aria-label="Confirm deletion" className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2">
          <span>Delete “{title}” for everyone? This cannot be undone.</span>
          <Button variant="danger" onClick={remove} disabled={pending}>
            {pending ? "Deleting…" : "Yes, delete"}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button variant="danger" onClick={() => setConfirming(true)} disabled={blocked} aria-describedby={blocked ? reasonId : undefined}>
          Delete wire story
        </Button>
      )}
      {blocked ? (
        <span id={reasonId} className="text-neutral-600">
          {deniedReason ?? (
            <>
              Can’t be deleted: {usedBy.length === 1 ? "the story" : "the stories"}{" "}
              {usedBy.map((story, index) => (
                <span key={story.id}>
                  {index > 0 ? ", " : ""}
                  <Link href={`/stories/${story.id}`} className="text-blue-700 underline">
                    {story.headline}
                  </Link>
                </span>
              ))}{" "}
              {usedBy.length === 1 ? "uses" : "use"} it as a source.
            </>
          )}
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
