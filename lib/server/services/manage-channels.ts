import "server-only";
import path from "node:path";
import { AppError } from "@/lib/domain/errors";
import { ZCreateChannel, ZUpdateChannel } from "@/lib/schemas/channels";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";

/** Adds an ingest channel; it runs at once, then every intervalSeconds (the worker's sweep queues it). */
export async function createChannel({ actor, input }: { actor: CurrentUser; input: unknown }): Promise<{ id: string }> {
  assertCan(actor, "channel.manage");
  const channel = ZCreateChannel.parse(input);
  const name = channel.name ?? (channel.kind === "feed" ? new URL(channel.url).host : path.basename(channel.path) || channel.path);
  return withAudit(actor, async (tx, audit) => {
    const created = await tx.channel.create({
      data: {
        kind: channel.kind === "feed" ? "FEED" : "FOLDER",
        name,
        url: channel.kind === "feed" ? channel.url : null,
        path: channel.kind === "folder" ? channel.path : null,
        agency: channel.agency || null,
        intervalSeconds: channel.intervalSeconds,
        createdById: actor.id,
      },
      select: { id: true },
    });
    audit({ action: "channel.create", subjectType: "Channel", subjectId: created.id, data: { name, kind: channel.kind, ...(channel.kind === "feed" ? { url: channel.url } : { path: channel.path }) } });
    return created;
  });
}

/**
 * Edits, pauses or resumes a channel, on the version the admin saw (a stale edit is refused with
 * 409, not applied over a colleague's). Resuming or changing where it reads makes it run at once.
 */
export async function updateChannel({ actor, channelId, input }: { actor: CurrentUser; channelId: string; input: unknown }) {
  assertCan(actor, "channel.manage");
  const { version, ...changes } = ZUpdateChannel.parse(input);
  return withAudit(actor, async (tx, audit) => {
    const current = await tx.channel.findUnique({ where: { id: channelId } });
    if (!current) throw new AppError("NOT_FOUND", "No such channel.");
    if (changes.url !== undefined && current.kind !== "FEED") throw new AppError("INVALID_INPUT", "url: a folder channel has a path, not a url.");
    if (changes.path !== undefined && current.kind !== "FOLDER") throw new AppError("INVALID_INPUT", "path: a feed channel has a url, not a path.");
    const sourceChanged = (changes.url !== undefined && changes.url !== current.url) || (changes.path !== undefined && changes.path !== current.path);
    const resumed = changes.paused === false && current.paused;
    const { count } = await tx.channel.updateMany({
      where: { id: channelId, version },
      data: {
        ...changes,
        version: { increment: 1 },
        // A new address starts afresh: its validators and failures belong to the old one.
        ...(sourceChanged ? { etag: null, lastModified: null, consecutiveFailures: 0, lastError: null } : {}),
        ...(sourceChanged || resumed ? { nextRunAt: new Date() } : {}),
      },
    });
    if (count === 0) throw new AppError("CONFLICT", `Someone changed this channel since you opened it (now version ${current.version}); reload and try again.`);
    audit({ action: changes.paused === true && !current.paused ? "channel.pause" : resumed ? "channel.resume" : "channel.update", subjectType: "Channel", subjectId: channelId, data: { name: current.name, changes } });
    return { id: channelId, version: version + 1 };
  });
}

/** Deletes a channel; the wires it took in stay (they no longer name it). */
export async function deleteChannel({ actor, channelId }: { actor: CurrentUser; channelId: string }): Promise<void> {
  assertCan(actor, "channel.manage");
  await withAudit(actor, async (tx, audit) => {
    const deleted = await tx.channel.deleteMany({ where: { id: channelId } });
    if (deleted.count === 0) throw new AppError("NOT_FOUND", "No such channel.");
    audit({ action: "channel.delete", subjectType: "Channel", subjectId: channelId });
  });
}
