import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { extensionSchemaPath } from "@/lib/domain/ninjs/extension-schema";
import { DEFAULT_NINJS_VERSION, ninjsVersionFromAccept } from "@/lib/domain/ninjs/versions";
import { ZNinjsQuery } from "@/lib/schemas/ninjs";
import { withErrors } from "@/lib/server/http";
import { publishedSlugTag } from "@/lib/domain/http/public-cache";
import { cachedPublicBody, publicResponse } from "@/lib/server/public-cache";
import { toNinjs } from "@/lib/server/queries/ninjs";
import { publishedNinjsPath, publishedStory } from "@/lib/server/queries/published";
import { currentSlugFor } from "@/lib/server/stories/slugs";

/**
 * Public, no sign-in: the published story as IPTC ninjs (readers, syndication), 2.1 unless the
 * request asks for 3.1 (`?version=3.1`, or `Accept: application/json; version=3.1`), valid against
 * the Factdesk extension schema it links to. Rendered once per published revision (and version and
 * address), then served from the cache until the story changes for readers.
 */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const url = new URL(request.url);
  const query = ZNinjsQuery.parse({ version: url.searchParams.get("version") ?? undefined });
  const version = query.version ?? ninjsVersionFromAccept(request.headers.get("accept")) ?? DEFAULT_NINJS_VERSION;
  const ninjs = await cachedPublicBody(["published-ninjs", slug, version, url.origin], [publishedSlugTag(slug)], async () => {
    const published = await publishedStory(slug);
    return published && JSON.stringify(toNinjs(published, version, url.origin));
  });
  if (!ninjs) {
    const current = await currentSlugFor(slug);
    if (!current) throw new AppError("NOT_FOUND", "No published story at this address.");
    // The story's headline changed, and its address with it.
    return NextResponse.redirect(new URL(`${publishedNinjsPath(current)}${url.search}`, url.origin), 308);
  }
  return publicResponse(request, ninjs, {
    "Content-Type": "application/json; charset=utf-8",
    // The version can come from Accept, so caches must keep one copy per Accept.
    Vary: "Accept",
    Link: `<${url.origin}${extensionSchemaPath(version)}>; rel="describedby"`,
  });
});
