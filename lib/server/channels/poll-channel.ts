import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { feedItemToNinjs, parseFeed } from "@/lib/domain/channels/feed";
import { nextRunAt } from "@/lib/domain/channels/schedule";
import { AppError } from "@/lib/domain/errors";
import { MAX_INPUT_BYTES } from "@/lib/domain/wire/decode";
import type { Channel } from "@/lib/generated/prisma/client";
import { withAudit } from "../audit";
import { db } from "../db";
import { describeError } from "../errors";
import { importWireStory, type WireUpload } from "../services/import-wire-story";
import { fetchFeed } from "./fetch-feed";

/** Files a drop folder takes; anything else stays where it is. */
const FOLDER_FILE = /\.(txt|json|xml)$/i;
/** At most this many files per run, so a folder of thousands is worked through over several runs. */
const FILES_PER_RUN = 200;
/** Longer than any run takes (the job queue expires a poll job after 300 s). */
const RUN_LEASE_SECONDS = 600;

export interface PollOutcome {
  /** False when the channel is gone or paused and nothing was done. */
  ran: boolean;
  imported: number;
  duplicates: number;
  failed: number;
  /** The run's error in words (also the channel's lastError), null on success. */
  error: string | null;
}

interface ItemResult {
  imported: number;
  duplicates: number;
  failures: string[];
  wireIds: string[];
}

/**
 * One run of a channel: fetch its feed (or take its folder's files), import every item through
 * the same path as any other wire, then record the outcome on the channel (last success or last
 * error in words, items imported, when it runs next with backoff after failures) and in the
 * audit log with the channel as the actor. It never throws for the channel's own failures: they
 * are the channel's state, and one failing channel never holds up another.
 */
export async function pollChannel(channelId: string, now: () => Date = () => new Date()): Promise<PollOutcome> {
  const startedAt = now();
  const channel = await claimRun(channelId, startedAt);
  if (!channel) return { ran: false, imported: 0, duplicates: 0, failed: 0, error: null };
  let result: ItemResult = { imported: 0, duplicates: 0, failures: [], wireIds: [] };
  let validators: { etag: string | null; lastModified: string | null } | null = null;
  let error: string | null = null;
  try {
    if (channel.kind === "FEED") {
      const feed = await pollFeed(channel);
      result = feed.result;
      validators = feed.validators;
    } else {
      result = await pollFolder(channel);
    }
    if (result.failures.length) error = `${result.failures.length} item${result.failures.length === 1 ? "" : "s"} could not be imported: ${result.failures[0]}`;
  } catch (caught) {
    error = describeError(caught, `channel ${channel.name}`).message;
  }
  // A run that fails as a whole backs off; items that fail alone do not hold the channel back.
  const failedWhole = error !== null && result.imported + result.duplicates === 0 && result.failures.length === 0;
  const consecutiveFailures = failedWhole ? channel.consecutiveFailures + 1 : 0;
  await withAudit(null, async (tx, audit) => {
    await tx.channel.update({
      where: { id: channel.id },
      data: {
        lastRunAt: startedAt,
        ...(error === null ? { lastSuccessAt: startedAt } : {}),
        lastError: error,
        consecutiveFailures,
        itemsImported: { increment: result.imported },
        nextRunAt: nextRunAt({ intervalSeconds: channel.intervalSeconds, consecutiveFailures }, now()),
        ...(validators ?? {}),
      },
    });
    if (result.imported > 0 || error !== null) {
      audit({
        action: "channel.poll",
        subjectType: "Channel",
        subjectId: channel.id,
        data: { channel: channel.name, imported: result.imported, duplicates: result.duplicates, failed: result.failures.length, wireStoryIds: result.wireIds.slice(0, 100), error },
      });
    }
  });
  return { ran: true, imported: result.imported, duplicates: result.duplicates, failed: result.failures.length, error };
}

/**
 * Takes the channel's run if it is due and active: its next run moves past this run's longest
 * possible duration in the same statement, so a second worker holding a poll job for the same
 * channel finds it not due and does nothing; a worker that dies mid-run leaves it due again then.
 */
async function claimRun(channelId: string, startedAt: Date): Promise<Channel | null> {
  const leaseEnds = new Date(startedAt.getTime() + RUN_LEASE_SECONDS * 1000);
  const [claimed] = await db.$queryRaw<Channel[]>`
    UPDATE "Channel" SET "nextRunAt" = ${leaseEnds}
    WHERE id = ${channelId} AND NOT paused AND "nextRunAt" <= ${startedAt}
    RETURNING *`;
  return claimed ?? null;
}

async function pollFeed(channel: Channel) {
  const fetched = await fetchFeed(channel.url ?? "", { etag: channel.etag, lastModified: channel.lastModified });
  if (fetched.status === "not-modified") return { result: { imported: 0, duplicates: 0, failures: [], wireIds: [] }, validators: null };
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true }).decode(fetched.bytes);
  } catch {
    throw new AppError("UNPROCESSABLE", "The feed is not UTF-8 text.");
  }
  const feed = parseFeed(xml);
  const result: ItemResult = { imported: 0, duplicates: 0, failures: [], wireIds: [] };
  // Oldest first, so versions of one item arrive in the order the feed published them.
  for (const item of [...feed.items].reverse()) {
    await importInto(result, channel, { text: feedItemToNinjs(item, { agency: channel.agency, feedTitle: feed.title }), contentType: "application/json", feed: channel.name }, item.title ?? item.guid);
  }
  // Validators are kept only once the items are in: a failed run asks again in full next time.
  return { result, validators: { etag: fetched.etag, lastModified: fetched.lastModified } };
}

async function pollFolder(channel: Channel): Promise<ItemResult> {
  const folder = channel.path ?? "";
  let entries: string[];
  try {
    entries = (await fs.readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && FOLDER_FILE.test(e.name)).map((e) => e.name).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new AppError("UNPROCESSABLE", `The folder ${folder} does not exist.`);
    if (code === "EACCES") throw new AppError("UNPROCESSABLE", `The worker may not read the folder ${folder}.`);
    if (code === "ENOTDIR") throw new AppError("UNPROCESSABLE", `${folder} is a file, not a folder.`);
    throw error;
  }
  const result: ItemResult = { imported: 0, duplicates: 0, failures: [], wireIds: [] };
  for (const name of entries.slice(0, FILES_PER_RUN)) {
    const file = path.join(folder, name);
    const failuresBefore = result.failures.length;
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) continue; // taken by another worker in the meantime
    if (stat.size > MAX_INPUT_BYTES) result.failures.push(`${name}: larger than the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit for one wire.`);
    else await importInto(result, channel, { bytes: await fs.readFile(file), filename: name, feed: channel.name }, name);
    await moveTo(folder, result.failures.length > failuresBefore ? "failed" : "done", name);
  }
  return result;
}

async function importInto(result: ItemResult, channel: Channel, upload: WireUpload, label: string): Promise<void> {
  try {
    const { outcome, story } = await importWireStory({ source: { kind: "channel", channelId: channel.id }, upload });
    if (outcome === "duplicate") result.duplicates += 1;
    else {
      result.imported += 1;
      result.wireIds.push(story.id);
    }
  } catch (error) {
    result.failures.push(`${label}: ${describeError(error, `channel ${channel.name}`).message}`);
  }
}

/** Moves a taken file aside, keeping both when a file of that name was taken before. */
async function moveTo(folder: string, subfolder: "done" | "failed", name: string): Promise<void> {
  const target = path.join(folder, subfolder);
  await fs.mkdir(target, { recursive: true });
  let destination = path.join(target, name);
  if (await fs.stat(destination).catch(() => null)) destination = path.join(target, `${Date.now()}-${name}`);
  await fs.rename(path.join(folder, name), destination).catch(() => {});
}
