import "server-only";
import pg from "pg";
import { coalesced } from "@/lib/domain/async/coalesce";
import { eventOperations } from "@/lib/domain/story/fact-history";
import { eventReplacedTexts, removedFacts } from "@/lib/domain/story/overrides";
import { databaseUrl } from "@/lib/env";
import type { PresenceUser, StoryChange } from "@/lib/schemas/workspace";
import { db } from "../db";
import { STORY_CHANNEL } from "./story-events";

export interface StoryFeedListener {
  change(change: StoryChange): void;
  presence(users: PresenceUser[]): void;
}

/** The safety-net poll; FACTDESK_FEED_POLL_MS changes it (tests set it long, so only wake-ups deliver). */
const pollMs = () => Number(process.env.FACTDESK_FEED_POLL_MS) || 1000;
export const PRESENCE_TTL_MS = 30_000;

interface Watch {
  listeners: Set<StoryFeedListener>;
  lastEventId: bigint;
  presenceKey: string;
  timer: NodeJS.Timeout;
  /** Polls one at a time; a wake-up during a poll gets another poll right after (see coalesced). */
  wake: () => Promise<void>;
}

const watches = new Map<string, Watch>();
let notifyClient: Promise<pg.Client | null> | null = null;

/**
 * Follows a story's changes and presence for this process's open streams. The StoryEvent table
 * is the source of truth: PostgreSQL NOTIFY (sent by every app instance when a change commits)
 * wakes the feed at once, and a one-second poll covers databases that do not deliver
 * notifications across connections (the embedded PGlite, a single instance anyway) and any
 * notification lost while reconnecting.
 */
export async function watchStory(storyId: string, afterEventId: bigint | null, listener: StoryFeedListener): Promise<() => void> {
  void listenForNotifications();
  let watch = watches.get(storyId);
  if (!watch) {
    const latest = await db.storyEvent.findFirst({ where: { storyId }, orderBy: { id: "desc" }, select: { id: true } });
    // Another stream of this story may have started watching while we looked: share its watch.
    watch = watches.get(storyId);
    if (!watch) {
      const created: Watch = {
        listeners: new Set(),
        lastEventId: latest?.id ?? 0n,
        presenceKey: "",
        timer: setInterval(() => void wakeStory(storyId), pollMs()),
        wake: coalesced(() => poll(storyId, created)),
      };
      created.timer.unref?.();
      watches.set(storyId, created);
      watch = created;
    }
  }
  watch.listeners.add(listener);
  if (afterEventId !== null && afterEventId < watch.lastEventId) {
    // A client reconnecting after missing events gets them replayed.
    for (const change of await changesAfter(storyId, afterEventId, watch.lastEventId)) listener.change(change);
  }
  listener.presence(await presentUsers(storyId));
  return () => {
    const current = watches.get(storyId);
    if (!current) return;
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      clearInterval(current.timer);
      watches.delete(storyId);
    }
  };
}

/** Presence changed for a story: refresh its listeners on this instance now (others follow within a poll). */
export function presenceChanged(storyId: string): void {
  void wakeStory(storyId);
}

/** Something happened in a story (a NOTIFY, the timer, presence): read what is new, without losing the wake-up. */
export async function wakeStory(storyId: string): Promise<void> {
  await watches.get(storyId)?.wake();
}

async function poll(storyId: string, watch: Watch): Promise<void> {
  try {
    const changes = await changesAfter(storyId, watch.lastEventId, null);
    for (const change of changes) {
      watch.lastEventId = BigInt(change.eventId);
      for (const listener of watch.listeners) listener.change(change);
    }
    const users = await presentUsers(storyId);
    const key = JSON.stringify(users);
    if (key !== watch.presenceKey) {
      watch.presenceKey = key;
      for (const listener of watch.listeners) listener.presence(users);
    }
  } catch (error) {
    console.error("Story feed poll failed", error);
  }
}

async function changesAfter(storyId: string, after: bigint, upTo: bigint | null): Promise<StoryChange[]> {
  const events = await db.storyEvent.findMany({
    where: { storyId, id: upTo === null ? { gt: after } : { gt: after, lte: upTo } },
    orderBy: { id: "asc" },
    take: 500,
    select: { id: true, actorId: true, kind: true, operation: true, actor: { select: { name: true } } },
  });
  return events.map((event) => ({
    eventId: event.id.toString(),
    actorId: event.actorId,
    actorName: event.actor.name,
    kind: event.kind,
    touched: touchedOf(event.operation),
    // Enough for a watcher to tell someone whose typing or text this change undid, and by whom.
    removed: removedFacts(eventOperations(event.operation)),
    replaced: eventReplacedTexts(event.operation),
  }));
}

function touchedOf(operation: unknown): string[] {
  const touched = (operation as { touched?: unknown } | null)?.touched;
  return Array.isArray(touched) ? touched.filter((id): id is string => typeof id === "string") : [];
}

export async function presentUsers(storyId: string): Promise<PresenceUser[]> {
  const rows = await db.storyPresence.findMany({
    where: { storyId, seenAt: { gt: new Date(Date.now() - PRESENCE_TTL_MS) } },
    orderBy: { userId: "asc" },
    select: { factId: true, user: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({ id: row.user.id, name: row.user.name, factId: row.factId }));
}

/** One LISTEN connection per process; a failure falls back to polling alone and is retried later. */
function listenForNotifications(): Promise<pg.Client | null> {
  notifyClient ??= (async () => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    try {
      await client.connect();
      client.on("notification", (message) => {
        try {
          const { storyId } = JSON.parse(message.payload ?? "{}") as { storyId?: string };
          if (storyId) void wakeStory(storyId);
        } catch {
          // not ours
        }
      });
      client.on("error", () => {
        notifyClient = null;
      });
      await client.query(`LISTEN ${STORY_CHANNEL}`);
      return client;
    } catch (error) {
      console.error("LISTEN failed; story updates fall back to polling", error);
      await client.end().catch(() => {});
      setTimeout(() => (notifyClient = null), 30_000).unref?.();
      return null;
    }
  })();
  return notifyClient;
}
