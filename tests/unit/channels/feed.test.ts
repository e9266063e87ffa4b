import { describe, expect, it } from "vitest";
import { feedItemToNinjs, parseFeed } from "@/lib/domain/channels/feed";
import { parseWire } from "@/lib/domain/wire";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Example Wire: World</title>
    <link>https://wire.example/world</link>
    <item>
      <title>Kim Jong Un arrives in Russia for talks with Putin</title>
      <link>https://wire.example/world/kim-russia</link>
      <guid isPermaLink="false">urn:example:2023:kim-russia</guid>
      <pubDate>Tue, 12 Sep 2023 06:15:00 GMT</pubDate>
      <dc:creator>Jane Reporter</dc:creator>
      <description>Short teaser only.</description>
      <content:encoded><![CDATA[<p>SEOUL, South Korea — North Korean leader Kim Jong Un arrived in Russia on Tuesday.</p><p>The two leaders are expected to discuss weapons.</p>]]></content:encoded>
    </item>
    <item>
      <title>Second item &amp; no guid</title>
      <link>https://wire.example/world/second</link>
      <description>&lt;p&gt;Officials said the train crossed the border early on Tuesday.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom Wire</title>
  <id>urn:example:feed</id>
  <updated>2023-09-12T07:00:00Z</updated>
  <entry>
    <title type="text">Putin meets Kim at cosmodrome</title>
    <link rel="alternate" href="https://atom.example/putin-kim"/>
    <id>tag:atom.example,2023:putin-kim</id>
    <updated>2023-09-13T09:30:00+02:00</updated>
    <author><name>Desk</name></author>
    <summary>Summary only.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Russian President Vladimir Putin met Kim Jong Un at the Vostochny cosmodrome on Wednesday.</p></div></content>
  </entry>
  <entry>
    <title>Plain text entry</title>
    <id>tag:atom.example,2023:plain</id>
    <updated>2023-09-13T10:00:00Z</updated>
    <content type="text">Talks lasted more than four hours, officials said. 5 &lt; 6.</content>
  </entry>
</feed>`;

describe("parseFeed", () => {
  it("reads RSS 2.0 items: guid, title, link, date, author and the fullest body", () => {
    const feed = parseFeed(RSS);
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("Example Wire: World");
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      guid: "urn:example:2023:kim-russia",
      title: "Kim Jong Un arrives in Russia for talks with Putin",
      link: "https://wire.example/world/kim-russia",
      published: "2023-09-12T06:15:00.000Z",
      author: "Jane Reporter",
    });
    expect(first!.bodyHtml).toContain("<p>SEOUL, South Korea");
    expect(first!.bodyHtml).not.toContain("teaser");
    // No guid: the link stands for the item's identity; escaped HTML in description is HTML.
    expect(second).toMatchObject({ guid: "https://wire.example/world/second", title: "Second item & no guid" });
    expect(second!.bodyHtml).toBe("<p>Officials said the train crossed the border early on Tuesday.</p>");
  });

  it("reads Atom entries, with xhtml content kept as markup and text content escaped", () => {
    const feed = parseFeed(ATOM);
    expect(feed.format).toBe("atom");
    const [first, second] = feed.items;
    expect(first).toMatchObject({ guid: "tag:atom.example,2023:putin-kim", link: "https://atom.example/putin-kim", published: "2023-09-13T07:30:00.000Z", author: "Desk" });
    expect(first!.bodyHtml).toContain("<p>Russian President Vladimir Putin met Kim Jong Un");
    expect(second!.bodyHtml).toBe("Talks lasted more than four hours, officials said. 5 &lt; 6.");
  });

  it("refuses what is not a feed, with the reason", () => {
    expect(() => parseFeed("<html><body>Not a feed</body></html>")).toThrow(/not an RSS 2.0 or Atom feed.*<html>/);
    expect(() => parseFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>')).toThrow(/RSS 1.0/);
    expect(() => parseFeed("<rss><channel><item>")).toThrow(/Malformed XML/);
    expect(() => parseFeed('<!DOCTYPE rss [<!ENTITY x "y">]><rss/>')).toThrow(/entities are not allowed/);
  });
});

describe("feedItemToNinjs", () => {
  it("imports as a ninjs wire whose identity is the item's guid and whose agency is the channel's", () => {
    const [item] = parseFeed(RSS).items;
    const parsed = parseWire({ text: feedItemToNinjs(item!, { agency: "Reuters", feedTitle: "Example Wire: World" }), contentType: "application/json" });
    expect(parsed.format).toBe("ninjs");
    expect(parsed.externalId).toBe("urn:example:2023:kim-russia");
    expect(parsed.headline).toBe("Kim Jong Un arrives in Russia for talks with Putin");
    expect(parsed.agency).toBe("Reuters");
    expect(parsed.sentences.map((s) => s.text)).toContain("The two leaders are expected to discuss weapons.");
  });

  it("leaves an item with a title and no body to the import path, which refuses it with the reason", () => {
    const item = { guid: "g1", title: "Flash: talks end", link: null, published: null, bodyHtml: "", author: null };
    expect(() => parseWire({ text: feedItemToNinjs(item, { agency: null, feedTitle: null }), contentType: "application/json" })).toThrow(/no body text/);
  });
});
