/**
 * What readers get is cached by tag: a story's page, ninjs and NewsML-G2 under the tag of the slug
 * they are at, the feed under its own. A change to a story expires the tags of every slug it has
 * had (a former slug's address now redirects) and the feed's.
 */
export const FEED_TAG = "published-feed";

/** The tag of what is published at `slug`: its page, ninjs and NewsML-G2 (and the answer that none is there). */
export function publishedSlugTag(slug: string): string {
  return `published:${slug}`;
}

/** Every tag that expires when a story with these slugs (current first, then former) changes for readers. */
export function publicStoryTags(slugs: string[]): string[] {
  return [FEED_TAG, ...slugs.map(publishedSlugTag)];
}

const PAGE_PATH = /^\/p\/([^/]+)$/;
/** A story's ninjs, and at "<slug>.xml" its NewsML-G2 (slugs never hold a dot): both under the slug's tag. */
const PUBLISHED_PATH = /^\/api\/v1\/published\/([^/]+?)(?:\.xml)?$/;

/**
 * The tags of a public address, or null when the address is not a public one that may be kept:
 * only the story page, its ninjs and NewsML-G2, and the feed are.
 */
export function publicPathTags(pathname: string): string[] | null {
  if (pathname === "/feed.xml") return [FEED_TAG];
  const slug = PAGE_PATH.exec(pathname)?.[1] ?? PUBLISHED_PATH.exec(pathname)?.[1];
  if (slug === undefined) return null;
  try {
    return [publishedSlugTag(decodeURIComponent(slug))];
  } catch {
    return null; // not a valid escape: not an address anything is published at
  }
}
