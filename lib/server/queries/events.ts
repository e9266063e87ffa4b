import "server-only";
import { agencyName } from "@/lib/domain/story/credit";
import { db } from "../db";
import { encodeCursor, readCursor } from "./wires";

export const EVENT_LIST_PAGE = 30;
/** Events a wire can be moved to or an event merged with: the ones active lately. */
const TARGET_EVENTS = 40;

export interface EventListItem {
  id: string;
  title: string;
  wireCount: number;
  agencies: string[];
  firstArrival: Date;
  lastArrival: Date;
  /** Wires that joined since this user last opened the event; every wire when they never have. */
  newSinceSeen: number;
  seen: boolean;
}

/**
 * The inbox's events view: the events that grew most recently first, a page at a time by keyset
 * on (lastArrival, id). Agencies and what is new are read for the page's events only.
 */
export async function listEvents(userId: string, cursor?: string | null, pageSize = EVENT_LIST_PAGE): Promise<{ items: EventListItem[]; nextCursor: string | null }> {
  const after = cursor ? readCursor(cursor) : null;
  const events = await db.newsEvent.findMany({
    where: after ? { OR: [{ lastArrival: { lt: after.at } }, { lastArrival: after.at, id: { lt: after.id } }] } : {},
    orderBy: [{ lastArrival: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: { id: true, title: true, wireCount: true, firstArrival: true, lastArrival: true, views: { where: { userId }, select: { seenAt: true } } },
  });
  const page = events.slice(0, pageSize);
  const ids = page.map((event) => event.id);
  const agencies = ids.length
    ? await db.wireStory.findMany({ where: { eventId: { in: ids } }, distinct: ["eventId", "agency"], select: { eventId: true, agency: true }, orderBy: { agency: "asc" } })
    : [];
  const seenAt = new Map(page.flatMap((event) => (event.views[0] ? [[event.id, event.views[0].seenAt] as const] : [])));
  const fresh = seenAt.size
    ? await db.$queryRaw<Array<{ eventId: string; count: number }>>`
        SELECT w."eventId", count(*)::int AS count FROM "WireStory" w
        JOIN "NewsEventView" v ON v."eventId" = w."eventId" AND v."userId" = ${userId}
        WHERE w."eventId" = ANY(${[...seenAt.keys()]}::text[]) AND w."createdAt" > v."seenAt"
        GROUP BY w."eventId"`
    : [];
  const freshCount = new Map(fresh.map((row) => [row.eventId, Number(row.count)]));
  const last = page[page.length - 1];
  return {
    items: page.map((event) => ({
      id: event.id,
      title: event.title,
      wireCount: event.wireCount,
      agencies: agencies.filter((a) => a.eventId === event.id).map((a) => agencyName(a.agency)),
      firstArrival: event.firstArrival,
      lastArrival: event.lastArrival,
      seen: seenAt.has(event.id),
      newSinceSeen: seenAt.has(event.id) ? (freshCount.get(event.id) ?? 0) : event.wireCount,
    })),
    nextCursor: events.length > pageSize && last ? encodeCursor(last.lastArrival, last.id) : null,
  };
}

/** One event: its wires in order of arrival, the stories made from it, and the events it could be merged with. */
export async function getEvent(eventId: string, userId: string) {
  const event = await db.newsEvent.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      title: true,
      wireCount: true,
      firstArrival: true,
      lastArrival: true,
      views: { where: { userId }, select: { seenAt: true } },
      stories: { select: { id: true, slug: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { headline: true, state: true } } }, orderBy: { createdAt: "asc" } },
      wires: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, title: true, agency: true, dateline: true, createdAt: true, version: true, isLatestVersion: true, versionKind: true, eventPlacedById: true },
      },
    },
  });
  if (!event) return null;
  const editors = await db.user.findMany({ where: { id: { in: [...new Set(event.wires.flatMap((w) => (w.eventPlacedById ? [w.eventPlacedById] : [])))] } }, select: { id: true, name: true } });
  const editorName = new Map(editors.map((e) => [e.id, e.name]));
  const seenAt = event.views[0]?.seenAt ?? null;
  const others = await db.newsEvent.findMany({
    where: { id: { not: eventId } },
    orderBy: [{ lastArrival: "desc" }, { id: "desc" }],
    take: TARGET_EVENTS,
    select: { id: true, title: true, wireCount: true },
  });
  return {
    id: event.id,
    title: event.title,
    wireCount: event.wireCount,
    firstArrival: event.firstArrival,
    lastArrival: event.lastArrival,
    stories: event.stories.map((s) => ({ id: s.id, headline: s.revisions[0]?.headline ?? "", state: s.revisions[0]?.state ?? null })),
    wires: event.wires.map(({ eventPlacedById, ...wire }) => ({
      ...wire,
      placedBy: eventPlacedById ? (editorName.get(eventPlacedById) ?? "an editor") : null,
      isNew: seenAt === null || wire.createdAt > seenAt,
    })),
    otherEvents: others,
  };
}
