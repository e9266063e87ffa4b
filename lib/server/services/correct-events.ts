import "server-only";
import { AppError } from "@/lib/domain/errors";
import { ZMergeEvents, ZMoveWire, ZSplitEvent } from "@/lib/schemas/events";
import { Prisma } from "@/lib/generated/prisma/client";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { lockEvents, placeWire } from "../events/event-store";

/**
 * Editors' corrections of the events the inbox groups wires into: move a wire, split an event,
 * merge two. Each is audited, and the wire stays where the editor put it: the events' profiles
 * follow the change, so wires arriving later are matched against what the events now hold. A wire
 * moves with every version of its item, and later versions follow it, those arriving during the
 * change too. Wire rows are locked before the events lock (the order every writer takes), and
 * each change checks that the event still holds what the editor saw.
 */

interface EventChange {
  actor: CurrentUser;
  eventId: string;
  input: unknown;
}

export async function moveWireToEvent({ actor, eventId, input }: EventChange): Promise<{ eventId: string }> {
  assertCan(actor, "event.correct");
  const { wireStoryId, toEventId } = ZMoveWire.parse(input);
  if (toEventId === eventId) throw new AppError("UNPROCESSABLE", "The wire is already in this event.");
  return withAudit(actor, async (tx, audit) => {
    await lockWires(tx, eventId, [wireStoryId]);
    await lockEvents(tx);
    await requireInEvent(tx, eventId, [wireStoryId]);
    const versions = namedFirst([wireStoryId], await lockArrivals(tx, itemVersions(eventId, [wireStoryId])));
    if (toEventId) await requireEvent(tx, toEventId, "The event to move the wire to no longer exists: it may have been merged.");
    const fromTitle = await titleOf(tx, eventId);
    const { title } = await tx.wireStory.findUniqueOrThrow({ where: { id: wireStoryId }, select: { title: true } });
    const [first, ...rest] = versions;
    const to = await placeWire(tx, first!, toEventId, actor.id);
    for (const id of rest) await placeWire(tx, id, to, actor.id);
    audit({ action: "event.move", subjectType: "WireStory", subjectId: wireStoryId, data: { title, fromEventId: eventId, fromTitle, toEventId: to, toTitle: await titleOf(tx, to), newEvent: toEventId === null, wireStoryIds: versions } });
    return { eventId: to };
  });
}

export async function splitEvent({ actor, eventId, input }: EventChange): Promise<{ eventId: string }> {
  assertCan(actor, "event.correct");
  const { wireStoryIds } = ZSplitEvent.parse(input);
  return withAudit(actor, async (tx, audit) => {
    await lockWires(tx, eventId, wireStoryIds);
    await lockEvents(tx);
    await requireInEvent(tx, eventId, wireStoryIds);
    const versions = namedFirst(wireStoryIds, await lockArrivals(tx, itemVersions(eventId, wireStoryIds)));
    const left = await tx.wireStory.count({ where: { eventId, id: { notIn: versions } } });
    if (left === 0) throw new AppError("UNPROCESSABLE", "Splitting off every wire of an event leaves it as it is: leave at least one behind.");
    const fromTitle = await titleOf(tx, eventId);
    const [first, ...rest] = versions;
    const to = await placeWire(tx, first!, null, actor.id);
    for (const id of rest) await placeWire(tx, id, to, actor.id);
    audit({ action: "event.split", subjectType: "NewsEvent", subjectId: eventId, data: { fromTitle, newEventId: to, wireStoryIds: versions } });
    return { eventId: to };
  });
}

export async function mergeEvents({ actor, eventId, input }: EventChange): Promise<{ eventId: string }> {
  assertCan(actor, "event.correct");
  const { fromEventId } = ZMergeEvents.parse(input);
  if (fromEventId === eventId) throw new AppError("UNPROCESSABLE", "An event cannot be merged into itself.");
  return withAudit(actor, async (tx, audit) => {
    const members = await tx.wireStory.findMany({ where: { eventId: fromEventId }, select: { id: true }, orderBy: { createdAt: "asc" } });
    await lockWires(tx, fromEventId, members.map((m) => m.id));
    await lockEvents(tx);
    await requireEvent(tx, eventId, "This event no longer exists: it may have been merged into another.");
    await requireEvent(tx, fromEventId, "The event to merge no longer exists: it may have been merged already.");
    // Wires that joined between the read and the lock come along too.
    const now = (await lockArrivals(tx, Prisma.sql`"eventId" = ${fromEventId}`)).map((id) => ({ id }));
    const fromTitle = await titleOf(tx, fromEventId);
    // Stories made from the merged event follow its wires, and are offered what joins from now on.
    await tx.story.updateMany({ where: { newsEventId: fromEventId }, data: { newsEventId: eventId } });
    for (const { id } of now) await placeWire(tx, id, eventId, actor.id);
    audit({ action: "event.merge", subjectType: "NewsEvent", subjectId: eventId, data: { fromEventId, fromTitle, toTitle: await titleOf(tx, eventId), wireStoryIds: now.map((m) => m.id) } });
    return { eventId };
  });
}

/** The wires named and the other versions of their items in the event (versions of one item stay together). */
function itemVersions(eventId: string, ids: readonly string[]): Prisma.Sql {
  return Prisma.sql`(id = ANY(${[...ids]}::text[])
    OR ("eventId" = ${eventId} AND "itemKey" IN (SELECT "itemKey" FROM "WireStory" WHERE id = ANY(${[...ids]}::text[]))))`;
}

/** The named wires first (the first placed titles a new event), then their other versions. */
function namedFirst(named: readonly string[], ids: readonly string[]): string[] {
  const set = new Set(named);
  return [...named.filter((id) => ids.includes(id)), ...ids.filter((id) => !set.has(id))];
}

/**
 * Locks the wires and every version of their items in the event, in id order, before the events
 * lock (the order every writer takes wire rows and that lock in).
 */
async function lockWires(tx: Prisma.TransactionClient, eventId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "WireStory" WHERE ${itemVersions(eventId, ids)} ORDER BY id FOR UPDATE`;
}

/**
 * Under the events lock: locks the wires `condition` selects now, those that arrived while the
 * correction waited for the lock among them (a new version joins its item's event), and returns
 * their ids in order of arrival. It does not wait for a row another transaction holds: that is an
 * import holding its item's latest version while it waits for the events lock, and waiting for it
 * would deadlock; the editor is asked to try again instead.
 */
async function lockArrivals(tx: Prisma.TransactionClient, condition: Prisma.Sql): Promise<string[]> {
  const [row] = await tx.$queryRaw<Array<{ wanted: number; ids: string[] }>>`
    WITH wanted AS (SELECT id FROM "WireStory" WHERE ${condition}),
    locked AS (SELECT id, "createdAt" FROM "WireStory" WHERE id IN (SELECT id FROM wanted) ORDER BY id FOR UPDATE SKIP LOCKED)
    SELECT (SELECT count(*) FROM wanted)::int AS wanted, coalesce((SELECT array_agg(id ORDER BY "createdAt", id) FROM locked), '{}') AS ids`;
  if (!row || row.ids.length < row.wanted) {
    throw new AppError("CONFLICT", "A new version of a wire in this event is arriving right now. Try again in a moment.");
  }
  return row.ids;
}

async function titleOf(tx: Prisma.TransactionClient, eventId: string): Promise<string | null> {
  return (await tx.newsEvent.findUnique({ where: { id: eventId }, select: { title: true } }))?.title ?? null;
}

async function requireEvent(tx: Prisma.TransactionClient, eventId: string, missing: string): Promise<void> {
  if (!(await tx.newsEvent.findUnique({ where: { id: eventId }, select: { id: true } }))) throw new AppError("NOT_FOUND", missing);
}

async function requireInEvent(tx: Prisma.TransactionClient, eventId: string, wireIds: readonly string[]): Promise<void> {
  await requireEvent(tx, eventId, "This event no longer exists: it may have been merged into another.");
  const found = await tx.wireStory.count({ where: { id: { in: [...wireIds] }, eventId } });
  if (found !== wireIds.length) {
    throw new AppError("CONFLICT", wireIds.length === 1 ? "That wire is no longer in this event: someone moved it. Reload to see where it is now." : "Some of these wires are no longer in this event: someone moved them. Reload to see the event as it is now.");
  }
}
