"use client";

import { ActionOutcome } from "@/components/ui/field";
import { CONTROL } from "@/components/ui/control";
import { Cell, Table } from "@/components/ui/table";
import { formatUtc } from "@/lib/domain/dates";
import type { TChannelStatus } from "@/lib/schemas/channels";
import type { ActionResult } from "@/lib/schemas/results";
import { ChannelForm, type CreateChannel } from "./channel-form";
import { PauseAndRemove, useRowActions } from "./row-actions";

export interface ChannelActions {
  create: CreateChannel;
  update: (id: string, input: { version: number; paused?: boolean; intervalSeconds?: number }) => Promise<ActionResult<null>>;
  remove: (id: string) => Promise<ActionResult<null>>;
}

const COLUMNS = [{ label: "Channel" }, { label: "Every" }, { label: "Status" }, { label: "Imported" }, { label: "Next run" }, { label: "Actions" }];

const when = (iso: string | null) => (iso ? formatUtc(iso) : "—");

function every(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function status(channel: TChannelStatus): { text: string; tone: "ok" | "error" | "idle" } {
  if (channel.paused) return { text: "Paused", tone: "idle" };
  if (channel.lastError) return { text: channel.lastError, tone: "error" };
  if (channel.lastSuccessAt) return { text: `OK, last ${when(channel.lastSuccessAt)}`, tone: "ok" };
  return { text: "Not run yet", tone: "idle" };
}

/** The ingest channels with their state, and the admin's controls: add, pause or resume, change the interval, delete. */
export function Channels({ channels, actions }: { channels: TChannelStatus[]; actions: ChannelActions }) {
  const { busy, outcome, run } = useRowActions();
  return (
    <div className="space-y-4">
      <ChannelForm create={actions.create} />
      <ActionOutcome state={outcome} />
      <Table label="Channels" columns={COLUMNS}>
        {channels.length === 0 ? (
          <tr>
            <td colSpan={COLUMNS.length} className="px-3 py-4 text-center text-neutral-500">
              No channels yet: wires arrive only when someone sends them.
            </td>
          </tr>
        ) : null}
        {channels.map((channel) => {
          const state = status(channel);
          return (
            <tr key={channel.id} data-testid={`channel-${channel.id}`}>
              <Cell>
                <span className="font-medium">{channel.name}</span>
                <span className="block max-w-xs truncate text-xs text-neutral-500" title={channel.url ?? channel.path ?? ""}>
                  {channel.kind === "feed" ? "Feed" : "Folder"} · {channel.url ?? channel.path}
                  {channel.agency ? ` · ${channel.agency}` : ""}
                </span>
              </Cell>
              <Cell>
                <label className="sr-only" htmlFor={`every-${channel.id}`}>
                  Check {channel.name} every (minutes)
                </label>
                <input
                  id={`every-${channel.id}`}
                  type="number"
                  min={1}
                  max={1440}
                  defaultValue={Math.max(1, Math.round(channel.intervalSeconds / 60))}
                  className={`${CONTROL} w-20`}
                  disabled={busy}
                  title={`Now every ${every(channel.intervalSeconds)}`}
                  onBlur={(e) => {
                    const seconds = Math.round(Number(e.target.value) * 60);
                    if (Number.isFinite(seconds) && seconds !== channel.intervalSeconds) run(() => actions.update(channel.id, { version: channel.version, intervalSeconds: seconds }));
                  }}
                />
              </Cell>
              <Cell className={`max-w-sm text-xs ${state.tone === "error" ? "text-red-700" : state.tone === "ok" ? "text-green-800" : "text-neutral-600"}`}>{state.text}</Cell>
              <Cell className="text-right tabular-nums">{channel.itemsImported}</Cell>
              <Cell className="text-xs">{channel.paused ? "—" : when(channel.nextRunAt)}</Cell>
              <Cell>
                <PauseAndRemove
                  name={channel.name}
                  paused={channel.paused}
                  busy={busy}
                  removeLabel="Delete"
                  confirmRemoval={`Delete the channel “${channel.name}”? The ${channel.itemsImported} wires it imported stay in the inbox.`}
                  onToggle={() => run(() => actions.update(channel.id, { version: channel.version, paused: !channel.paused }))}
                  onRemove={() => run(() => actions.remove(channel.id))}
                />
              </Cell>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}
