/**
 * A published story as NewsML-G2 at `/api/v1/published/<slug>.xml`, as an anonymous reader (or a
 * syndication partner's importer) gets it: a News Item that names the wires behind the story and,
 * fact by fact, the wire sentences that support and dispute it; 404 where nothing is published,
 * and 308 from a former slug's address to the current one's.
 */
import { describe, expect, it } from "vitest";
import { GET as published } from "@/app/api/v1/published/[slug]/route";
import { wireStoryUri } from "@/lib/domain/ninjs/document";
import { child, childElements, descendant, parseXmlDocument, textOf, type XmlElement } from "@/lib/domain/wire/xml";
import { db } from "@/lib/server/db";
import { publishedStory } from "@/lib/server/queries/published";
import { approveAndPublish, newsroom, PUBLIC_ORIGIN, publicNinjs, publishCorrectionWithHeadline, publishedWithFictionalWire } from "./route-helpers";

// Asked under a Host other than the app's own: the item must still name the app's address.
const REQUEST_ORIGIN = "http://forged-host.example";
const CONTENT_TYPE = "application/vnd.iptc.g2.newsitem+xml; charset=utf-8";

/** The route at `<segment>` (a slug with ".xml") as an anonymous reader calls it. */
function getXml(segment: string, headers: Record<string, string> = {}): Promise<Response> {
  return published(new Request(`${REQUEST_ORIGIN}/api/v1/published/${encodeURIComponent(segment)}`, { headers }), { params: Promise.resolve({ slug: segment }) });
}

/** The News Item published at `slug`, checked to be served as one. */
async function newsItem(slug: string): Promise<{ item: XmlElement; response: Response }> {
  const response = await getXml(`${slug}.xml`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe(CONTENT_TYPE);
  return { item: parseXmlDocument(await response.text()), response };
}

/** Each fact anchor of the NITF body with the hrefs and titles of the anchors it holds, by class. */
function factAnchors(item: XmlElement) {
  const content = descendant(child(item, "contentset"), "body.content");
  return childElements(content, "p").flatMap((paragraph) =>
    childElements(paragraph, "a").map((fact) => ({
      id: fact.attrs.id,
      text: textOf(fact),
      sources: childElements(fact, "a").filter((a) => a.attrs.class === "factdesk-source").map((a) => a.attrs.href),
      disputes: childElements(fact, "a").filter((a) => a.attrs.class === "factdesk-disputed-by").map((a) => ({ href: a.attrs.href, value: a.attrs.title })),
    })),
  );
}

describe("GET /api/v1/published/<slug>.xml", () => {
  it("answers a published story as a NewsML-G2 News Item linking every wire that supports it, and ninjs stays at the slug", async () => {
    const slug = await approveAndPublish(await newsroom());
    const story = (await publishedStory(slug))!;
    const { item, response } = await newsItem(slug);
    expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get("cache-control")).toContain("s-maxage=");

    expect(item.name).toBe("newsitem");
    expect(item.attrs.guid).toBe(`${PUBLIC_ORIGIN}/p/${slug}`);
    expect(item.attrs.version).toBe(String(story.live.number));
    expect(textOf(child(child(item, "contentmeta"), "headline"))).toBe(story.document.headline);
    expect(textOf(descendant(item, "hl1"))).toBe(story.document.headline);

    const supporting = story.citations.sources.filter((source) => source.supports.length > 0);
    expect(supporting.length).toBeGreaterThan(0);
    const residrefs = childElements(child(item, "itemmeta"), "link").flatMap((link) => (link.attrs.residref ? [link.attrs.residref] : []));
    expect(residrefs).toEqual(supporting.map(({ wire }) => wireStoryUri(wire.id)));

    // Every fact, numbered as the page numbers it, with its supporting wire sentences.
    expect(factAnchors(item)).toEqual(
      story.citations.facts.map(({ fact, number }) => ({
        id: `fact-${number}`,
        text: fact.text.replace(/\s+/g, " ").trim(),
        sources: fact.sources.map(({ wireStoryId, start, end }) => `${wireStoryUri(wireStoryId)}#char=${start},${end}`),
        disputes: (fact.disputedBy ?? []).map(({ wireStoryId, start, end, value }) => ({ href: `${wireStoryUri(wireStoryId)}#char=${start},${end}`, value })),
      })),
    );

    // A reader who holds this version is told so.
    const again = await getXml(`${slug}.xml`, { "if-none-match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
    // The same slug without ".xml" is still the story's ninjs.
    const { body } = await publicNinjs<{ uri: string }>(slug);
    expect(body.uri).toBe(item.attrs.guid);
  });

  it("says which wire disputes which fact, with the value it reported, and cites only supporting wires as sources", async () => {
    const { slug, fictional } = await publishedWithFictionalWire();
    const story = (await publishedStory(slug))!;
    const { item } = await newsItem(slug);
    const disputes = factAnchors(item).flatMap(({ disputes }) => disputes);
    expect(disputes).toEqual(
      story.citations.facts.flatMap(({ fact }) => (fact.disputedBy ?? []).map(({ wireStoryId, start, end, value }) => ({ href: `${wireStoryUri(wireStoryId)}#char=${start},${end}`, value }))),
    );
    expect(disputes.some(({ href }) => href!.startsWith(`${wireStoryUri(fictional)}#char=`))).toBe(true);
    const supportsAny = story.citations.sources.some(({ wire, supports }) => wire.id === fictional && supports.length > 0);
    const derivedFrom = childElements(child(item, "itemmeta"), "link").filter((link) => link.attrs.rel === "irel:derivedFrom").map((link) => link.attrs.residref);
    expect(derivedFrom.includes(wireStoryUri(fictional))).toBe(supportsAny);
  });

  it("answers 404 where no story is published, and 308 from a former slug's address to the current one's", async () => {
    const missing = await getXml("no-such-story.xml");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", message: "No published story at this address." } });

    const room = await newsroom();
    const first = await approveAndPublish(room);
    await publishCorrectionWithHeadline(room, "Kim Jong Un reaches Vostochny by armoured train", "The headline named the wrong city.");
    const now = (await db.story.findUniqueOrThrow({ where: { id: room.storyId }, select: { slug: true } })).slug;
    expect(now).not.toBe(first);

    const moved = await getXml(`${first}.xml`);
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe(`/api/v1/published/${now}.xml`);
    // The corrected story, at its new address, tells the receiving newsroom why it changed.
    const { item } = await newsItem(now);
    expect(textOf(child(child(item, "itemmeta"), "ednote"))).toBe("The headline named the wrong city.");
    expect(textOf(child(child(item, "contentmeta"), "headline"))).toBe("Kim Jong Un reaches Vostochny by armoured train");
  });
});
