"use client";

import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/schemas/results";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type CreateKey = (previous: ActionResult<{ key: string; name: string }> | null, form: FormData) => Promise<ActionResult<{ key: string; name: string }>>;

const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "—");

export function ApiKeys({ keys, create, revoke }: { keys: ApiKeyRow[]; create: CreateKey; revoke: (id: string) => Promise<ActionResult<null>> }) {
  const [state, formAction, pending] = useActionState(create, null);
  const [revoking, startRevoke] = useTransition();
  const [revokeError, setRevokeError] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <form action={formAction} aria-label="Create API key" className="flex flex-wrap items-end gap-3 rounded-lg border border-neutral-200 bg-white p-4">
        <div className="w-72">
          <TextField label="Key name" id="key-name" name="name" required maxLength={100} placeholder="e.g. AP feed" />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create API key"}
        </Button>
        {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
        {state?.ok ? (
          <div role="status" className="w-full rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
            <p className="font-medium">Key “{state.data.name}” created. Copy it now: it is shown only once.</p>
            <code data-testid="new-api-key" className="mt-1 block break-all select-all">
              {state.data.key}
            </code>
          </div>
        ) : null}
      </form>
      {revokeError ? <Alert tone="error">{revokeError}</Alert> : null}
      <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
        <table className="min-w-full text-left text-sm" aria-label="API keys">
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase text-neutral-500">
            <tr>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Key</th>
              <th scope="col" className="px-3 py-2">Created</th>
              <th scope="col" className="px-3 py-2">Last used</th>
              <th scope="col" className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {keys.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-center text-neutral-500">
                  No API keys yet.
                </td>
              </tr>
            ) : null}
            {keys.map((key) => (
              <tr key={key.id} className={key.revokedAt ? "text-neutral-400" : ""}>
                <td className="px-3 py-2 font-medium">{key.name}</td>
                <td className="px-3 py-2 font-mono text-xs">{key.prefix}…</td>
                <td className="px-3 py-2 text-xs">
                  {day(key.createdAt)} by {key.createdBy}
                </td>
                <td className="px-3 py-2 text-xs">{day(key.lastUsedAt)}</td>
                <td className="px-3 py-2">
                  {key.revokedAt ? (
                    `Revoked ${day(key.revokedAt)}`
                  ) : (
                    <Button
                      variant="danger"
                      disabled={revoking}
                      aria-label={`Revoke ${key.name}`}
                      onClick={() =>
                        startRevoke(async () => {
                          const result = await revoke(key.id);
                          setRevokeError(result.ok ? null : result.error);
                        })
                      }
                    >
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
