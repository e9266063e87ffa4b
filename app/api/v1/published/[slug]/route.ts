import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { extensionSchemaPath } from "@/lib/domain/ninjs/extension-schema";
import { DEFAULT_NINJS_VERSION, ninjsVersionFromAccept } from "@/lib/domain/ninjs/versions";
import { ZNinjsQuery } from "@/lib/schemas/ninjs";
import { withErrors } from "@/lib/server/http";
import { toNinjs } from "@/lib/server/queries/ninjs";
import { publishedNinjsPath, publishedStory } from "@/lib/server/queries/published";
import { currentSlugFor } from "@/lib/server/stories/slugs";

export const dynamic = "force-dynamic";

/**
 * Public, no sign-in: the published story as IPTC ninjs (readers, syndication), 2.1 unless the
 * request asks for 3.1 (`?version=3.1`, or `Accept: application/json; version=3.1`), valid against
 * the Factdesk extension schema it links to.
 */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const url = new URL(request.url);
  const query = ZNinjsQuery.parse({ version: url.searchParams.get("version") ?? undefined });
  const version = query.version ?? ninjsVersionFromAccept(request.headers.get("accept")) ?? DEFAULT_NINJS_VERSION;
  const published = await publishedStory(slug);
  if (!published) {
    const current = await currentSlugFor(slug);
    if (!current) throw new AppError("NOT_FOUND", "No published story at this address.");
    // The story's headline changed, and its address with it.
    return NextResponse.redirect(new URL(`${publishedNinjsPath(current)}${url.search}`, url.origin), 308);
  }
  return NextResponse.json(toNinjs(published, version, url.origin), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // The version can come from Accept, so caches must keep one copy per Accept.
      Vary: "Accept",
      Link: `<${url.origin}${extensionSchemaPath(version)}>; rel="describedby"`,
    },
  });
});
