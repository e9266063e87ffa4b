import { publishedSlugTag } from "@/lib/domain/http/public-cache";
import { permanentRedirect, withErrors } from "@/lib/server/http";
import { cachedPublicBody, publicResponse } from "@/lib/server/public-cache";
import { publishedStory } from "@/lib/server/queries/published";
import { currentSlugFor } from "@/lib/server/stories/slugs";
import { missingStoryPage, publishedStoryPage } from "./published-page";

const HTML = "text/html; charset=utf-8";

/**
 * `/p/<slug>`, no sign-in: the published story as a plain HTML page with no client JavaScript,
 * rendered once per published revision and served from the cache until the story changes for
 * readers. A slug the story had before its headline changed answers 308 to the current one.
 */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const page = await cachedPublicBody(["published-page", slug], [publishedSlugTag(slug)], async () => {
    const story = await publishedStory(slug);
    return story && publishedStoryPage(story);
  });
  if (page) return publicResponse(request, page, { "Content-Type": HTML });
  const current = await currentSlugFor(slug);
  if (current) return permanentRedirect(`/p/${encodeURIComponent(current)}`);
  return new Response(missingStoryPage(slug), { status: 404, headers: { "Content-Type": HTML, "Cache-Control": "no-store" } });
});
