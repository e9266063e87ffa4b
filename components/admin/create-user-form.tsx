"use client";

import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Alert, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/schemas/results";

type CreateUser = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

export function CreateUserForm({ action, roles }: { action: CreateUser; roles: readonly string[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} aria-label="Create user" className="grid gap-3 rounded-lg border border-neutral-200 bg-white p-4 sm:grid-cols-2">
      <h2 className="text-base font-semibold sm:col-span-2">Create a user</h2>
      <TextField label="Name" id="new-name" name="name" required maxLength={120} />
      <TextField label="Email" id="new-email" name="email" type="email" required />
      <SelectField label="Role" id="new-role" name="role" options={roles} defaultValue="WRITER" />
      <TextField label="Initial password" id="new-password" name="password" type="password" required minLength={10} autoComplete="new-password" />
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create user"}
        </Button>
        {state ? <Alert tone={state.ok ? "success" : "error"}>{state.ok ? state.message : state.error}</Alert> : null}
      </div>
    </form>
  );
}
