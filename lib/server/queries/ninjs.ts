import "server-only";
import { buildNinjs, type NinjsStory } from "@/lib/domain/ninjs/document";
import type { NinjsVersion } from "@/lib/domain/ninjs/versions";
import type { PublishedStory } from "./published";

/**
 * What every syndication format (ninjs, NewsML-G2) is built from: the live revision's public
 * document and citations, its number and dates. Built from the public document only, so no
 * internal note can reach any of them.
 */
export function syndicatedStory(story: PublishedStory): NinjsStory {
  return {
    slug: story.slug,
    revisionNumber: story.live.number,
    firstPublishedAt: story.firstPublishedAt,
    publishedAt: story.live.publishedAt!,
    correctionNote: story.live.correctionNote,
    document: story.document,
    citations: story.citations,
  };
}

/**
 * A published story as IPTC ninjs `version` (see lib/domain/ninjs/document.ts): the wires that
 * support its facts in the info sources, and per-fact sourcing in Factdesk's schema extension.
 */
export function toNinjs(story: PublishedStory, version: NinjsVersion, origin: string) {
  return buildNinjs(syndicatedStory(story), version, origin);
}
