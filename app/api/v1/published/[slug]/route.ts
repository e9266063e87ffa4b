import { AppError } from "@/lib/domain/errors";
import { publishedSlugTag } from "@/lib/domain/http/public-cache";
import { NEWSML_ITEM_CONTENT_TYPE } from "@/lib/domain/newsml/published-item";
import { extensionSchemaPath } from "@/lib/domain/ninjs/extension-schema";
import { DEFAULT_NINJS_VERSION, ninjsVersionFromAccept } from "@/lib/domain/ninjs/versions";
import { ZNinjsQuery } from "@/lib/schemas/ninjs";
import { publicBaseUrl } from "@/lib/env";
import { permanentRedirect, withErrors } from "@/lib/server/http";
import { cachedPublicBody, publicResponse } from "@/lib/server/public-cache";
import { publishedNewsmlPath, toNewsml } from "@/lib/server/queries/newsml";
import { toNinjs } from "@/lib/server/queries/ninjs";
import { publishedNinjsPath, publishedStory } from "@/lib/server/queries/published";
import { currentSlugFor } from "@/lib/server/stories/slugs";

const NEWSML_SUFFIX = ".xml";

/**
 * Public, no sign-in: the published story as IPTC ninjs (readers, syndication), 2.1 unless the
 * request asks for 3.1 (`?version=3.1`, or `Accept: application/json; version=3.1`), valid against
 * the Factdesk extension schema it links to; at `<slug>.xml`, as a NewsML-G2 News Item. Slugs never
 * hold a dot, so "<slug>.xml" reaches this same segment. Absolute URIs inside come from the app's
 * configured address, never the request's Host, so every output names the same page. Rendered once
 * per published revision (and format and version), then served from the cache until the story
 * changes for readers.
 */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug: segment } = await context.params;
  if (segment.endsWith(NEWSML_SUFFIX)) return newsml(request, segment.slice(0, -NEWSML_SUFFIX.length));
  return ninjs(request, segment);
});

async function ninjs(request: Request, slug: string): Promise<Response> {
  const url = new URL(request.url);
  const query = ZNinjsQuery.parse({ version: url.searchParams.get("version") ?? undefined });
  const version = query.version ?? ninjsVersionFromAccept(request.headers.get("accept")) ?? DEFAULT_NINJS_VERSION;
  const origin = publicBaseUrl().origin;
  const body = await cachedPublicBody(["published-ninjs", slug, version], [publishedSlugTag(slug)], async () => {
    const published = await publishedStory(slug);
    return published && JSON.stringify(toNinjs(published, version, origin));
  });
  if (!body) return redirectToCurrentSlug(url, slug, publishedNinjsPath);
  return publicResponse(request, body, {
    "Content-Type": "application/json; charset=utf-8",
    // The version can come from Accept, so caches must keep one copy per Accept.
    Vary: "Accept",
    Link: `<${origin}${extensionSchemaPath(version)}>; rel="describedby"`,
  });
}

async function newsml(request: Request, slug: string): Promise<Response> {
  const url = new URL(request.url);
  const body = await cachedPublicBody(["published-newsml", slug], [publishedSlugTag(slug)], async () => {
    const published = await publishedStory(slug);
    return published && toNewsml(published, publicBaseUrl().origin);
  });
  if (!body) return redirectToCurrentSlug(url, slug, publishedNewsmlPath);
  return publicResponse(request, body, { "Content-Type": NEWSML_ITEM_CONTENT_TYPE });
}

/** Nothing is published at `slug`: 308 to the same format at the story's current slug, else 404. */
async function redirectToCurrentSlug(url: URL, slug: string, pathOf: (slug: string) => string): Promise<Response> {
  const current = await currentSlugFor(slug);
  if (!current) throw new AppError("NOT_FOUND", "No published story at this address.");
  // The story's headline changed, and its address with it.
  return permanentRedirect(`${pathOf(current)}${url.search}`);
}
