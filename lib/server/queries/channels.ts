import "server-only";
import type { TChannelStatus } from "@/lib/schemas/channels";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";

/** Every channel with its state: last success, last error in words, items imported, next run. */
export async function listChannels(actor: CurrentUser): Promise<TChannelStatus[]> {
  assertCan(actor, "channel.manage");
  const channels = await db.channel.findMany({ orderBy: { createdAt: "asc" } });
  return channels.map((channel) => ({
    id: channel.id,
    kind: channel.kind === "FEED" ? "feed" : "folder",
    name: channel.name,
    url: channel.url,
    path: channel.path,
    agency: channel.agency,
    intervalSeconds: channel.intervalSeconds,
    paused: channel.paused,
    lastRunAt: channel.lastRunAt?.toISOString() ?? null,
    lastSuccessAt: channel.lastSuccessAt?.toISOString() ?? null,
    lastError: channel.lastError,
    itemsImported: channel.itemsImported,
    nextRunAt: channel.paused ? null : channel.nextRunAt.toISOString(),
    version: channel.version,
  }));
}
