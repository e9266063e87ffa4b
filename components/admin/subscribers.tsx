"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ActionOutcome, TextField } from "@/components/ui/field";
import { Cell, Table } from "@/components/ui/table";
import { formatUtc } from "@/lib/domain/dates";
import { DELIVERY_EVENTS, DELIVERY_FORMATS, EVENT_LABELS, FORMAT_LABELS, MIN_SECRET_LENGTH } from "@/lib/domain/subscribers";
import type { ActionResult } from "@/lib/schemas/results";
import type { TSubscriberStatus } from "@/lib/schemas/subscribers";
import { PauseAndRemove, useRowActions } from "./row-actions";

export interface SubscriberActions {
  create: (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
  setActive: (id: string, active: boolean) => Promise<ActionResult<null>>;
  remove: (id: string) => Promise<ActionResult<null>>;
  resend: (deliveryId: string) => Promise<ActionResult<null>>;
}

const DELIVERY_COLUMNS = [{ label: "Queued" }, { label: "Story" }, { label: "Event" }, { label: "Format" }, { label: "Status" }, { label: "Attempts" }, { label: "" }];

const STATUS_WORDS: Record<TSubscriberStatus["deliveries"][number]["status"], string> = {
  QUEUED: "Waiting for the worker",
  SENDING: "Sending (retried with backoff after a failure)",
  DELIVERED: "Delivered",
  FAILED: "Failed: every attempt failed",
};

function attemptWords({ statusCode, error }: { statusCode: number | null; error: string | null }): string {
  if (statusCode !== null) return error ? `${statusCode}` : `${statusCode} OK`;
  return error ?? "no answer";
}

function Checkboxes({ legend, name, options, labels }: { legend: string; name: string; options: readonly string[]; labels: Record<string, string> }) {
  return (
    <fieldset className="text-sm">
      <legend className="font-medium text-neutral-800">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-3">
        {options.map((option) => (
          <label key={option} className="flex items-center gap-1">
            <input type="checkbox" name={name} value={option} defaultChecked />
            {labels[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Adds a subscriber: where to send, the secret that signs, which formats and which events. */
function SubscriberForm({ create }: { create: SubscriberActions["create"] }) {
  const [state, formAction, pending] = useActionState(create, null);
  return (
    <form action={formAction} aria-label="Add subscriber" className="grid gap-3 rounded-lg border border-neutral-200 bg-white p-4 md:grid-cols-3 md:items-end">
      <TextField label="Name" id="subscriber-name" name="name" required maxLength={120} placeholder="e.g. Partner site" />
      <TextField label="Address (https://)" id="subscriber-url" name="url" type="url" required placeholder="https://partner.example/factdesk" />
      <TextField label={`Secret (at least ${MIN_SECRET_LENGTH} characters)`} id="subscriber-secret" name="secret" type="password" required minLength={MIN_SECRET_LENGTH} autoComplete="off" />
      <Checkboxes legend="Formats" name="formats" options={DELIVERY_FORMATS} labels={FORMAT_LABELS} />
      <Checkboxes legend="Events" name="events" options={DELIVERY_EVENTS} labels={EVENT_LABELS} />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add subscriber"}
      </Button>
      <ActionOutcome state={state} className="md:col-span-3" />
    </form>
  );
}

/** The subscribers, each with its delivery log (status codes of every attempt) and "Send again". */
export function Subscribers({ subscribers, actions }: { subscribers: TSubscriberStatus[]; actions: SubscriberActions }) {
  const { busy, outcome, run } = useRowActions();
  return (
    <div className="space-y-4">
      <SubscriberForm create={actions.create} />
      <ActionOutcome state={outcome} />
      {subscribers.length === 0 ? <p className="text-sm text-neutral-600">No subscribers yet: published stories are only read, not sent.</p> : null}
      {subscribers.map((subscriber) => (
        <section key={subscriber.id} aria-label={`Subscriber ${subscriber.name}`} className="rounded-lg border border-neutral-200 bg-white p-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h3 className="font-medium">
                {subscriber.name} {subscriber.active ? null : <span className="text-sm font-normal text-neutral-600">(paused)</span>}
              </h3>
              <p className="text-xs text-neutral-600">
                {subscriber.url} · {subscriber.formats.join(", ")} · on {subscriber.events.join(", ")}
              </p>
            </div>
            <PauseAndRemove
              name={subscriber.name}
              paused={!subscriber.active}
              busy={busy}
              removeLabel="Remove"
              confirmRemoval={`Remove the subscriber “${subscriber.name}” and its delivery log?`}
              onToggle={() => run(() => actions.setActive(subscriber.id, !subscriber.active))}
              onRemove={() => run(() => actions.remove(subscriber.id))}
            />
          </div>
          <div className="mt-3">
            <Table label={`Deliveries to ${subscriber.name}`} columns={DELIVERY_COLUMNS}>
              {subscriber.deliveries.length === 0 ? (
                <tr>
                  <td colSpan={DELIVERY_COLUMNS.length} className="px-3 py-3 text-center text-sm text-neutral-600">
                    Nothing sent yet.
                  </td>
                </tr>
              ) : null}
              {subscriber.deliveries.map((delivery) => (
                <tr key={delivery.id} data-testid="delivery">
                  <Cell className="text-xs">{formatUtc(delivery.createdAt)}</Cell>
                  <Cell className="max-w-xs truncate">{delivery.storyHeadline}</Cell>
                  <Cell>{delivery.event}</Cell>
                  <Cell>{delivery.format}</Cell>
                  <Cell className={delivery.status === "FAILED" ? "text-red-700" : delivery.status === "DELIVERED" ? "text-green-800" : "text-neutral-700"}>{STATUS_WORDS[delivery.status]}</Cell>
                  <Cell className="text-xs">
                    {delivery.attempts.length ? (
                      <ol>
                        {delivery.attempts.map((attempt) => (
                          <li key={attempt.at}>
                            {formatUtc(attempt.at)}: {attemptWords(attempt)}
                          </li>
                        ))}
                      </ol>
                    ) : (
                      "—"
                    )}
                  </Cell>
                  <Cell>
                    <Button variant="secondary" disabled={busy} onClick={() => run(() => actions.resend(delivery.id))}>
                      Send again
                    </Button>
                  </Cell>
                </tr>
              ))}
            </Table>
          </div>
        </section>
      ))}
    </div>
  );
}
