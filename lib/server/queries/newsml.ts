import "server-only";
import { buildCanceledNewsmlItem, buildNewsmlItem, type CanceledStory } from "@/lib/domain/newsml/published-item";
import { syndicatedStory } from "./ninjs";
import { publishedNinjsPath, type PublishedStory } from "./published";

/**
 * A published story as a NewsML-G2 News Item (see lib/domain/newsml/published-item.ts): the
 * wires behind it as links, and every fact's supporting and disputing wire sentences in its NITF.
 */
export function toNewsml(story: PublishedStory, origin: string): string {
  return buildNewsmlItem(syndicatedStory(story), origin);
}

/** The News Item that tells subscribers a story was taken down: the story's item, canceled. */
export function canceledNewsml(story: CanceledStory, origin: string): string {
  return buildCanceledNewsmlItem(story, origin);
}

/** Where a published story's NewsML-G2 lives: its ninjs address with ".xml" (slugs never hold a dot). */
export function publishedNewsmlPath(slug: string): string {
  return `${publishedNinjsPath(slug)}.xml`;
}
