"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import type { ActionResult } from "@/lib/server/actions";

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
