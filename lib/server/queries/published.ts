import "server-only";
import { isoDay } from "@/lib/domain/dates";
import { citeSources } from "@/lib/domain/story/citations";
import { publicDocument } from "@/lib/domain/story/public";
import { storySummary } from "@/lib/domain/story/summary";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TitledWire } from "@/lib/domain/story/sources-list";
import { db } from "../db";
import { loadDocument } from "../stories/document-store";

/** A published story as readers get it: the live revision, its sources and its history. */
export async function publishedStory(slug: string) {
  const story = await db.story.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      liveRevisionId: true,
      revisions: {
        where: { state: "PUBLISHED" },
        orderBy: { number: "asc" },
        select: { id: true, number: true, publishedAt: true, correctionNote: true },
      },
      wires: { select: { wireStory: { select: { id: true, agency: true, headline: true, title: true, storyDate: true } } } },
    },
  });
  if (!story?.liveRevisionId) return null;
  const live = story.revisions.find((revision) => revision.id === story.liveRevisionId);
  if (!live?.publishedAt) return null;
  // Readers get the public document only, so no page or export can show what the newsroom keeps to itself.
  const document = publicDocument(await db.$transaction((tx) => loadDocument(tx, live.id)));
  const sources: TitledWire[] = story.wires.map(({ wireStory }) => ({
    id: wireStory.id,
    agency: wireStory.agency,
    headline: wireStory.headline,
    title: wireStory.title,
    date: isoDay(wireStory.storyDate),
  }));
  const firstPublishedAt = story.revisions[0]?.publishedAt ?? live.publishedAt;
  return { slug: story.slug, live, document, sources, citations: citeSources(document, sources), history: story.revisions, firstPublishedAt };
}
export type PublishedStory = NonNullable<Awaited<ReturnType<typeof publishedStory>>>;

/** Where a published story's ninjs lives (the public page is `/p/<slug>`). */
export function publishedNinjsPath(slug: string): string {
  return `/api/v1/published/${encodeURIComponent(slug)}`;
}

/** Whether `slug` names a story readers can see now. */
export async function isPublishedSlug(slug: string): Promise<boolean> {
  return (await db.story.count({ where: { slug, liveRevisionId: { not: null } } })) > 0;
}

/**
 * The newest published stories for the feed: each with its live revision, when it was first
 * published, and its summary (the standfirst, or the lede's opening when the standfirst is empty).
 */
export async function listPublishedStories(limit = 50) {
  const stories = await db.story.findMany({
    where: { liveRevisionId: { not: null } },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: {
      id: true,
      slug: true,
      updatedAt: true,
      liveRevision: { select: { id: true, headline: true, standfirst: true, publishedAt: true, correctionNote: true } },
      revisions: { where: { publishedAt: { not: null } }, orderBy: { publishedAt: "asc" }, take: 1, select: { publishedAt: true } },
    },
  });
  const ledes = await ledeFacts(stories.flatMap((story) => (story.liveRevision && !story.liveRevision.standfirst.trim() ? [story.liveRevision.id] : [])));
  return stories.flatMap(({ liveRevision, revisions, ...story }) => {
    if (!liveRevision?.publishedAt) return [];
    const summary = storySummary({ standfirst: liveRevision.standfirst, paragraphs: [{ facts: ledes.get(liveRevision.id) ?? [] }] });
    return [{ ...story, headline: liveRevision.headline, summary, publishedAt: liveRevision.publishedAt, firstPublishedAt: revisions[0]?.publishedAt ?? liveRevision.publishedAt, correctionNote: liveRevision.correctionNote }];
  });
}

/** The facts of each revision's first paragraph, in order. */
async function ledeFacts(revisionIds: string[]): Promise<Map<string, { text: string }[]>> {
  if (revisionIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ revisionId: string; text: string }[]>`
    SELECT f."revisionId", f.text
    FROM "RevisionFact" f
    JOIN (
      SELECT DISTINCT ON ("revisionId") "revisionId", "paragraphId"
      FROM "RevisionParagraph" WHERE "revisionId" IN (${Prisma.join(revisionIds)})
      ORDER BY "revisionId", position
    ) first ON first."revisionId" = f."revisionId" AND first."paragraphId" = f."paragraphId"
    ORDER BY f."revisionId", f.position`;
  const ledes = new Map<string, { text: string }[]>();
  for (const row of rows) ledes.set(row.revisionId, [...(ledes.get(row.revisionId) ?? []), { text: row.text }]);
  return ledes;
}
