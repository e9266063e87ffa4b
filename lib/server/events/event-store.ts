import "server-only";
import {
  chooseEvent,
  DEFAULT_CLUSTER_PARAMS,
  eventTerms,
  lookupTerms,
  quietBefore,
  rankCandidates,
  representativeWire,
  type EventProfile,
  type EventWireInput,
  type TermCounts,
  type TermStats,
} from "@/lib/domain/events";
import { acceptsNewWires } from "@/lib/domain/workflow";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Event clustering (lib/domain/events) over the database: the same decision as the in-memory
 * clusterer the command line and the evaluation run, with its state in tables, so any app
 * instance or worker assigns against what every other one has assigned. Term sums are the rows
 * of NewsEventTerm (also the inverted index candidates are found by), document frequencies the
 * rows of EventTermFrequency.
 *
 * Assignments and editors' corrections take one transaction-scoped advisory lock: each sees the
 * counts and profiles the one before left, as the single-pass algorithm requires, and two wires
 * of a new event arriving together do not both start it.
 */

type Tx = Prisma.TransactionClient;

const PARAMS = DEFAULT_CLUSTER_PARAMS;
/** The EventTermFrequency row that counts the wires, not a term. */
const WIRE_COUNT_ROW = "";
/** An event's title is its representative wire's: recomputed on every join while the event is small, then every this many joins (it has settled by then). */
const TITLE_SETTLED_AT = 30;
const TITLE_REFRESH_EVERY = 25;

export interface EventWire extends EventWireInput {
  id: string;
  itemKey: string;
  arrivedAt: Date;
}

export interface EventAssignment {
  eventId: string;
  created: boolean;
  similarity: number;
}

export async function lockEvents(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('factdesk:events', 0))`;
}

/** Assigns a stored wire to the event it reports, or starts one; in the caller's transaction. */
export async function assignEvent(tx: Tx, wire: EventWire): Promise<EventAssignment> {
  await lockEvents(tx);
  const terms = eventTerms(wire, PARAMS);
  const stats = await countWire(tx, terms);
  const now = wire.arrivedAt.getTime();
  const itemEvent = await tx.wireStory.findFirst({
    where: { itemKey: wire.itemKey, id: { not: wire.id }, eventId: { not: null } },
    orderBy: { version: "desc" },
    select: { eventId: true },
  });
  if (itemEvent?.eventId) {
    // A later version of an item its stories have: they take it through the item (source updates).
    await joinEvent(tx, itemEvent.eventId, wire.id, terms, wire.arrivedAt, null);
    return { eventId: itemEvent.eventId, created: false, similarity: 1 };
  }
  const candidates = await candidateProfiles(tx, terms, stats, now);
  const choice = chooseEvent(terms, candidates, stats.extendedBy(await frequenciesOf(tx, candidates, stats)), now, PARAMS);
  if (choice) {
    await joinEvent(tx, choice.eventId, wire.id, terms, wire.arrivedAt, null);
    await offerToEventStories(tx, choice.eventId, [wire.id]);
    return { eventId: choice.eventId, created: false, similarity: choice.similarity };
  }
  const eventId = await createEvent(tx, wire.arrivedAt);
  await joinEvent(tx, eventId, wire.id, terms, wire.arrivedAt, null);
  return { eventId, created: true, similarity: 0 };
}

/**
 * Puts a wire into another event (or, with `toEventId` null, a new one) because an editor said
 * so: the two events' profiles follow, so later wires are matched against what they now hold.
 * Returns the event the wire is in.
 */
export async function placeWire(tx: Tx, wireId: string, toEventId: string | null, editorId: string): Promise<string> {
  const wire = await tx.wireStory.findUniqueOrThrow({ where: { id: wireId }, select: { eventId: true, eventTerms: true, createdAt: true } });
  const terms = termsFromJson(wire.eventTerms);
  const to = toEventId ?? (await createEvent(tx, wire.createdAt));
  if (wire.eventId === to) return to;
  if (wire.eventId) await leaveEvent(tx, wire.eventId, wireId, terms);
  await joinEvent(tx, to, wireId, terms, wire.createdAt, editorId);
  await offerToEventStories(tx, to, [wireId]);
  return to;
}

/**
 * A story made from an event is offered the wires that join it later: they become the story's
 * wires (added by no one), and what they bring shows as proposals, while its revision takes new
 * wires (acceptsNewWires).
 */
async function offerToEventStories(tx: Tx, eventId: string, wireIds: readonly string[]): Promise<void> {
  const stories = await tx.story.findMany({
    where: { newsEventId: eventId },
    select: { id: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { state: true } } },
  });
  const open = stories.filter((story) => story.revisions[0] && acceptsNewWires(story.revisions[0].state));
  if (open.length === 0) return;
  await tx.storyWire.createMany({
    data: open.flatMap((story) => wireIds.map((wireStoryId) => ({ storyId: story.id, wireStoryId, addedById: null }))),
    skipDuplicates: true,
  });
}

/** Takes a deleted wire's terms out of its event and out of the counts. */
export async function forgetWire(tx: Tx, wireId: string): Promise<void> {
  await lockEvents(tx);
  const wire = await tx.wireStory.findUnique({ where: { id: wireId }, select: { eventId: true, eventTerms: true } });
  if (!wire?.eventId) return;
  const terms = termsFromJson(wire.eventTerms);
  await leaveEvent(tx, wire.eventId, wireId, terms);
  await tx.$executeRaw`
    UPDATE "EventTermFrequency" SET wires = wires - 1 WHERE term = ANY(${[WIRE_COUNT_ROW, ...terms.keys()]}::text[])`;
}

interface Stats extends TermStats {
  extendedBy(more: ReadonlyMap<string, number>): TermStats;
}

function statsOf(wires: number, frequencies: ReadonlyMap<string, number>): Stats {
  return {
    wires,
    documentFrequency: (term) => frequencies.get(term) ?? 0,
    extendedBy: (more) => statsOf(wires, new Map([...frequencies, ...more])),
  };
}

/** Counts the wire in (its terms' document frequencies and the number of wires); returns the counts after. */
async function countWire(tx: Tx, terms: TermCounts): Promise<Stats> {
  const rows = await tx.$queryRaw<Array<{ term: string; wires: number }>>`
    INSERT INTO "EventTermFrequency" (term, wires)
    SELECT term, 1 FROM unnest(${[WIRE_COUNT_ROW, ...terms.keys()]}::text[]) AS t(term)
    ON CONFLICT (term) DO UPDATE SET wires = "EventTermFrequency".wires + 1
    RETURNING term, wires`;
  const frequencies = new Map(rows.map((row) => [row.term, Number(row.wires)]));
  return statsOf(frequencies.get(WIRE_COUNT_ROW) ?? 1, frequencies);
}

/** The ranked candidate events (domain rankCandidates), found through the term index, with their whole profiles. */
async function candidateProfiles(tx: Tx, terms: TermCounts, stats: TermStats, now: number): Promise<EventProfile[]> {
  const lookup = lookupTerms(terms, stats, PARAMS);
  if (lookup.size === 0) return [];
  const rows = await tx.$queryRaw<Array<{ id: string; seq: number; lastArrival: Date; shared: number }>>`
    SELECT e.id, e.seq, e."lastArrival", sum(l.weight)::float8 AS shared
    FROM unnest(${[...lookup.keys()]}::text[], ${[...lookup.values()]}::float8[]) AS l(term, weight)
    JOIN "NewsEventTerm" t ON t.term = l.term
    JOIN "NewsEvent" e ON e.id = t."eventId"
    WHERE e."lastArrival" >= ${new Date(quietBefore(now, PARAMS))}
    GROUP BY e.id
    ORDER BY shared DESC, e.seq
    LIMIT ${PARAMS.maxCandidates}`;
  const ranked = rankCandidates(rows, PARAMS);
  if (ranked.length === 0) return [];
  const termRows = await tx.newsEventTerm.findMany({ where: { eventId: { in: ranked.map((r) => r.id) } }, select: { eventId: true, term: true, weight: true } });
  const sums = new Map(ranked.map((r) => [r.id, new Map<string, number>()]));
  for (const row of termRows) sums.get(row.eventId)!.set(row.term, row.weight);
  return ranked.map((r) => ({ id: r.id, lastArrival: r.lastArrival.getTime(), termSums: sums.get(r.id)! }));
}

/** Document frequencies of the candidates' terms that the wire does not have (the wire's own are known). */
async function frequenciesOf(tx: Tx, profiles: readonly EventProfile[], known: TermStats): Promise<Map<string, number>> {
  const missing = new Set<string>();
  for (const profile of profiles) for (const term of profile.termSums.keys()) if (known.documentFrequency(term) === 0) missing.add(term);
  if (missing.size === 0) return new Map();
  const rows = await tx.eventTermFrequency.findMany({ where: { term: { in: [...missing] } } });
  return new Map(rows.map((row) => [row.term, row.wires]));
}

async function createEvent(tx: Tx, arrivedAt: Date): Promise<string> {
  const event = await tx.newsEvent.create({ data: { title: "", firstArrival: arrivedAt, lastArrival: arrivedAt }, select: { id: true } });
  return event.id;
}

async function joinEvent(tx: Tx, eventId: string, wireId: string, terms: TermCounts, arrivedAt: Date, editorId: string | null): Promise<void> {
  await addToProfile(tx, eventId, terms, 1);
  await tx.wireStory.update({ where: { id: wireId }, data: { eventId, eventTerms: Object.fromEntries(terms), eventPlacedById: editorId } });
  const [event] = await tx.$queryRaw<Array<{ wireCount: number }>>`
    UPDATE "NewsEvent" SET "wireCount" = "wireCount" + 1,
      "lastArrival" = greatest("lastArrival", ${arrivedAt}), "firstArrival" = least("firstArrival", ${arrivedAt})
    WHERE id = ${eventId} RETURNING "wireCount"`;
  const count = Number(event!.wireCount);
  if (count <= TITLE_SETTLED_AT || count % TITLE_REFRESH_EVERY === 0) await refreshTitle(tx, eventId);
}

async function leaveEvent(tx: Tx, eventId: string, wireId: string, terms: TermCounts): Promise<void> {
  await addToProfile(tx, eventId, terms, -1);
  await tx.wireStory.update({ where: { id: wireId }, data: { eventId: null } });
  const left = await tx.wireStory.aggregate({ where: { eventId }, _count: true, _min: { createdAt: true }, _max: { createdAt: true } });
  if (left._count === 0) {
    // A story made from the event keeps its wires; it only stops being offered the event's new ones.
    await tx.newsEvent.delete({ where: { id: eventId } });
    return;
  }
  await tx.newsEvent.update({
    where: { id: eventId },
    data: { wireCount: left._count, firstArrival: left._min.createdAt!, lastArrival: left._max.createdAt! },
  });
  await refreshTitle(tx, eventId);
}

/** Adds (sign 1) or takes away (sign -1) a wire's terms from an event's profile rows. */
async function addToProfile(tx: Tx, eventId: string, terms: TermCounts, sign: 1 | -1): Promise<void> {
  if (terms.size === 0) return;
  await tx.$executeRaw`
    INSERT INTO "NewsEventTerm" ("eventId", term, weight)
    SELECT ${eventId}, term, weight FROM unnest(${[...terms.keys()]}::text[], ${[...terms.values()].map((w) => sign * w)}::float8[]) AS t(term, weight)
    ON CONFLICT ("eventId", term) DO UPDATE SET weight = "NewsEventTerm".weight + EXCLUDED.weight`;
  // The same cut-off the in-memory profile uses (domain addTerms): a term whose sum is gone leaves the index.
  if (sign < 0) await tx.$executeRaw`DELETE FROM "NewsEventTerm" WHERE "eventId" = ${eventId} AND weight <= 1e-9`;
}

/** The event's title: the headline (or title) of the wire that best stands for it. */
async function refreshTitle(tx: Tx, eventId: string): Promise<void> {
  const members = await tx.wireStory.findMany({ where: { eventId }, select: { id: true, title: true, eventTerms: true }, orderBy: { createdAt: "asc" } });
  if (members.length === 0) return;
  const termRows = await tx.newsEventTerm.findMany({ where: { eventId }, select: { term: true, weight: true } });
  const termSums = new Map(termRows.map((row) => [row.term, row.weight]));
  const frequencies = await tx.eventTermFrequency.findMany({ where: { term: { in: [WIRE_COUNT_ROW, ...termSums.keys()] } } });
  const counts = new Map(frequencies.map((row) => [row.term, row.wires]));
  const stats = statsOf(counts.get(WIRE_COUNT_ROW) ?? 1, counts);
  const representative = representativeWire(
    members.map((m) => ({ id: m.id, terms: termsFromJson(m.eventTerms) })),
    termSums,
    stats,
    PARAMS,
  );
  const chosen = members.find((m) => m.id === representative) ?? members[0]!;
  await tx.newsEvent.update({ where: { id: eventId }, data: { title: chosen.title, representativeWireId: chosen.id } });
}

function termsFromJson(value: Prisma.JsonValue | null): TermCounts {
  const terms: TermCounts = new Map();
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [term, weight] of Object.entries(value)) if (typeof weight === "number") terms.set(term, weight);
  }
  return terms;
}
