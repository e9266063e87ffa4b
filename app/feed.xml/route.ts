import { publicBaseUrl } from "@/lib/env";
import { withErrors } from "@/lib/server/http";
import { escapeHtml as escape } from "@/lib/domain/http/html";
import { FEED_TAG } from "@/lib/domain/http/public-cache";
import { cachedPublicBody, publicResponse } from "@/lib/server/public-cache";
import { listPublishedStories, publishedNinjsPath } from "@/lib/server/queries/published";

/**
 * Atom (RFC 4287) feed of published stories. Entry ids are tag URIs of the story, not of its slug,
 * so an entry keeps its identity when the headline (and with it the slug) changes; a correction
 * updates its story's entry (newer `updated`, the note in the summary) rather than adding one.
 * Links use the app's configured address, never the request's Host. Served from the cache until a
 * story is published, corrected or unpublished.
 */
export const GET = withErrors(async (request: Request) => {
  const base = publicBaseUrl().origin;
  const feed = await cachedPublicBody(["feed"], [FEED_TAG], () => atomFeed(base));
  return publicResponse(request, feed!, { "Content-Type": "application/atom+xml; charset=utf-8" });
});

async function atomFeed(base: string): Promise<string> {
  const host = new URL(base).hostname;
  const stories = await listPublishedStories();
  const updated = stories.reduce((latest, story) => (story.publishedAt > latest ? story.publishedAt : latest), new Date(0));
  const entries = stories
    .map((story) => {
      const url = `${base}/p/${encodeURIComponent(story.slug)}`;
      const summary = story.correctionNote ? `${story.summary} Correction, ${story.publishedAt.toISOString().slice(0, 10)}: ${story.correctionNote}` : story.summary;
      return `  <entry>
    <id>tag:${escape(host)},2026:story/${escape(story.id)}</id>
    <title type="text">${escape(story.headline)}</title>
    <link rel="alternate" type="text/html" href="${escape(url)}"/>
    <link rel="alternate" type="application/json" href="${escape(`${base}${publishedNinjsPath(story.slug)}`)}"/>
    <published>${story.firstPublishedAt.toISOString()}</published>
    <updated>${story.publishedAt.toISOString()}</updated>
    <summary type="text">${escape(summary.trim() || story.headline)}</summary>
  </entry>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escape(base)}/feed.xml</id>
  <title type="text">Factdesk</title>
  <subtitle type="text">Stories consolidated from the wires, every fact with its sources.</subtitle>
  <link rel="self" type="application/atom+xml" href="${escape(base)}/feed.xml"/>
  <link rel="alternate" type="text/html" href="${escape(base)}/"/>
  <author><name>Factdesk newsroom</name><uri>${escape(base)}/</uri></author>
  <generator>Factdesk</generator>
  <updated>${updated.toISOString()}</updated>
${entries}
</feed>
`;
}
