import "server-only";
import {
  addTerms,
  DEFAULT_CLUSTER_PARAMS,
  eventSimilarity,
  eventTerms,
  isSplitCheckSize,
  lookupTerms,
  NAME_PREFIX,
  pickEvent,
  quietBefore,
  rankCandidates,
  representativeWire,
  splitCheckSizes,
  splitOff,
  weighTerms,
  type CosineParts,
  type EventChoice,
  type EventWireInput,
  type SplitMember,
  type TermCounts,
  type TermStats,
} from "@/lib/domain/events";
import { acceptsNewWires, REVISION_STATES } from "@/lib/domain/workflow";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_STORY_SENTENCES } from "@/lib/schemas/stories";
import { withAudit, type Audit, type AuditEntry } from "../audit";
import { newId } from "../ids";
import { storedBody } from "../queries/wires";

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
/** A large event's title is recomputed every this many joins (see titleNeedsRefresh). */
const TITLE_REFRESH_EVERY = 25;
/** The revision states a story takes new wires in (domain acceptsNewWires). */
const OPEN_STATES: string[] = REVISION_STATES.filter(acceptsNewWires);

export interface EventWire extends EventWireInput {
  id: string;
  itemKey: string;
  arrivedAt: Date;
}

const EVENTS_LOCK = "factdesk:events";

/** The event sizes at which a join checks for a split (the largest an Int wire count can hold). */
const CHECK_SIZES = splitCheckSizes(2 ** 31 - 1);

export async function lockEvents(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${EVENTS_LOCK}, 0))`;
}

/**
 * Where a wire goes: the event it joins, or a new one it starts; with its terms, which its row
 * keeps (eventColumns) so that a move can take them out of the event again.
 */
export interface EventPlacement {
  eventId: string;
  starts: boolean;
  terms: TermCounts;
  /** Whether the stories made from the event take the wire (not a later version of an item they have: they take that through the item). */
  offer: boolean;
  similarity: number;
  /** Chosen by assignment, not by an editor: joining may then show the event holds two (splitIfTwoEvents). */
  automatic: boolean;
  /**
   * When joining brings the event to a split check size: the counts of every term of the event
   * with the wire in it, read with the scoring (which weighs every term of the event's profile),
   * so the check does not read them again.
   */
  statsAtCheck?: TermStats;
}

/**
 * Decides which event a wire reports, or that it starts one, and counts it in (the terms'
 * document frequencies); in the caller's transaction, in two statements: count (taking the events
 * lock) and score the candidates. Writes no wire or event: placeInEvent does, with the wire's row.
 */
export async function chooseEvent(tx: Tx, wire: EventWire): Promise<EventPlacement> {
  const terms = eventTerms(wire, PARAMS);
  const stats = await lockAndCount(tx, terms);
  const { itemEventId, candidates, frequenciesAtCheck } = await scoredCandidates(tx, wire, terms, stats, wire.arrivedAt.getTime());
  if (itemEventId) return { eventId: itemEventId, starts: false, terms, offer: false, similarity: 1, automatic: true };
  const choice = pickEvent(candidates, PARAMS);
  if (choice) {
    const profileFrequencies = frequenciesAtCheck.get(choice.eventId);
    const statsAtCheck = profileFrequencies
      ? statsOf(stats.wires, new Map([...profileFrequencies, ...[...terms.keys()].map((term) => [term, stats.documentFrequency(term)] as const)]))
      : undefined;
    return { eventId: choice.eventId, starts: false, terms, offer: true, similarity: choice.similarity, automatic: true, statsAtCheck };
  }
  return { eventId: newId(), starts: true, terms, offer: true, similarity: 0, automatic: true };
}

/** The event columns of a wire's row in the placement: an editor's placement names the editor. */
export function eventColumns(placement: EventPlacement, editorId: string | null) {
  return { eventId: placement.eventId, eventTerms: JSON.stringify(Object.fromEntries(placement.terms)), eventPlacedById: editorId };
}

/** Assigns a stored wire (one without an event) to the event it reports, or starts one. */
export async function assignEvent(tx: Tx, wire: EventWire, audit: Audit): Promise<EventPlacement> {
  const placement = await chooseEvent(tx, wire);
  await placeInEvent(tx, updateEventColumns(wire.id, eventColumns(placement, null)), placement, wire.arrivedAt, audit);
  return placement;
}

/**
 * Puts a wire into another event (or, with `toEventId` null, a new one) because an editor said
 * so: the two events' profiles follow, so later wires are matched against what they now hold.
 * Returns the event the wire is in.
 */
export async function placeWire(tx: Tx, wireId: string, toEventId: string | null, editorId: string): Promise<string> {
  const wire = await tx.wireStory.findUniqueOrThrow({ where: { id: wireId }, select: { eventId: true, eventTerms: true, createdAt: true } });
  if (toEventId !== null && wire.eventId === toEventId) return toEventId;
  const terms = termsFromJson(wire.eventTerms);
  if (wire.eventId) await leaveEvent(tx, wire.eventId, wireId, terms);
  const placement: EventPlacement = { eventId: toEventId ?? newId(), starts: toEventId === null, terms, offer: true, similarity: 1, automatic: false };
  await placeInEvent(tx, updateEventColumns(wireId, eventColumns(placement, editorId)), placement, wire.createdAt);
  return placement.eventId;
}

function updateEventColumns(wireId: string, columns: ReturnType<typeof eventColumns>): Prisma.Sql {
  return Prisma.sql`
    UPDATE "WireStory" SET "eventId" = ${columns.eventId}, "eventTerms" = ${columns.eventTerms}::jsonb, "eventPlacedById" = ${columns.eventPlacedById}
    WHERE id = ${wireId}
    RETURNING id, title, "isLatestVersion", "sentenceCount"`;
}

/**
 * Writes a wire into its event, in one statement: `wireStatement` writes the wire's row with the
 * placement's eventColumns (an INSERT of a new wire, or an UPDATE of a stored one) and returns
 * at least its id, title, isLatestVersion and sentenceCount; the event is started (titled by the wire) or joined, the wire's terms are added to its
 * profile, and (with `offer`, when the wire is its item's latest version) the wire is offered to
 * the stories made from the event: it becomes their wire (added by no one), and what it brings
 * shows as proposals, while their revision takes new wires (acceptsNewWires) and it would not
 * take them past the sentences a story can hold (MAX_STORY_SENTENCES). A new wire's row is
 * thus written once, with its event: an update after the insert would write the row, its
 * generated search vector and every index entry a second time.
 *
 * An automatic placement that grows the event to a check size may split it (splitIfTwoEvents),
 * noted in `audit`; an editor's placement never does.
 *
 * Returns the wire's row as `wireStatement` returned it, or null when it wrote none (an insert
 * that met a duplicate), in which case nothing else is written either.
 */
export async function placeInEvent<Row extends { id: string }>(
  tx: Tx,
  wireStatement: Prisma.Sql,
  placement: EventPlacement,
  arrivedAt: Date,
  audit?: Audit,
): Promise<Row | null> {
  const { eventId, starts, terms, offer } = placement;
  const [row] = await tx.$queryRaw<Array<Row & { eventWireCount: number | null }>>`
    WITH wire AS (${wireStatement}),
    event AS (
      INSERT INTO "NewsEvent" (id, title, "representativeWireId", "wireCount", "firstArrival", "lastArrival")
      SELECT ${eventId}, title, id, 1, ${arrivedAt}, ${arrivedAt} FROM wire WHERE ${starts}
    ), profile AS (
      INSERT INTO "NewsEventTerm" ("eventId", term, weight)
      SELECT ${eventId}, t.term, t.weight FROM wire CROSS JOIN unnest(${[...terms.keys()]}::text[], ${[...terms.values()]}::float8[]) AS t(term, weight)
      ON CONFLICT ("eventId", term) DO UPDATE SET weight = "NewsEventTerm".weight + EXCLUDED.weight
    ), joined AS (
      UPDATE "NewsEvent" SET "wireCount" = "wireCount" + 1,
        "lastArrival" = greatest("lastArrival", ${arrivedAt}), "firstArrival" = least("firstArrival", ${arrivedAt})
      WHERE id = ${eventId} AND NOT ${starts} AND EXISTS (SELECT FROM wire)
      RETURNING "wireCount"
    ), offered AS (
      INSERT INTO "StoryWire" ("storyId", "wireStoryId", "addedById")
      SELECT s.id, wire.id, NULL FROM wire JOIN "Story" s ON s."newsEventId" = ${eventId}
      WHERE ${offer} AND wire."isLatestVersion"
        AND (SELECT r.state::text FROM "StoryRevision" r WHERE r."storyId" = s.id ORDER BY r.number DESC LIMIT 1) = ANY(${OPEN_STATES}::text[])
        -- A story holds no more sentences than it could be consolidated from (addWiresToStory):
        -- a wire that would take it past that is not offered; an editor can build a story from it.
        AND wire."sentenceCount" + (SELECT coalesce(sum(w."sentenceCount"), 0) FROM "StoryWire" sw JOIN "WireStory" w ON w.id = sw."wireStoryId" WHERE sw."storyId" = s.id) <= ${MAX_STORY_SENTENCES}
      ON CONFLICT DO NOTHING
    )
    SELECT wire.*, (SELECT "wireCount" FROM joined) AS "eventWireCount" FROM wire`;
  if (!row) return null;
  const { eventWireCount, ...wire } = row;
  const count = eventWireCount === null ? null : Number(eventWireCount);
  const checks = placement.automatic && count !== null && isSplitCheckSize(count);
  if (checks || (count !== null && titleNeedsRefresh(count))) {
    // One read of the event's wires serves the check and, when it does not split, the title.
    const event = await readEvent(tx, eventId, placement.statsAtCheck);
    const split = checks ? await splitIfTwoEvents(tx, event) : false;
    if (split) audit?.(split);
    else if (titleNeedsRefresh(count!)) await retitle(tx, event);
  }
  return wire as unknown as Row;
}

interface EventMember extends SplitMember {
  title: string;
  arrivedAt: Date;
  byEditor: boolean;
}

/** An event as its split check and its title need it: its wires in order of arrival, and the counts of their terms. */
interface EventRead {
  id: string;
  title: string;
  representativeWireId: string | null;
  members: EventMember[];
  stats: TermStats;
}

/**
 * Reads an event's wires and (unless `stats` has them, read with the scoring) the counts of its
 * terms, in one statement.
 */
async function readEvent(tx: Tx, eventId: string, stats?: TermStats): Promise<EventRead> {
  // Arrival times as milliseconds since the epoch: JSON renders a timestamp without its zone.
  const [event] = await tx.$queryRaw<
    Array<{
      members: Array<{ id: string; group: string; title: string; terms: Prisma.JsonValue; byEditor: boolean; arrivedAtMs: number }>;
      frequencies: Record<string, number> | null;
      wires: number | null;
      title: string | null;
      representativeWireId: string | null;
    }>
  >`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', w.id, 'group', w."itemKey", 'title', w.title, 'terms', w."eventTerms", 'byEditor', w."eventPlacedById" IS NOT NULL, 'arrivedAtMs', extract(epoch FROM w."createdAt") * 1000) ORDER BY w."createdAt", w.id), '[]')
        FROM "WireStory" w WHERE w."eventId" = ${eventId}) AS members,
      (SELECT coalesce(json_object_agg(t.term, coalesce((SELECT f.wires FROM "EventTermFrequency" f WHERE f.term = t.term), 0)), '{}')
        FROM "NewsEventTerm" t WHERE t."eventId" = ${eventId} AND ${!stats}) AS frequencies,
      (SELECT wires FROM "EventTermFrequency" WHERE term = ${WIRE_COUNT_ROW} AND ${!stats}) AS wires,
      (SELECT title FROM "NewsEvent" WHERE id = ${eventId}) AS title,
      (SELECT "representativeWireId" FROM "NewsEvent" WHERE id = ${eventId}) AS "representativeWireId"`;
  const members = event!.members.map((m) => ({
    wireId: m.id,
    group: m.group,
    title: m.title,
    terms: termsFromJson(m.terms),
    arrivedAt: new Date(Number(m.arrivedAtMs)),
    byEditor: m.byEditor,
  }));
  return {
    id: eventId,
    title: event!.title ?? "",
    representativeWireId: event!.representativeWireId,
    members,
    stats: stats ?? statsOf(event!.wires ?? 1, new Map(Object.entries(event!.frequencies ?? {}))),
  };
}

/** The wire that best stands for these wires (domain representativeWire), with their summed terms. */
function representativeOf(members: readonly EventMember[], stats: TermStats): { representative: EventMember; termSums: TermCounts } {
  const termSums: TermCounts = new Map();
  for (const m of members) addTerms(termSums, m.terms, 1);
  const id = representativeWire(members.map((m) => ({ id: m.wireId, terms: m.terms })), termSums, stats, PARAMS);
  return { representative: members.find((m) => m.wireId === id) ?? members[0]!, termSums };
}

/** Titles the event by the headline (or title) of the wire that best stands for it. */
async function retitle(tx: Tx, event: EventRead): Promise<void> {
  if (event.members.length === 0) return;
  const { representative } = representativeOf(event.members, event.stats);
  if (representative.wireId === event.representativeWireId && representative.title === event.title) return;
  await tx.newsEvent.update({ where: { id: event.id }, data: { title: representative.title, representativeWireId: representative.wireId } });
}

/**
 * Splits an event in two when its wires report two events (domain splitOff), and returns the
 * audit entry that says so ("The system split 3 wires off the event …"). It leaves the event as
 * it is when an editor placed any of its wires (the editor has decided what it holds), and when
 * a wire that would move is locked by an editor's correction in progress: it does not wait for
 * it, holding the events lock (the correction waits for that lock: a deadlock), and the event is
 * checked again as it grows. The wires that move stay in the stories made from the event, whose
 * new wires are then those of the part that kept it (the part with its earliest wire).
 */
async function splitIfTwoEvents(tx: Tx, event: EventRead): Promise<AuditEntry | false> {
  const { id: eventId, members, stats } = event;
  if (members.some((m) => m.byEditor)) return false;
  const leaving = splitOff(members, stats, PARAMS);
  if (!leaving) return false;
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "WireStory" WHERE id = ANY(${leaving}::text[]) AND "eventId" = ${eventId} ORDER BY id FOR UPDATE SKIP LOCKED`;
  if (locked.length < leaving.length) return false;

  // Everything the two parts need is in hand (an event's profile is the sum of its wires' terms),
  // so the split writes in one statement.
  const moving = new Set(leaving);
  const part = (going: boolean) => {
    const wires = members.filter((m) => moving.has(m.wireId) === going);
    return { ...representativeOf(wires, stats), first: wires[0]!.arrivedAt, last: wires[wires.length - 1]!.arrivedAt };
  };
  const staying = part(false);
  const going = part(true);
  // A term none of the staying wires has leaves the event's profile (and its index) with them.
  const gone = [...going.termSums.keys()].filter((term) => !staying.termSums.has(term));
  const lessened = [...going.termSums].filter(([term]) => staying.termSums.has(term));
  const newEventId = newId();
  await tx.$executeRaw`
    WITH new_event AS (
      INSERT INTO "NewsEvent" (id, title, "representativeWireId", "wireCount", "firstArrival", "lastArrival")
      VALUES (${newEventId}, ${going.representative.title}, ${going.representative.wireId}, ${leaving.length}, ${going.first}, ${going.last})
    ), moved AS (
      UPDATE "WireStory" SET "eventId" = ${newEventId} WHERE id = ANY(${leaving}::text[])
    ), new_profile AS (
      INSERT INTO "NewsEventTerm" ("eventId", term, weight)
      SELECT ${newEventId}, term, weight FROM unnest(${[...going.termSums.keys()]}::text[], ${[...going.termSums.values()]}::float8[]) AS t(term, weight)
    ), lessened AS (
      INSERT INTO "NewsEventTerm" ("eventId", term, weight)
      SELECT ${eventId}, term, -weight FROM unnest(${lessened.map(([term]) => term)}::text[], ${lessened.map(([, weight]) => weight)}::float8[]) AS t(term, weight)
      ON CONFLICT ("eventId", term) DO UPDATE SET weight = "NewsEventTerm".weight + EXCLUDED.weight
    ), gone AS (
      DELETE FROM "NewsEventTerm" WHERE "eventId" = ${eventId} AND term = ANY(${gone}::text[])
    ), kept AS (
      UPDATE "NewsEvent" SET "wireCount" = "wireCount" - ${leaving.length}, "firstArrival" = ${staying.first}, "lastArrival" = ${staying.last},
        title = ${staying.representative.title}, "representativeWireId" = ${staying.representative.wireId}
      WHERE id = ${eventId}
    )
    -- Who had seen the event has seen the wires that leave it.
    INSERT INTO "NewsEventView" ("userId", "eventId", "seenAt") SELECT "userId", ${newEventId}, "seenAt" FROM "NewsEventView" WHERE "eventId" = ${eventId}`;
  return { action: "event.split", subjectType: "NewsEvent", subjectId: eventId, data: { fromTitle: event.title, newEventId, wireStoryIds: leaving, automatic: true } };
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

function statsOf(wires: number, frequencies: ReadonlyMap<string, number>): TermStats {
  return { wires, documentFrequency: (term) => frequencies.get(term) ?? 0 };
}

/**
 * Takes the events lock and counts the wire in (its terms' document frequencies and the number of
 * wires), in one statement; returns the counts after.
 *
 * The lock is taken by the statement's first step, before it writes a row. Nothing here depends on
 * the statement's snapshot, taken before the lock was: ON CONFLICT DO UPDATE adds to the latest
 * committed count even when the snapshot does not see it. Every later statement of the
 * transaction has a snapshot taken under the lock.
 */
async function lockAndCount(tx: Tx, terms: TermCounts): Promise<TermStats> {
  const rows = await tx.$queryRaw<Array<{ term: string; wires: number }>>`
    WITH events_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtextextended(${EVENTS_LOCK}, 0)))
    INSERT INTO "EventTermFrequency" (term, wires)
    SELECT t.term, 1 FROM events_lock CROSS JOIN unnest(${[WIRE_COUNT_ROW, ...terms.keys()]}::text[]) AS t(term)
    ON CONFLICT (term) DO UPDATE SET wires = "EventTermFrequency".wires + 1
    RETURNING term, wires`;
  const frequencies = new Map(rows.map((row) => [row.term, Number(row.wires)]));
  return statsOf(frequencies.get(WIRE_COUNT_ROW) ?? 1, frequencies);
}

/**
 * The event of an earlier version of the wire's item, if it has one, and the candidate events
 * (domain rankCandidates), found through the term index, in ranked order, each with its
 * similarity to the wire (domain eventSimilarity); in one statement. The dot products and norms
 * are summed by the database over the candidates' profile rows, with each term's IDF from the
 * counts there, so no profile crosses the wire.
 *
 * Every lookup goes through an index by the shape of the query (LATERAL subqueries fenced with
 * OFFSET 0, a scalar subquery per term): the embedded database has no autovacuum, so it never
 * gathers the statistics that would steer the planner away from scanning whole tables, and a
 * plain join there reads every profile row on every assignment (linear in the desk's size).
 */
async function scoredCandidates(
  tx: Tx,
  wire: EventWire,
  terms: TermCounts,
  stats: TermStats,
  now: number,
): Promise<{ itemEventId: string | null; candidates: EventChoice[]; frequenciesAtCheck: Map<string, Map<string, number>> }> {
  const weighed = weighTerms(terms, stats);
  const lookup = weighed.wordNorm === 0 ? new Map<string, number>() : lookupTerms(terms, stats, PARAMS);
  const names = `${NAME_PREFIX}%`;
  const rows = await tx.$queryRaw<
    Array<{
      itemEventId: string | null;
      id: string | null;
      seq: number;
      lastArrival: Date;
      shared: number;
      wordSq: number | null;
      nameSq: number | null;
      wordDot: number | null;
      nameDot: number | null;
      frequencies: Record<string, number> | null;
    }>
  >`
    WITH shared AS (
      SELECT t."eventId", sum(l.weight)::float8 AS shared
      FROM unnest(${[...lookup.keys()]}::text[], ${[...lookup.values()]}::float8[]) AS l(term, weight)
      CROSS JOIN LATERAL (SELECT "eventId" FROM "NewsEventTerm" WHERE term = l.term OFFSET 0) t
      GROUP BY t."eventId"
    ),
    top AS (
      SELECT e.id, e.seq, e."lastArrival", e."wireCount", s.shared
      FROM shared s CROSS JOIN LATERAL (SELECT id, seq, "lastArrival", "wireCount" FROM "NewsEvent" WHERE id = s."eventId" OFFSET 0) e
      WHERE e."lastArrival" >= ${new Date(quietBefore(now, PARAMS))}
      ORDER BY s.shared DESC, e.seq
      LIMIT ${PARAMS.maxCandidates}
    ),
    candidate AS (SELECT * FROM top WHERE shared >= (SELECT max(shared) FROM top) * ${PARAMS.minSharedShare}),
    wire(term, weight) AS (SELECT * FROM unnest(${[...weighed.vector.keys()]}::text[], ${[...weighed.vector.values()]}::float8[])),
    counted AS MATERIALIZED (
      SELECT t."eventId", t.term, t.weight, coalesce((SELECT f.wires FROM "EventTermFrequency" f WHERE f.term = t.term), 0) AS df,
        c."wireCount" + 1 = ANY(${CHECK_SIZES}::int[]) AS "joinChecks"
      FROM candidate c CROSS JOIN LATERAL (SELECT "eventId", term, weight FROM "NewsEventTerm" WHERE "eventId" = c.id OFFSET 0) t
    ),
    profile AS (
      SELECT "eventId", term, "joinChecks", df, weight * (ln((${stats.wires} + 1)::float8 / (df + 1)) + 1) AS w FROM counted
    ),
    sums AS (
      SELECT p."eventId",
        sum(p.w * p.w) FILTER (WHERE p.term NOT LIKE ${names}) AS "wordSq",
        sum(p.w * p.w) FILTER (WHERE p.term LIKE ${names}) AS "nameSq",
        sum(p.w * wire.weight) FILTER (WHERE p.term NOT LIKE ${names}) AS "wordDot",
        sum(p.w * wire.weight) FILTER (WHERE p.term LIKE ${names}) AS "nameDot",
        json_object_agg(p.term, p.df) FILTER (WHERE p."joinChecks") AS frequencies
      FROM profile p LEFT JOIN wire ON wire.term = p.term
      GROUP BY p."eventId"
    ),
    item AS (
      SELECT (
        SELECT "eventId" FROM "WireStory" WHERE "itemKey" = ${wire.itemKey} AND id <> ${wire.id} AND "eventId" IS NOT NULL
        ORDER BY version DESC LIMIT 1
      ) AS "itemEventId"
    )
    SELECT item."itemEventId", c.id, c.seq, c."lastArrival", c.shared, s."wordSq", s."nameSq", s."wordDot", s."nameDot", s.frequencies
    FROM item LEFT JOIN (candidate c LEFT JOIN sums s ON s."eventId" = c.id) ON true`;
  const itemEventId = rows[0]?.itemEventId ?? null;
  const found = rows.filter((row): row is (typeof rows)[number] & { id: string } => row.id !== null);
  const candidates = rankCandidates(found, PARAMS).map((row) => {
    const parts: CosineParts = {
      wordDot: row.wordDot ?? 0,
      nameDot: row.nameDot ?? 0,
      wire: { wordNorm: weighed.wordNorm, nameNorm: weighed.nameNorm },
      event: { wordNorm: Math.sqrt(row.wordSq ?? 0), nameNorm: Math.sqrt(row.nameSq ?? 0) },
    };
    return { eventId: row.id, similarity: eventSimilarity(parts, row.lastArrival.getTime(), now, PARAMS) };
  });
  const frequenciesAtCheck = new Map(
    found.filter((row) => row.frequencies).map((row) => [row.id, new Map(Object.entries(row.frequencies!).map(([term, wires]) => [term, Number(wires)]))]),
  );
  return { itemEventId, candidates, frequenciesAtCheck };
}

/**
 * An event's title settles as it grows: its first wire's, then recomputed each time its wire
 * count doubles from four (of two or three reports any stands for the event), and every
 * TITLE_REFRESH_EVERY joins once it is large: recomputing it on every join would read every
 * member's terms each time.
 */
function titleNeedsRefresh(count: number): boolean {
  return count >= 4 && ((count & (count - 1)) === 0 || count % TITLE_REFRESH_EVERY === 0);
}

async function leaveEvent(tx: Tx, eventId: string, wireId: string, terms: TermCounts): Promise<void> {
  await addToProfile(tx, eventId, terms, -1);
  await tx.wireStory.update({ where: { id: wireId }, data: { eventId: null } });
  const left = await tx.wireStory.aggregate({ where: { eventId }, _count: true, _min: { createdAt: true }, _max: { createdAt: true } });
  if (left._count === 0) {
    // A story made from the event keeps its wires; it only stops being offered the event's new ones
    // (a merge points such stories at the event merged into first).
    await tx.newsEvent.delete({ where: { id: eventId } });
    return;
  }
  await tx.newsEvent.update({
    where: { id: eventId },
    data: { wireCount: left._count, firstArrival: left._min.createdAt!, lastArrival: left._max.createdAt! },
  });
  await retitle(tx, await readEvent(tx, eventId));
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

function termsFromJson(value: Prisma.JsonValue | null): TermCounts {
  const terms: TermCounts = new Map();
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [term, weight] of Object.entries(value)) if (typeof weight === "number") terms.set(term, weight);
  }
  return terms;
}

/**
 * Assigns the wires stored before events existed (eventId null), oldest first, a batch per
 * transaction; the worker runs it at start. Returns how many it assigned.
 */
export async function assignUnassignedWires(batch = 50): Promise<number> {
  let assigned = 0;
  for (;;) {
    const done = await withAudit(
      null,
      async (tx, audit) => {
        // Locked before reading, so two workers starting together do not both assign one wire.
        await lockEvents(tx);
        const wires = await tx.wireStory.findMany({
          where: { eventId: null },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: batch,
          select: { id: true, itemKey: true, headline: true, dateline: true, analysis: true, createdAt: true },
        });
        for (const wire of wires) {
          // The sentences as parsed at import, as import assigns them.
          const sentences = storedBody(wire.analysis).sentences.map((sentence) => sentence.text);
          await assignEvent(tx, { id: wire.id, itemKey: wire.itemKey, headline: wire.headline, dateline: wire.dateline, sentences, arrivedAt: wire.createdAt }, audit);
        }
        return wires.length;
      },
      { timeout: 120_000 },
    );
    assigned += done;
    if (done < batch) return assigned;
  }
}
