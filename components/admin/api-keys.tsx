"use client";

import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert, TextField } from "@/components/ui/field";
import { Cell, Table } from "@/components/ui/table";
import { formatUtc } from "@/lib/domain/dates";
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

const COLUMNS = [{ label: "Name" }, { label: "Key" }, { label: "Created" }, { label: "Last used" }, { label: "Status" }];

const day = (iso: string | null) => (iso ? formatUtc(iso) : "—");

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
      <Table label="API keys" columns={COLUMNS}>
        {keys.length === 0 ? (
          <tr>
            <td colSpan={5} className="px-3 py-4 text-center text-neutral-500">
              No API keys yet.
            </td>
          </tr>
        ) : null}
        {keys.map((key) => (
          <tr key={key.id} className={key.revokedAt ? "text-neutral-400" : ""}>
            <Cell className="font-medium">{key.name}</Cell>
            <Cell className="font-mono text-xs">{key.prefix}…</Cell>
            <Cell className="text-xs">
              {day(key.createdAt)} by {key.createdBy}
            </Cell>
            <Cell className="text-xs">{day(key.lastUsedAt)}</Cell>
            <Cell>
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
            </Cell>
          </tr>
        ))}
      </Table>
    </div>
  );
}
