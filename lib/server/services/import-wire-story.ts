import "server-only";
import type { ImportResult } from "@/lib/schemas/results";
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { AppError } from "@/lib/domain/errors";
import { contentItemKey, dedupeText, parseWire, wireItemIdentity, wireTitle, type ParsedWire } from "@/lib/domain/wire";
import type { WireBody } from "@/lib/domain/wire/restore";
import { detectSignals, withdrawsEarlierVersions, type WireSignals } from "@/lib/domain/wire/signals";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "../auth";
import { withAudit } from "../audit";
import { assertCan } from "../authorize";
import { db } from "../db";
import { newId } from "../ids";
import { chooseEvent, eventColumns, placeInEvent } from "../events/event-store";
import { notifySourceWithdrawn } from "../notifications";
import { searchTextOf } from "../queries/wires";

export interface WireUpload {
  bytes?: Uint8Array;
  text?: string;
  contentType?: string;
  filename?: string;
  /** The feed that sent it (X-Wire-Source). */
  feed?: string;
}

export type ImportSource = { kind: "user"; user: CurrentUser } | { kind: "api-key"; apiKeyId: string } | { kind: "channel"; channelId: string };

export interface ImportWireStoryOptions {
  source: ImportSource;
  upload: WireUpload;
  /** Filled in when given: how long the event assignment took, the row's insert with its event included (npm run bench:ingest reads it). */
  timings?: { eventAssignmentMs?: number };
}


/**
 * Imports one wire story: parsed and cleaned by lib/domain/wire, stored with its original
 * verbatim. The same content twice is one story (200, not 201). Different content under the
 * identity of a stored wire item (lib/domain/wire wireItemIdentity: its guid, or for text an
 * agency's headline and dateline) is stored as that item's next version, and becomes the one the
 * inbox lists; an older stated version with different content is refused (versions only move
 * forward). Bad input throws an AppError and stores nothing.
 *
 * Everything costly (parsing, hashing, serialising the analysis) happens before the database is
 * touched, and the transaction takes as few statements as it can: each is a round trip, a costly
 * one on the embedded database. The version is assigned in the transaction that stores the story,
 * under a lock on the item's key: two new versions of one item arriving together are numbered one
 * after the other, and exactly one of them is the latest. The unique (itemKey, version) index
 * backs that up. The same transaction assigns the wire to the event it reports
 * (lib/server/events/event-store.ts), so no stored wire is without one: the event is chosen
 * first, and the row is inserted with it, in the statement that joins or starts the event.
 */
export async function importWireStory({ source, upload, timings }: ImportWireStoryOptions): Promise<ImportResult> {
  if (source.kind === "user") assertCan(source.user, "wire.import");
  const parsed = parseWire(upload);
  const signals = detectSignals(parsed.format, parsed.original);
  // A kill or a correction notice may repeat the body word for word: what it signals is part of
  // what makes it new, or it would be dropped as a duplicate of the version it withdraws.
  const signalled = signals.kind ? `\n#${signals.kind}` : "";
  const hash = createHash("sha256").update(dedupeText(parsed) + signalled, "utf8").digest("hex");
  // A channel is the feed that sent the file: its file names identify items as a named feed's do.
  const identity = wireItemIdentity(parsed, { feed: source.kind === "channel" ? `channel:${source.channelId}` : upload.feed, filename: upload.filename });
  const itemKey = identity.key ?? contentItemKey(hash);
  const fields = {
    ...storedFields(parsed, hash, upload),
    ...storedSignals(signals),
    itemKey,
    importedById: source.kind === "user" ? source.user.id : null,
    apiKeyId: source.kind === "api-key" ? source.apiKeyId : null,
    channelId: source.kind === "channel" ? source.channelId : null,
  };

  const arrivedAt = new Date(fields.createdAt);
  try {
    // The import records nothing itself; what it notes (an event it split) the system did.
    return await withAudit(
      null,
      async (tx, audit) => {
        // In a statement of its own: the next one's snapshot must see what the lock's last holder committed.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${itemKey}, 0))`;
        const stored = await storedVersions(tx, hash, itemKey);
        if (stored.duplicate) return { story: stored.duplicate, outcome: "duplicate" as const };
        const version = nextVersion(itemKey, stored.latest, identity.statedVersion);
        const started = performance.now();
        const placement = await chooseEvent(tx, { id: fields.id, itemKey, headline: parsed.headline, dateline: parsed.dateline, sentences: parsed.sentences.map((s) => s.text), arrivedAt });
        const row = { ...fields, version, ...eventColumns(placement, null) };
        const inserted = await placeInEvent<ResultRow>(tx, insertStatement(row), placement, arrivedAt, audit);
        if (timings) timings.eventAssignmentMs = performance.now() - started;
        // Another import of the same content under another item key committed first; the counts
        // this one added go back with the transaction.
        if (!inserted) throw new ContentStoredMeanwhile();
        const story = resultStory(inserted);
        const { latest } = stored;
        if (latest) {
          await tx.wireStory.update({ where: { id: latest.id }, data: { isLatestVersion: false } });
          if (withdrawsEarlierVersions(signals.kind, signals.status)) await notifySourceWithdrawn(tx, { itemKey, version: story.version, kind: signals.kind ?? signals.status, agency: story.agency });
        }
        return { story, outcome: latest ? ("new-version" as const) : ("created" as const) };
      },
      // A 2 MB story's row is written inside; the lock is held only by imports of the same item.
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof ContentStoredMeanwhile)) throw error;
    // Two imports of the same content racing: the loser answers with the winner's story.
    const winner = await findByHash(hash);
    if (!winner) throw new Error("A wire story with this content hash was neither inserted nor found.");
    return { outcome: "duplicate", story: winner };
  }
}

class ContentStoredMeanwhile extends Error {}

const RESULT_COLUMNS = { id: true, headline: true, title: true, agency: true, sentenceCount: true, version: true } as const;
type ResultRow = { id: string; headline: string | null; title: string; agency: string | null; sentenceCount: number; version: number };

function resultStory(row: ResultRow): ImportResult["story"] {
  return { id: row.id, headline: row.headline, title: row.title, agency: row.agency, sentences: row.sentenceCount, version: row.version };
}

async function findByHash(hash: string) {
  const story = await db.wireStory.findUnique({ where: { contentHash: hash }, select: RESULT_COLUMNS });
  return story && resultStory(story);
}

/**
 * Every column of a new WireStory row, typed from the schema so that a new column cannot be
 * forgotten here. The row goes in by a raw INSERT with the analysis as one JSON text: a 2 MB
 * story's analysis is a 6 MB object, on which an ORM create spent seconds of Prisma's query
 * compiler, with the event loop blocked, before the database saw anything.
 */
type WireStoryRow = Required<
  Omit<Prisma.WireStoryUncheckedCreateInput, "analysis" | "originalBytes" | "storyDate" | "createdAt" | "restoredStarts" | "storyWires" | "factSources" | "isLatestVersion" | "eventTerms">
> & { analysis: string; originalBytes: Uint8Array; storyDate: string | null; createdAt: string; eventTerms: string };

const CASTS: Partial<Record<keyof WireStoryRow, string>> = { analysis: "jsonb", eventTerms: "jsonb", storyDate: "date", createdAt: "timestamp(3)" };

function storedSignals(signals: WireSignals) {
  return { pubStatus: signals.status, versionKind: signals.kind, signalNote: signals.note?.slice(0, 500) ?? null };
}

function storedFields(parsed: ParsedWire, hash: string, upload: WireUpload) {
  const body: WireBody = { paragraphs: parsed.paragraphs, removed: parsed.removed, sentences: parsed.sentences };
  return {
    id: newId(),
    format: parsed.format,
    contentType: upload.contentType ?? null,
    filename: upload.filename ?? null,
    feed: upload.feed?.trim().slice(0, 200) || null,
    originalBytes: upload.bytes ?? new TextEncoder().encode(parsed.original),
    originalText: parsed.original,
    text: parsed.text,
    headline: parsed.headline,
    title: wireTitle(parsed),
    agency: parsed.agency,
    dateline: parsed.dateline,
    storyDate: parsed.date,
    byline: parsed.byline,
    language: parsed.language,
    externalId: parsed.externalId,
    externalVersion: parsed.externalVersion,
    contentHash: hash,
    analysis: JSON.stringify(body),
    sentenceCount: parsed.sentences.length,
    bodyLength: parsed.sentences.reduce((sum, sentence) => sum + sentence.text.length, 0),
    searchText: searchTextOf(parsed.headline, parsed.sentences),
    createdAt: new Date().toISOString(),
  } satisfies Partial<WireStoryRow>;
}

/**
 * What decides the new version, read under the item's lock (so no version of the item arrives in
 * between), in one statement: the story with the same content, when there is one (a duplicate:
 * nothing is written), and the item's latest version, whose row is locked here: the import marks it
 * superseded later, and wire rows are locked before the events lock, the order editors' corrections
 * take them in (correct-events.ts); the other order deadlocks with a move of the item's wire.
 */
async function storedVersions(tx: Prisma.TransactionClient, contentHash: string, itemKey: string) {
  const rows = await tx.$queryRaw<Array<ResultRow & { kind: "duplicate" | "latest" }>>`
    WITH latest AS (
      SELECT "id", "headline", "title", "agency", "sentenceCount", "version" FROM "WireStory" WHERE "itemKey" = ${itemKey} AND "isLatestVersion" LIMIT 1
      FOR UPDATE
    )
    SELECT 'duplicate' AS kind, "id", "headline", "title", "agency", "sentenceCount", "version" FROM "WireStory" WHERE "contentHash" = ${contentHash}
    UNION ALL
    SELECT 'latest', * FROM latest`;
  const duplicate = rows.find((r) => r.kind === "duplicate");
  return { duplicate: duplicate ? resultStory(duplicate) : null, latest: rows.find((r) => r.kind === "latest") ?? null };
}

/**
 * The new version's number: the one its format states, else the one after the latest. A stated
 * version not newer than the latest, with other content, is refused: versions only move forward.
 */
function nextVersion(itemKey: string, latest: ResultRow | null, statedVersion: number | null): number {
  if (statedVersion === null) return (latest?.version ?? 0) + 1;
  if (latest && statedVersion <= latest.version) {
    throw new AppError("CONFLICT", `Version ${statedVersion} of ${itemKey} is not newer than the stored version ${latest.version}, and its content differs.`, {
      itemKey,
      version: statedVersion,
      latestVersion: latest.version,
    });
  }
  return statedVersion;
}

/**
 * The INSERT of the new row, its event columns included (placeInEvent writes it with its event);
 * it writes nothing when an import of the same content committed first.
 */
function insertStatement(row: WireStoryRow): Prisma.Sql {
  const columns = Object.keys(row) as (keyof WireStoryRow)[];
  const values = columns.map((column) => {
    const cast = CASTS[column];
    return cast ? Prisma.sql`${row[column]}::${Prisma.raw(cast)}` : Prisma.sql`${row[column]}`;
  });
  return Prisma.sql`
    INSERT INTO "WireStory" (${Prisma.join(columns.map((column) => Prisma.raw(`"${column}"`)))})
    VALUES (${Prisma.join(values)})
    ON CONFLICT ("contentHash") DO NOTHING
    RETURNING "id", "headline", "title", "agency", "sentenceCount", "version", "isLatestVersion"`;
}
