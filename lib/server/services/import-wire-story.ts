import "server-only";
import { AppError } from "@/lib/domain/errors";
import { contentHash, parseWire, type ParsedWire } from "@/lib/domain/wire";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";
import { bodyText } from "../queries/wires";

export interface WireUpload {
  bytes?: Uint8Array;
  text?: string;
  contentType?: string;
  filename?: string;
  /** The feed that sent it (X-Wire-Source). */
  feed?: string;
}

export type ImportSource = { kind: "user"; user: CurrentUser } | { kind: "api-key"; apiKeyId: string };

export interface ImportWireStoryOptions {
  source: ImportSource;
  upload: WireUpload;
}

export type ImportOutcome = "created" | "duplicate" | "new-version";

export interface ImportResult {
  outcome: ImportOutcome;
  story: { id: string; headline: string | null; agency: string | null; sentences: number };
}

/**
 * Imports one wire story: parsed and cleaned by lib/domain/wire, stored with its original
 * verbatim. The same content twice is one story (200, not 201); a higher version of a story
 * the format identifies (ninjs uri, NewsML guid) is stored as a new version linked to the old.
 * Bad input throws an AppError and stores nothing.
 */
export async function importWireStory({ source, upload }: ImportWireStoryOptions): Promise<ImportResult> {
  if (source.kind === "user") assertCan(source.user, "wire.import");
  const parsed = parseWire(upload);
  const hash = contentHash(parsed);

  const existing = await findByHash(hash);
  if (existing) return { outcome: "duplicate", story: existing };

  try {
    return await db.$transaction(async (tx) => {
      const previous = await latestVersionOf(tx, parsed);
      const story = await tx.wireStory.create({
        data: {
          ...storedFields(parsed, hash, upload),
          previousVersionId: previous?.id ?? null,
          importedById: source.kind === "user" ? source.user.id : null,
          apiKeyId: source.kind === "api-key" ? source.apiKeyId : null,
        },
        select: { id: true, headline: true, agency: true, sentenceCount: true },
      });
      return {
        outcome: previous ? ("new-version" as const) : ("created" as const),
        story: { id: story.id, headline: story.headline, agency: story.agency, sentences: story.sentenceCount },
      };
    });
  } catch (error) {
    // Two imports of the same content racing: the loser answers with the winner's story.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findByHash(hash);
      if (winner) return { outcome: "duplicate", story: winner };
    }
    throw error;
  }
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
async function latestVersionOf(tx: Prisma.TransactionClient, parsed: ParsedWire) {
  if (!parsed.externalId) return null;
  const latest = await tx.wireStory.findFirst({
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

function storedFields(parsed: ParsedWire, hash: string, upload: WireUpload) {
  const originalBytes = upload.bytes ?? new TextEncoder().encode(parsed.original);
  const body = { paragraphs: parsed.paragraphs, removed: parsed.removed, sentences: parsed.sentences };
  return {
    format: parsed.format,
    contentType: upload.contentType ?? null,
    filename: upload.filename ?? null,
    feed: upload.feed?.trim().slice(0, 200) || null,
    originalBytes: Buffer.from(originalBytes),
    originalText: parsed.original,
    text: parsed.text,
    headline: parsed.headline,
    agency: parsed.agency,
    dateline: parsed.dateline,
    storyDate: parsed.date ? new Date(`${parsed.date}T00:00:00Z`) : null,
    byline: parsed.byline,
    language: parsed.language,
    externalId: parsed.externalId,
    externalVersion: parsed.externalVersion,
    contentHash: hash,
    analysis: body as unknown as Prisma.InputJsonValue,
    sentenceCount: parsed.sentences.length,
    bodyLength: parsed.sentences.reduce((sum, sentence) => sum + sentence.text.length, 0),
    searchText: [parsed.headline ?? "", bodyText(parsed.sentences)].join("\n"),
  };
}
