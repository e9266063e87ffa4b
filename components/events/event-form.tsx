"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import type { ActionResult } from "@/lib/schemas/results";

type EventFormAction = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

/** A form for one change to an event: its fields, a submit button, and the server's refusal in words beside it. */
export function EventForm({
  action,
  label,
  submit,
  pendingLabel,
  variant = "secondary",
  id,
  children,
}: {
  /** For fields elsewhere on the page that belong to this form (form="id"). */
  id?: string;
  action: EventFormAction;
  label: string;
  submit: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form id={id} action={formAction} aria-label={label} className="flex flex-wrap items-end gap-2">
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : submit}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
    </form>
  );
}
