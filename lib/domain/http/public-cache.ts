/**
 * What readers get is cached by tag: a story's page and ninjs under the tag of the slug they are
 * at, the feed under its own. A change to a story expires the tags of every slug it has had (a
 * former slug's address now redirects) and the feed's.
 */
export const FEED_TAG = "published-feed";

/** The tag of what is published at `slug`: its page and its ninjs (and the answer that none is there). */
export function publishedSlugTag(slug: string): string {
  return `published:${slug}`;
}

/** Every tag that expires when a story with these slugs (current first, then former) changes for readers. */
export function publicStoryTags(slugs: string[]): string[] {
  return [FEED_TAG, ...slugs.map(publishedSlugTag)];
}

const PAGE_PATH = /^\/p\/([^/]+)$/;
const NINJS_PATH = /^\/api\/v1\/published\/([^/]+)$/;

/**
 * The tags of a public address, or null when the address is not a public one that may be kept:
 * only the story page, its ninjs and the feed are.
 */
export function publicPathTags(pathname: string): string[] | null {
  if (pathname === "/feed.xml") return [FEED_TAG];
  const slug = PAGE_PATH.exec(pathname)?.[1] ?? NINJS_PATH.exec(pathname)?.[1];
  if (slug === undefined) return null;
  try {
    return [publishedSlugTag(decodeURIComponent(slug))];
  } catch {
    return null; // not a valid escape: not an address anything is published at
  }
}
