import { formatUtc } from "@/lib/domain/dates";
import { html, markupText, scriptJson, trustedMarkup, type Markup } from "@/lib/domain/http/html";
import { creditLine } from "@/lib/domain/story/credit";
import { sourceListItem } from "@/lib/domain/story/sources-list";
import { storySummary } from "@/lib/domain/story/summary";
import { publicBaseUrl } from "@/lib/env";
import { publishedNewsmlPath } from "@/lib/server/queries/newsml";
import { publishedNinjsPath, type PublishedStory } from "@/lib/server/queries/published";

/** schema.org NewsArticle for search engines: dates, corrections, and the reports it cites. */
function newsArticle(story: PublishedStory, corrections: PublishedStory["history"]) {
  const url = new URL(`/p/${encodeURIComponent(story.slug)}`, publicBaseUrl()).toString();
  const newsroom = { "@type": "Organization", name: "Factdesk" };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.document.headline,
    description: storySummary(story.document),
    mainEntityOfPage: url,
    url,
    datePublished: story.firstPublishedAt.toISOString(),
    dateModified: story.live.publishedAt!.toISOString(),
    author: newsroom,
    publisher: newsroom,
    ...(story.document.dateline ? { dateline: story.document.dateline } : {}),
    ...(corrections.length
      ? { correction: corrections.map((revision) => ({ "@type": "CorrectionComment", text: revision.correctionNote, datePublished: revision.publishedAt!.toISOString() })) }
      : {}),
    citation: story.citations.sources.map(({ wire }) => ({
      "@type": "NewsArticle",
      ...(wire.headline ? { headline: wire.headline } : {}),
      ...(wire.date ? { datePublished: wire.date } : {}),
      // A report of no known agency names no publisher rather than an invented one.
      ...(wire.agency ? { publisher: { "@type": "Organization", name: wire.agency } } : {}),
    })),
  };
}

/**
 * The page's whole style, inline: readers' first paint waits for no stylesheet. Colours are those
 * of the newsroom's neutral palette, with text contrast of at least 4.5:1.
 */
const STYLE = `
*,::before,::after{box-sizing:border-box}
body{margin:0;color:#171717;background:#fff;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased}
main{max-width:42rem;margin:0 auto;padding:2.5rem 1.25rem}
.serif{font-family:ui-serif,Georgia,Cambria,"Times New Roman",serif}
.masthead{margin:0;font-size:1.125rem;font-weight:700}
article{margin-top:1.5rem}
h1{margin:0;font-size:2.25rem;line-height:1.2;font-weight:700}
h2{margin:0;font-size:1rem;font-weight:600}
.standfirst{margin:.75rem 0 0;font-size:1.25rem;color:#404040}
.meta{margin:.75rem 0 0;font-size:.875rem;color:#525252}
.body{margin-top:1.5rem;font-size:1.125rem;line-height:1.65}
.body p{margin:0 0 1rem}
.dateline{font-family:inherit;font-size:.875rem;font-weight:600;text-transform:uppercase}
.body .dateline{font-family:ui-sans-serif,system-ui,sans-serif}
sup{margin-left:.125rem;font-family:ui-sans-serif,system-ui,sans-serif;font-size:.75rem}
a{color:#1e40af}
:target{background:#fef9c3}
.credit{margin-top:1.5rem;font-size:.875rem;color:#525252;font-style:italic}
section{margin-top:2rem;font-size:.875rem}
.sources{margin-top:2.5rem;padding-top:1rem;border-top:1px solid #e5e5e5}
ol,ul{margin:.5rem 0 0;padding-left:1.25rem}
.sources ol{list-style:none;padding-left:0}
li{margin-bottom:.5rem}
.quote{color:#262626;text-decoration:underline;text-decoration-color:#a3a3a3}
.reported{display:block}
.versions{color:#525252}
.versions h2{color:#171717}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`;

/** A whole document: title, description, canonical address, icon, the style, then the body. */
function htmlDocument({ title, description, path, head, body }: { title: string; description: string; path: string; head?: Markup; body: Markup }): string {
  const url = new URL(path, publicBaseUrl()).toString();
  return markupText(html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Factdesk</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${url}">
<link rel="icon" href="/icon.svg" type="image/svg+xml">
${head}
<style>${trustedMarkup(STYLE)}</style>
</head>
<body><main>
<p class="masthead serif">Factdesk</p>
${body}
</main></body></html>
`);
}

/** The public page at an address where no story is (or is any longer) published. */
export function missingStoryPage(slug: string): string {
  return htmlDocument({
    title: "Not found",
    description: "No published story at this address.",
    path: `/p/${encodeURIComponent(slug)}`,
    head: html`<meta name="robots" content="noindex">`,
    body: html`<h1 class="serif">No story here</h1><p class="meta">No published story is at this address. It may have been taken down.</p>`,
  });
}

/**
 * The public page of a published story, a whole HTML document with no script to run: the live
 * revision, each fact followed by citation marks into the sources list, which leads back to the
 * facts. Its style is inline, so nothing blocks the first paint.
 */
export function publishedStoryPage(story: PublishedStory): string {
  const { document: content, sources, citations, live, history } = story;
  const cited = new Map(citations.facts.map((entry) => [entry.fact.id, entry]));
  const factText = new Map(citations.facts.map((entry) => [entry.number, entry.fact.text]));
  const corrections = history.filter((revision) => revision.correctionNote);
  const description = storySummary(content);
  const path = `/p/${encodeURIComponent(story.slug)}`;
  const url = new URL(path, publicBaseUrl()).toString();
  const head = html`<link rel="alternate" type="application/json" href="${publishedNinjsPath(story.slug)}">
<link rel="alternate" type="application/vnd.iptc.g2.newsitem+xml" href="${publishedNewsmlPath(story.slug)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${content.headline}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${url}">
<meta property="og:site_name" content="Factdesk">
<meta property="article:published_time" content="${story.firstPublishedAt.toISOString()}">
<meta property="article:modified_time" content="${live.publishedAt!.toISOString()}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${content.headline}">
<meta name="twitter:description" content="${description}">
<script type="application/ld+json">${scriptJson(newsArticle(story, corrections))}</script>`;
  const paragraphs = content.paragraphs.map(
    (paragraph, index) =>
      html`<p>${index === 0 && content.dateline ? html`<span class="dateline">${content.dateline} — </span>` : null}${paragraph.facts.map((fact) => {
        const { number, marks } = cited.get(fact.id)!;
        return html`<span id="fact-${number}" data-testid="published-fact">${fact.text}${marks.map((mark) => html`<sup><a href="#source-${mark}" aria-label="Source ${mark}">[${mark}]</a></sup>`)} </span>`;
      })}</p>\n`,
  );
  const body = html`<article aria-label="Published story">
<h1 class="serif">${content.headline}</h1>
${content.standfirst ? html`<p class="standfirst serif">${content.standfirst}</p>` : null}
<p class="meta">Published ${formatUtc(story.firstPublishedAt)}${history.length > 1 ? html` · Updated ${formatUtc(live.publishedAt!)}` : null}</p>
<div class="body serif">
${paragraphs}</div>
<p class="credit">${creditLine(content, sources)}</p>
</article>
<section aria-labelledby="sources-heading" class="sources">
<h2 id="sources-heading">Sources</h2>
<ol>
${citations.sources.map((source) => sourceListItem(source, (number) => factText.get(number) ?? ""))}</ol>
</section>
${
  corrections.length
    ? html`<section aria-labelledby="corrections-heading">
<h2 id="corrections-heading">Corrections</h2>
<ul>
${corrections.map((revision) => html`<li>${formatUtc(revision.publishedAt!)}: ${revision.correctionNote}</li>\n`)}</ul>
</section>`
    : null
}
<section aria-labelledby="history-heading" class="versions">
<h2 id="history-heading">Published versions</h2>
<ol>
${history.map((revision) => html`<li>Version ${revision.number}, ${formatUtc(revision.publishedAt!)}${revision.id === live.id ? " (this version)" : ""}</li>\n`)}</ol>
<p>This story as data, with the sources of every fact: <a href="${publishedNinjsPath(story.slug)}" type="application/json">IPTC ninjs</a>, <a href="${publishedNewsmlPath(story.slug)}" type="application/vnd.iptc.g2.newsitem+xml">NewsML-G2</a></p>
</section>`;
  return htmlDocument({ title: content.headline, description, path, head, body });
}
