import "server-only";
import { isoDay } from "@/lib/domain/dates";
import { citeSources } from "@/lib/domain/story/citations";
import { publicDocument } from "@/lib/domain/story/public";
import type { WireSourceInfo } from "@/lib/domain/story/types";
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
      wires: { select: { wireStory: { select: { id: true, agency: true, headline: true, storyDate: true } } } },
    },
  });
  if (!story?.liveRevisionId) return null;
  const live = story.revisions.find((revision) => revision.id === story.liveRevisionId);
  if (!live?.publishedAt) return null;
  // Readers get the public document only, so no page or export can show what the newsroom keeps to itself.
  const document = publicDocument(await db.$transaction((tx) => loadDocument(tx, live.id)));
  const sources: WireSourceInfo[] = story.wires.map(({ wireStory }) => ({
    id: wireStory.id,
    agency: wireStory.agency,
    headline: wireStory.headline,
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

export function listPublishedStories(limit = 50) {
  return db.story.findMany({
    where: { liveRevisionId: { not: null } },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { slug: true, updatedAt: true, liveRevision: { select: { headline: true, standfirst: true, publishedAt: true } } },
  });
}
