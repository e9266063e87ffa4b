import "server-only";
import { diffSentences } from "@/lib/domain/diff/sentences";
import { restoreRemovedRanges, type WireBody } from "@/lib/domain/wire/restore";
import type { Sentence } from "@/lib/domain/text";
import type { TWireFilters } from "@/lib/schemas/filters";
import { ZWireBody, ZWireListItem, type TWireListPage, type TWireListQuery } from "@/lib/schemas/wires";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/domain/errors";
import { db } from "../db";
import { agencyName, UNATTRIBUTED } from "@/lib/domain/story/credit";

/** Who sent a wire story in: a person, an API key or an ingest channel. */
const SENDER = { importedBy: { select: { name: true } }, apiKey: { select: { name: true } }, channel: { select: { name: true } } } as const;

export function bodyText(sentences: readonly Pick<Sentence, "text" | "paragraph">[]): string {
  const paragraphs: string[][] = [];
  for (const sentence of sentences) (paragraphs[sentence.paragraph] ??= []).push(sentence.text);
  return paragraphs.filter(Boolean).map((p) => p.join(" ")).join("\n\n");
}

/**
 * Postgres refuses a tsvector over 1 MB ("string is too long for tsvector"), and the search
 * index takes one of every searchText: a 2 MB story of many distinct words (tables, listings)
 * could not be stored. Worst cases measured at about 3 bytes of tsvector per character, so the
 * headline and the first 100,000 characters of the body (some 15,000 words) are searchable.
 */
export const MAX_SEARCH_TEXT_LENGTH = 100_000;

export function searchTextOf(headline: string | null, sentences: readonly Pick<Sentence, "text" | "paragraph">[]): string {
  const text = [headline ?? "", bodyText(sentences)].join("\n");
  if (text.length <= MAX_SEARCH_TEXT_LENGTH) return text;
  // Cut at a space so no word is searchable by a fragment.
  const cut = text.lastIndexOf(" ", MAX_SEARCH_TEXT_LENGTH);
  return text.slice(0, cut > 0 ? cut : MAX_SEARCH_TEXT_LENGTH);
}

export const WIRE_LIST_PAGE = 200;
/** Search ranks the newest this many matching wires: a wire desk searches what came in lately. */
const SEARCH_WINDOW = 2_000;

/**
 * The wire inbox: one row per wire item, at its latest version; newest first, or by relevance
 * when searching. At most WIRE_LIST_PAGE rows are read, through the (isLatestVersion, createdAt)
 * index, and the version counts only for the items on the page.
 */
export async function listWireStories(filters: TWireFilters, pageSize = WIRE_LIST_PAGE): Promise<{ items: WireListItem[]; nextCursor: string | null }> {
  const where: Prisma.WireStoryWhereInput = { isLatestVersion: true };
  if (filters.agency) where.agency = filters.agency === UNATTRIBUTED ? null : filters.agency;
  if (filters.from || filters.to) {
    where.storyDate = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
      ...(filters.to ? { lte: new Date(`${filters.to}T00:00:00Z`) } : {}),
    };
  }
  let rankedIds: string[] | null = null;
  if (filters.q) {
    // Search results come by rank among the newest SEARCH_WINDOW matches: ranking reads each
    // candidate's vector, so a common word must not rank every wire ever received.
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM (
        SELECT id, "searchVector", "createdAt" FROM "WireStory"
        WHERE "isLatestVersion" AND "searchVector" @@ websearch_to_tsquery('english', ${filters.q})
        ORDER BY "createdAt" DESC
        LIMIT ${SEARCH_WINDOW}
      ) AS recent
      ORDER BY ts_rank("searchVector", websearch_to_tsquery('english', ${filters.q})) DESC, "createdAt" DESC
      LIMIT ${pageSize}`;
    rankedIds = rows.map((row) => row.id);
    where.id = { in: rankedIds };
  } else {
    // The list by arrival is read a page at a time by keyset: (createdAt, id) after the cursor.
    const after = filters.cursor ? readCursor(filters.cursor) : null;
    if (after) where.OR = [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }];
  }
  const stories = await db.wireStory.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      title: true,
      agency: true,
      dateline: true,
      storyDate: true,
      bodyLength: true,
      sentenceCount: true,
      format: true,
      feed: true,
      createdAt: true,
      itemKey: true,
      version: true,
      versionKind: true,
      signalNote: true,
      ...SENDER,
    },
  });
  const more = stories.length > pageSize;
  const page = stories.slice(0, pageSize);
  if (rankedIds) {
    const order = new Map(rankedIds.map((id, index) => [id, index]));
    page.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }
  const counts = await versionCounts(page.map((story) => story.itemKey));
  const last = page[page.length - 1];
  return {
    items: page.map(({ itemKey, ...story }) => ({ ...story, versionCount: counts.get(itemKey) ?? 1 })),
    nextCursor: !rankedIds && more && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
export type WireListItem = Prisma.WireStoryGetPayload<{
  select: { id: true; title: true; agency: true; dateline: true; storyDate: true; bodyLength: true; sentenceCount: true; format: true; feed: true; createdAt: true; version: true; versionKind: true; signalNote: true } & typeof SENDER;
}> & { versionCount: number };

/** How many versions of each of these items are stored (read through the (itemKey, version) index). */
async function versionCounts(itemKeys: string[]): Promise<Map<string, number>> {
  if (itemKeys.length === 0) return new Map();
  const rows = await db.wireStory.groupBy({ by: ["itemKey"], where: { itemKey: { in: itemKeys } }, _count: { _all: true } });
  return new Map(rows.map((row) => [row.itemKey, row._count._all]));
}

/** Who brought a wire story in, in words. */
export function importedByName(story: { importedBy: { name: string } | null; apiKey: { name: string } | null; channel: { name: string } | null }): string {
  if (story.importedBy) return story.importedBy.name;
  if (story.apiKey) return `API key “${story.apiKey.name}”`;
  if (story.channel) return `channel “${story.channel.name}”`;
  return "—";
}

export async function listAgencies(): Promise<string[]> {
  const rows = await db.wireStory.findMany({ distinct: ["agency"], select: { agency: true }, orderBy: { agency: "asc" } });
  // Wires of no agency are listed and filtered under the name every screen gives them.
  return rows.map((row) => agencyName(row.agency));
}

/**
 * The body as parsed at import (stored as JSON by import-wire-story), checked: a row that does
 * not hold one is a fault of ours, not of the request, so it fails as unexpected (500, logged).
 */
export function storedBody(analysis: unknown): WireBody {
  const parsed = ZWireBody.safeParse(analysis);
  if (!parsed.success) throw new Error(`A wire story's stored analysis is not a wire body: ${parsed.error.message}`);
  return parsed.data;
}

/** The stored parse with the editor's restorations applied: what the newsroom works from. */
export function effectiveBody(story: { text: string; analysis: unknown; restoredStarts: number[] }): WireBody {
  return restoreRemovedRanges(story.text, storedBody(story.analysis), story.restoredStarts);
}

export async function getWireStory(id: string) {
  const story = await db.wireStory.findUnique({
    where: { id },
    select: {
      id: true,
      format: true,
      contentType: true,
      filename: true,
      feed: true,
      originalText: true,
      text: true,
      headline: true,
      title: true,
      agency: true,
      dateline: true,
      storyDate: true,
      byline: true,
      language: true,
      externalId: true,
      externalVersion: true,
      itemKey: true,
      version: true,
      isLatestVersion: true,
      analysis: true,
      restoredStarts: true,
      createdAt: true,
      ...SENDER,
    },
  });
  if (!story) return null;
  const [versions, usedBy] = await Promise.all([versionsOf(story.itemKey), storiesUsingWire(db, id)]);
  const original = storedBody(story.analysis);
  return { ...story, original, body: effectiveBody(story), versions, usedBy };
}
export type WireStoryDetail = NonNullable<Awaited<ReturnType<typeof getWireStory>>>;

/**
 * Two versions of one wire item compared sentence by sentence (lib/domain/diff/sentences), older
 * first whichever way they are asked for; null unless both exist and are versions of one item.
 */
export async function compareWireVersions(id: string, otherId: string) {
  const select = { id: true, itemKey: true, version: true, text: true, analysis: true, restoredStarts: true } as const;
  const [one, other] = await Promise.all([db.wireStory.findUnique({ where: { id }, select }), db.wireStory.findUnique({ where: { id: otherId }, select })]);
  if (!one || !other || one.id === other.id || one.itemKey !== other.itemKey) return null;
  const [older, newer] = one.version < other.version ? [one, other] : [other, one];
  const sentences = (wire: typeof one) => effectiveBody(wire).sentences.map((sentence) => sentence.text);
  return { older: { id: older.id, version: older.version }, newer: { id: newer.id, version: newer.version }, rows: diffSentences(sentences(older), sentences(newer)) };
}

/** Versions listed on a wire's page; an item re-sent more often than this shows its latest ones. */
const VERSIONS_SHOWN = 50;

function versionsOf(itemKey: string) {
  return db.wireStory.findMany({
    where: { itemKey },
    orderBy: { version: "desc" },
    take: VERSIONS_SHOWN,
    select: { id: true, version: true, title: true, createdAt: true, sentenceCount: true },
  });
}

/**
 * The stories that use a wire story (built from it, or citing it), each with its latest headline:
 * what keeps the wire from being deleted. Takes a transaction so the delete can ask under its lock.
 */
export async function storiesUsingWire(client: Prisma.TransactionClient, wireStoryId: string) {
  const rows = await client.story.findMany({
    where: { OR: [{ wires: { some: { wireStoryId } } }, { revisions: { some: { facts: { some: { sources: { some: { wireStoryId } } } } } } }] },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { headline: true } } },
  });
  return rows.map((story) => ({ id: story.id, headline: story.revisions[0]?.headline ?? story.slug }));
}

/**
 * A page of wire items for the API: each item's latest version, newest first, read by keyset
 * ((createdAt, id) after the cursor) through the (isLatestVersion, createdAt) index, so a page
 * costs the same however deep it is. Days filter on the story's date, as the inbox does.
 */
export async function listWireItemsPage(query: TWireListQuery): Promise<TWireListPage> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const conditions: Prisma.Sql[] = [Prisma.sql`"isLatestVersion"`];
  if (after) conditions.push(Prisma.sql`("createdAt", id) < (${after.at}::timestamp(3), ${after.id})`);
  if (query.agency) conditions.push(Prisma.sql`agency = ${query.agency}`);
  if (query.from) conditions.push(Prisma.sql`"storyDate" >= ${query.from}::date`);
  if (query.to) conditions.push(Prisma.sql`"storyDate" <= ${query.to}::date`);
  if (query.q) conditions.push(Prisma.sql`"searchVector" @@ websearch_to_tsquery('english', ${query.q})`);
  const rows = await db.$queryRaw<{ id: string; title: string; agency: string | null; version: number; pubStatus: string; createdAt: Date }[]>`
    SELECT id, title, agency, version, "pubStatus", "createdAt" FROM "WireStory"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY "createdAt" DESC, id DESC
    LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ id: row.id, headline: row.title, agency: row.agency, version: row.version, status: ZWireListItem.shape.status.catch("usable").parse(row.pubStatus), receivedAt: row.createdAt.toISOString() })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const after = readCursor(cursor);
  if (!after) throw new AppError("INVALID_INPUT", "cursor: not a cursor this API gave out; start again without it.");
  return { at: after.at.toISOString(), id: after.id };
}

/** A cursor as encodeCursor wrote it, or null for anything else (a bad inbox link shows the first page). */
export function readCursor(cursor: string): { at: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  return at && id && !Number.isNaN(Date.parse(at)) ? { at: new Date(at), id } : null;
}
