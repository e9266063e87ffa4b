"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { BORDERED } from "@/components/ui/control";
import { Alert } from "@/components/ui/field";
import type { ActionResult } from "@/lib/schemas/results";

type CreateStory = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

export function CreateStoryForm({ action, wireIds }: { action: CreateStory; wireIds: string[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} aria-label="Create consolidated story" className="mt-6 flex flex-wrap items-center gap-3">
      {wireIds.map((id) => (
        <input key={id} type="hidden" name="wire" value={id} />
      ))}
      <Button type="submit" disabled={pending || wireIds.length === 0}>
        {pending ? "Consolidating…" : "Create consolidated story"}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
    </form>
  );
}

/** The other way to use chosen wire stories: add them to a story already in progress, whose workspace then proposes what they bring. */
export function AddToStoryForm({ action, wireIds, stories }: { action: CreateStory; wireIds: string[]; stories: { id: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const selectId = useId();
  return (
    <form action={formAction} aria-label="Add to a story in progress" className="mt-3 flex flex-wrap items-end gap-3">
      {wireIds.map((id) => (
        <input key={id} type="hidden" name="wire" value={id} />
      ))}
      <div>
        <label htmlFor={selectId} className="block text-sm font-medium text-neutral-800">
          Story
        </label>
        <select id={selectId} name="story" required defaultValue="" className={`mt-1 block w-96 max-w-full ${BORDERED} px-3 py-2 text-sm`}>
          <option value="" disabled>
            Choose a story…
          </option>
          {stories.map((story) => (
            <option key={story.id} value={story.id}>
              {story.label}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={pending || wireIds.length === 0}>
        {pending ? "Adding…" : "Add to story"}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
    </form>
  );
}
