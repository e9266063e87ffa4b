import { withErrors } from "@/lib/server/http";
import { listPublishedStories, publishedNinjsPath } from "@/lib/server/queries/published";

export const dynamic = "force-dynamic";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Atom feed of published stories. */
export const GET = withErrors(async (request: Request) => {
  const base = new URL(request.url).origin;
  const stories = await listPublishedStories();
  const updated = stories[0]?.updatedAt ?? new Date(0);
  const entries = stories
    .map((story) => {
      const url = `${base}/p/${encodeURIComponent(story.slug)}`;
      return `  <entry>
    <id>${escape(url)}</id>
    <title>${escape(story.liveRevision?.headline ?? story.slug)}</title>
    <link href="${escape(url)}"/>
    <link rel="alternate" type="application/json" href="${escape(`${base}${publishedNinjsPath(story.slug)}`)}"/>
    <updated>${story.updatedAt.toISOString()}</updated>
    <published>${(story.liveRevision?.publishedAt ?? story.updatedAt).toISOString()}</published>
    <summary>${escape(story.liveRevision?.standfirst ?? "")}</summary>
  </entry>`;
    })
    .join("\n");
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escape(base)}/feed.xml</id>
  <title>Factdesk</title>
  <link rel="self" href="${escape(base)}/feed.xml"/>
  <updated>${updated.toISOString()}</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
});
