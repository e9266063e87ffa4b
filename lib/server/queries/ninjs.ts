import "server-only";
import { buildNinjs } from "@/lib/domain/ninjs/document";
import type { NinjsVersion } from "@/lib/domain/ninjs/versions";
import type { PublishedStory } from "./published";

/**
 * A published story as IPTC ninjs `version` (see lib/domain/ninjs/document.ts): the wires that
 * support its facts in the info sources, and per-fact sourcing in Factdesk's schema extension.
 * Built from the public document only, so no internal note can reach it.
 */
export function toNinjs(story: PublishedStory, version: NinjsVersion, origin: string) {
  return buildNinjs(
    {
      slug: story.slug,
      revisionNumber: story.live.number,
      firstPublishedAt: story.firstPublishedAt,
      publishedAt: story.live.publishedAt!,
      correctionNote: story.live.correctionNote,
      document: story.document,
      citations: story.citations,
    },
    version,
    origin,
  );
}
