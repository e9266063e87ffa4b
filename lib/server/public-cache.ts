import "server-only";
import { createHash } from "node:crypto";
import { unstable_cache } from "next/cache";
import { publicStoryTags } from "@/lib/domain/http/public-cache";
import type { Prisma } from "@/lib/generated/prisma/client";
import contract from "@/lib/public-cache-contract.json";

/**
 * What readers get (`/p/<slug>`, `/feed.xml`, a story's ninjs) is rendered once and kept in each
 * app instance's Next.js cache until a tag of it expires. Expiries are rows of PublicCacheExpiry,
 * written in the transaction that changes what readers see, so they hold for every instance:
 * each instance's cache handler (public-cache-handler.cjs) applies the rows it has not seen when
 * NOTIFY wakes it or its one-second poll finds them, and the instance that made the change applies
 * them before it answers (`applyPublicCacheExpiries`).
 */
export const PUBLIC_CACHE_CHANNEL = contract.notifyChannel;

/** How long a CDN or this app may serve an entry without asking again; expiry by tag comes first. */
export const PUBLIC_CACHE_SECONDS = 300;
/** How long after that a stale copy may still be served while a fresh one is fetched. */
export const PUBLIC_STALE_SECONDS = 3300;
export const PUBLIC_CACHE_CONTROL = `public, s-maxage=${PUBLIC_CACHE_SECONDS}, stale-while-revalidate=${PUBLIC_STALE_SECONDS}`;

/**
 * Rows older than this are deleted. A starting instance applies the rows of this period, so what it
 * kept on disk from before is not served stale (public-cache-handler.cjs keeps the same period).
 */
const RETENTION_MS = contract.retentionDays * 24 * 3600 * 1000;

/**
 * Expires, for every app instance, what readers get of a story: its page and ninjs at each slug it
 * has had (a former slug now redirects) and the feed. Call it in the transaction that publishes,
 * corrects or unpublishes the story.
 */
export async function expirePublicStory(tx: Prisma.TransactionClient, storyId: string): Promise<void> {
  const story = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { slug: true, formerSlugs: { select: { slug: true } } } });
  const tags = publicStoryTags([story.slug, ...story.formerSlugs.map(({ slug }) => slug)]);
  await tx.publicCacheExpiry.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - RETENTION_MS) } } });
  await tx.publicCacheExpiry.create({ data: { tags } });
  await tx.$executeRaw`SELECT pg_notify(${PUBLIC_CACHE_CHANNEL}, '')`;
}

type ApplyExpiries = () => Promise<void>;
const HANDLER_KEY = Symbol.for(contract.applySymbol);

/**
 * After the transaction commits: this instance's cache applies the new expiries now, so the answer
 * to the change (and every request after it) already sees the new state. Outside a Next.js server
 * (scripts, tests) there is no cache to apply them to.
 */
export async function applyPublicCacheExpiries(): Promise<void> {
  const apply = (globalThis as { [HANDLER_KEY]?: ApplyExpiries })[HANDLER_KEY];
  await apply?.();
}

/** A body as the cache keeps it, with its strong validator. */
export interface CachedBody {
  body: string;
  etag: string;
}

/**
 * `render` run once per expiry of `tags` (and at most every PUBLIC_CACHE_SECONDS), its answer kept
 * in the Next.js cache under `key`: a body with its ETag, or null (nothing published there).
 */
export async function cachedPublicBody(key: string[], tags: string[], render: () => Promise<string | null>): Promise<CachedBody | null> {
  const withEtag = async (): Promise<CachedBody | null> => {
    const body = await render();
    return body === null ? null : { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
  };
  // Outside a Next.js server (route handlers called by tests or scripts) there is no cache to keep it in.
  if (!process.env.NEXT_RUNTIME) return withEtag();
  return unstable_cache(withEtag, key, { tags, revalidate: PUBLIC_CACHE_SECONDS })();
}

/** A cached body as a response a CDN may keep; 304 to a client that holds the same version. */
export function publicResponse(request: Request, { body, etag }: CachedBody, headers: Record<string, string>): Response {
  const common = { ...headers, ETag: etag, "Cache-Control": PUBLIC_CACHE_CONTROL };
  const held = request.headers.get("if-none-match");
  if (held && held.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers: common });
  return new Response(body, { headers: common });
}
