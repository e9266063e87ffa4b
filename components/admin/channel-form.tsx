"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionOutcome, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/schemas/results";

export type CreateChannel = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

const KINDS = ["RSS or Atom feed", "Drop folder"] as const;

/** Adds a channel: a feed's address or a folder on the worker's machine, and how often to look. */
export function ChannelForm({ create }: { create: CreateChannel }) {
  const [state, formAction, pending] = useActionState(create, null);
  const [kind, setKind] = useState<(typeof KINDS)[number]>(KINDS[0]);
  const feed = kind === KINDS[0];
  return (
    <form action={formAction} aria-label="Add channel" className="grid gap-3 rounded-lg border border-neutral-200 bg-white p-4 md:grid-cols-6 md:items-end">
      <div className="md:col-span-1">
        <SelectField label="Kind" id="channel-kind" name="kind" options={KINDS} value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])} />
      </div>
      <div className="md:col-span-2">
        {feed ? (
          <TextField label="Feed address" id="channel-url" name="url" type="url" required placeholder="https://…/rss.xml" />
        ) : (
          <TextField label="Folder path on the worker" id="channel-path" name="path" required placeholder="/var/factdesk/drop/afp" />
        )}
      </div>
      <TextField label="Check every (minutes)" id="channel-minutes" name="minutes" type="number" min={1} max={1440} step={1} defaultValue={5} required />
      <TextField label="Agency (optional)" id="channel-agency" name="agency" maxLength={80} placeholder="e.g. Reuters" />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add channel"}
      </Button>
      <ActionOutcome state={state} className="md:col-span-6" />
    </form>
  );
}
