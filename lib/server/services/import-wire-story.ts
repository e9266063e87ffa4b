import "server-only";
import type { ImportResult } from "@/lib/schemas/results";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import { dedupeText, parseWire, type ParsedWire } from "@/lib/domain/wire";
import type { WireBody } from "@/lib/domain/wire/restore";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";
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
}


/**
 * Imports one wire story: parsed and cleaned by lib/domain/wire, stored with its original
 * verbatim. The same content twice is one story (200, not 201); a higher version of a story
 * the format identifies (ninjs uri, NewsML guid) is stored as a new version linked to the old.
 * Bad input throws an AppError and stores nothing.
 *
 * Everything costly (parsing, hashing, serialising the analysis) happens before the database
 * is touched, and the story is written by one INSERT: stored whole or not at all, with no
 * interactive transaction to outlive its timeout on a 2 MB story. The version lookup needs no
 * transaction around it: previousVersionId is unique, so two racing new versions of one story
 * cannot both link to it.
 */
export async function importWireStory({ source, upload }: ImportWireStoryOptions): Promise<ImportResult> {
  if (source.kind === "user") assertCan(source.user, "wire.import");
  const parsed = parseWire(upload);
  const hash = createHash("sha256").update(dedupeText(parsed), "utf8").digest("hex");
  const fields = storedFields(parsed, hash, upload);

  const existing = await findByHash(hash);
  if (existing) return { outcome: "duplicate", story: existing };

  const previous = await latestVersionOf(parsed);
  const story = await insertWireStory({
    ...fields,
    previousVersionId: previous?.id ?? null,
    importedById: source.kind === "user" ? source.user.id : null,
    apiKeyId: source.kind === "api-key" ? source.apiKeyId : null,
    channelId: source.kind === "channel" ? source.channelId : null,
  });
  if (story) return { outcome: previous ? "new-version" : "created", story };
  // Two imports of the same content racing: the loser answers with the winner's story.
  const winner = await findByHash(hash);
  if (!winner) throw new Error("A wire story with this content hash was neither inserted nor found.");
  return { outcome: "duplicate", story: winner };
}

async function findByHash(hash: string) {
  const story = await db.wireStory.findUnique({
    where: { contentHash: hash },
    select: { id: true, headline: true, agency: true, sentenceCount: true },
  });
  return story && { id: story.id, headline: story.headline, agency: story.agency, sentences: story.sentenceCount };
}

/**
 * The latest stored version of the same story, when this one is a newer version of it. An
 * equal or older version with different content is refused: versions only move forward.
 */
async function latestVersionOf(parsed: ParsedWire) {
  if (!parsed.externalId) return null;
  const latest = await db.wireStory.findFirst({
    where: { externalId: parsed.externalId, nextVersion: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, externalVersion: true },
  });
  if (!latest) return null;
  if (parsed.externalVersion !== null && latest.externalVersion !== null && parsed.externalVersion <= latest.externalVersion) {
    throw new AppError(
      "CONFLICT",
      `Version ${parsed.externalVersion} of ${parsed.externalId} is not newer than the stored version ${latest.externalVersion}, and its content differs.`,
    );
  }
  return latest;
}

/**
 * Every column of a new WireStory row, typed from the schema so that a new column cannot be
 * forgotten here. The row goes in by a raw INSERT with the analysis as one JSON text: a 2 MB
 * story's analysis is a 6 MB object, on which an ORM create spent seconds of Prisma's query
 * compiler, with the event loop blocked, before the database saw anything.
 */
type WireStoryRow = Required<
  Omit<Prisma.WireStoryUncheckedCreateInput, "analysis" | "originalBytes" | "storyDate" | "createdAt" | "restoredStarts" | "nextVersion" | "storyWires" | "factSources">
> & { analysis: string; originalBytes: Uint8Array; storyDate: string | null; createdAt: string };

const CASTS: Partial<Record<keyof WireStoryRow, string>> = { analysis: "jsonb", storyDate: "date", createdAt: "timestamp(3)" };

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

/** The stored story, or null when a story with the same content hash already exists. */
async function insertWireStory(row: WireStoryRow): Promise<ImportResult["story"] | null> {
  const columns = Object.keys(row) as (keyof WireStoryRow)[];
  const values = columns.map((column) => {
    const cast = CASTS[column];
    return cast ? Prisma.sql`${row[column]}::${Prisma.raw(cast)}` : Prisma.sql`${row[column]}`;
  });
  const [story] = await db.$queryRaw<{ id: string; headline: string | null; agency: string | null; sentenceCount: number }[]>`
    INSERT INTO "WireStory" (${Prisma.join(columns.map((column) => Prisma.raw(`"${column}"`)))})
    VALUES (${Prisma.join(values)})
    ON CONFLICT ("contentHash") DO NOTHING
    RETURNING "id", "headline", "agency", "sentenceCount"`;
  if (!story) return null;
  return { id: story.id, headline: story.headline, agency: story.agency, sentences: story.sentenceCount };
}

/** Prisma's default ids are cuids; a raw insert makes its own of the same shape (time-ordered, 25 characters). */
let idCounter = 0;
function newId(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  const random = Array.from(randomBytes(12), (byte) => (byte % 36).toString(36)).join("");
  return `c${Date.now().toString(36).padStart(8, "0")}${idCounter.toString(36).padStart(4, "0")}${random}`;
}
