/**
 * What readers' tools and search engines read of a public page: description, canonical URL, Open
 * Graph and Twitter cards, and a NewsArticle JSON-LD with dates, corrections and cited agencies.
 */
import { describe, expect, it } from "vitest";
import { storySummary } from "@/lib/domain/story/summary";
import { approveAndPublish, newsroom, publicPage, readDocument } from "./route-helpers";

const BASE = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The content of the head's `<meta name|property="…">`, as a reader's tool reads it. */
function meta(page: string, key: string): string | undefined {
  const tag = page.match(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`))?.[1];
  return tag === undefined ? undefined : unescape(tag);
}

describe("the public page's metadata", () => {
  it("describes the story from its lede, names its canonical URL, and carries a NewsArticle with its cited agencies", async () => {
    const room = await newsroom({ wires: 3 });
    const slug = await approveAndPublish(room);
    const document = await readDocument(room.revisionId);
    const summary = storySummary(document);
    expect(summary.length).toBeGreaterThan(40);

    const page = await publicPage(slug);
    const url = new URL(`/p/${slug}`, BASE).toString();
    expect(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(unescape(page.match(/<title>(.*?)<\/title>/)![1]!)).toBe(`${document.headline} · Factdesk`);
    expect(meta(page, "description")).toBe(summary);
    expect(page).toContain(`<link rel="canonical" href="${url}">`);
    expect(page).toContain(`<link rel="icon" href="/icon.svg" type="image/svg+xml">`);
    // Feed readers and aggregators find the machine-readable versions from the page itself.
    expect(page).toContain(`<link rel="alternate" type="application/json" href="/api/v1/published/${slug}">`);
    expect(page).toContain(`<link rel="alternate" type="application/vnd.iptc.g2.newsitem+xml" href="/api/v1/published/${slug}.xml">`);
    expect(meta(page, "og:type")).toBe("article");
    expect(meta(page, "og:title")).toBe(document.headline);
    expect(meta(page, "og:description")).toBe(summary);
    expect(meta(page, "og:url")).toBe(url);
    expect(meta(page, "twitter:card")).toBe("summary");
    expect(meta(page, "twitter:title")).toBe(document.headline);
    // A page that works with JavaScript off ships none: the only script is the JSON-LD data.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toMatch(/<link rel="stylesheet"/);
    const json = page.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1];
    expect(json, "the page carries JSON-LD").toBeDefined();
    const article = JSON.parse(json!) as Record<string, unknown>;
    expect(article).toMatchObject({ "@context": "https://schema.org", "@type": "NewsArticle", headline: document.headline, description: summary });
    expect(String(article.url)).toMatch(new RegExp(`/p/${slug}$`));
    expect(Date.parse(String(article.datePublished))).not.toBeNaN();
    expect(article.dateModified).toBe(article.datePublished);
    expect(article.correction).toBeUndefined();
    const citations = article.citation as { publisher?: { name: string } }[];
    expect(citations.length).toBe(3);
    // Two of the three sample wires are AP's; the third names no agency, and gets no invented publisher.
    expect(citations.flatMap((c) => (c.publisher ? [c.publisher.name] : []))).toEqual(["AP", "AP"]);
    // Each source entry quotes the sentences it supports and links back to them.
    expect(page).toMatch(/<li id="source-1">[\s\S]*?supports <a href="#fact-\d+"/);
  });
});
