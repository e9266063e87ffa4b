/**
 * A published story as the syndication formats (ninjs, NewsML-G2) receive it: one fixture, so
 * both formats are tested on the same story.
 */
import type { NinjsStory } from "@/lib/domain/ninjs/document";
import { citeSources } from "@/lib/domain/story/citations";
import { publicDocument } from "@/lib/domain/story/public";
import type { StoryDocument, WireSourceInfo } from "@/lib/domain/story/types";

export const PUBLISHED_ORIGIN = "https://news.example";

/** An AP wire with headline and date, an AFP wire without, and a wire of no known agency. */
export const PUBLISHED_WIRES: WireSourceInfo[] = [
  { id: "ap", agency: "AP", headline: "Kim arrives in Russia", date: "2023-09-12" },
  { id: "afp", agency: "AFP", headline: null, date: null },
  { id: "anon", agency: null, headline: "Untitled", date: null },
];

/** `doc` published as "kim-arrives", version 2, with a correction note, citing `wires`. */
export function publishedStoryOf(doc: StoryDocument, overrides: Partial<NinjsStory> = {}, wires: WireSourceInfo[] = PUBLISHED_WIRES): NinjsStory {
  const document = publicDocument(doc);
  return {
    slug: "kim-arrives",
    revisionNumber: 2,
    firstPublishedAt: new Date("2026-12-01T10:00:00Z"),
    publishedAt: new Date("2026-12-02T11:30:00Z"),
    correctionNote: "An earlier version misstated the train's route.",
    document,
    citations: citeSources(document, wires),
    ...overrides,
  };
}
