import "server-only";
import { restoreRemovedRanges, type WireBody } from "@/lib/domain/wire/restore";
import type { Sentence } from "@/lib/domain/text";
import type { TWireFilters } from "@/lib/schemas/filters";
import { ZWireBody } from "@/lib/schemas/wires";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";

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

const LIST_LIMIT = 200;

/** The wire inbox: newest first, or by relevance when searching. */
export async function listWireStories(filters: TWireFilters) {
  const where: Prisma.WireStoryWhereInput = {};
  if (filters.agency) where.agency = filters.agency === "(unknown)" ? null : filters.agency;
  if (filters.from || filters.to) {
    where.storyDate = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
      ...(filters.to ? { lte: new Date(`${filters.to}T00:00:00Z`) } : {}),
    };
  }
  let rankedIds: string[] | null = null;
  if (filters.q) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "WireStory"
      WHERE to_tsvector('english', "searchText") @@ websearch_to_tsquery('english', ${filters.q})
      ORDER BY ts_rank(to_tsvector('english', "searchText"), websearch_to_tsquery('english', ${filters.q})) DESC, "createdAt" DESC
      LIMIT ${LIST_LIMIT}`;
    rankedIds = rows.map((row) => row.id);
    where.id = { in: rankedIds };
  }
  const stories = await db.wireStory.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
    select: {
      id: true,
      headline: true,
      agency: true,
      dateline: true,
      storyDate: true,
      bodyLength: true,
      sentenceCount: true,
      format: true,
      feed: true,
      createdAt: true,
      previousVersionId: true,
      importedBy: { select: { name: true } },
      apiKey: { select: { name: true } },
    },
  });
  if (rankedIds) {
    const order = new Map(rankedIds.map((id, index) => [id, index]));
    stories.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }
  return stories;
}
export type WireListItem = Awaited<ReturnType<typeof listWireStories>>[number];

export async function listAgencies(): Promise<string[]> {
  const rows = await db.wireStory.findMany({ distinct: ["agency"], select: { agency: true }, orderBy: { agency: "asc" } });
  return rows.map((row) => row.agency ?? "(unknown)");
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
      agency: true,
      dateline: true,
      storyDate: true,
      byline: true,
      language: true,
      externalId: true,
      externalVersion: true,
      analysis: true,
      restoredStarts: true,
      createdAt: true,
      previousVersionId: true,
      nextVersion: { select: { id: true } },
      importedBy: { select: { name: true } },
      apiKey: { select: { name: true } },
    },
  });
  if (!story) return null;
  const original = storedBody(story.analysis);
  return { ...story, original, body: effectiveBody(story) };
}
export type WireStoryDetail = NonNullable<Awaited<ReturnType<typeof getWireStory>>>;
