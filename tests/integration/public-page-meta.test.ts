/**
 * What readers' tools and search engines read of a public page: description, canonical URL, Open
 * Graph and Twitter cards, and a NewsArticle JSON-LD with dates, corrections and cited agencies.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import PublishedStoryPage, { generateMetadata } from "@/app/p/[slug]/page";
import { storySummary } from "@/lib/domain/story/summary";
import { approveAndPublish, newsroom, readDocument } from "./route-helpers";

describe("the public page's metadata", () => {
  it("describes the story from its lede, names its canonical URL, and carries a NewsArticle with its cited agencies", async () => {
    const room = await newsroom({ wires: 3 });
    const slug = await approveAndPublish(room);
    const params = Promise.resolve({ slug });
    const document = await readDocument(room.revisionId);
    const summary = storySummary(document);
    expect(summary.length).toBeGreaterThan(40);

    const metadata = await generateMetadata({ params });
    expect(metadata.description).toBe(summary);
    expect(String(metadata.alternates?.canonical)).toBe(`/p/${slug}`);
    expect(metadata.openGraph).toMatchObject({ type: "article", title: document.headline, description: summary, url: `/p/${slug}` });
    expect(metadata.twitter).toMatchObject({ card: "summary", title: document.headline });

    const page = renderToStaticMarkup(await PublishedStoryPage({ params }));
    const json = page.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1];
    expect(json, "the page carries JSON-LD").toBeDefined();
    const article = JSON.parse(json!) as Record<string, unknown>;
    expect(article).toMatchObject({ "@context": "https://schema.org", "@type": "NewsArticle", headline: document.headline, description: summary });
    expect(String(article.url)).toMatch(new RegExp(`/p/${slug}$`));
    expect(Date.parse(String(article.datePublished))).not.toBeNaN();
    expect(article.dateModified).toBe(article.datePublished);
    expect(article.correction).toBeUndefined();
    const agencies = (article.citation as { publisher: { name: string } }[]).map((c) => c.publisher.name).sort();
    expect(agencies.length).toBe(3);
    expect(agencies.every((name) => name.length > 0)).toBe(true);
    // Each source entry quotes the sentences it supports and links back to them.
    expect(page).toMatch(/<li id="source-1">[\s\S]*?supports <a href="#fact-\d+"/);
  });
});
