import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildCanceledNewsmlItem, buildNewsmlItem, NEWSML_G2_NAMESPACE, NEWSML_ITEM_CONTENT_TYPE, NITF_NAMESPACE } from "@/lib/domain/newsml/published-item";
import { buildNinjs, type NinjsStory } from "@/lib/domain/ninjs/document";
import type { StoryDocument, WireSourceInfo } from "@/lib/domain/story/types";
import { parseWire } from "@/lib/domain/wire";
import { describeWithCorpus } from "../../support/shared-folder";
import { PUBLISHED_ORIGIN, PUBLISHED_WIRES, publishedStoryOf } from "../story/published-support";
import { makeDoc, makeFact, src } from "../story/support";

const ORIGIN = PUBLISHED_ORIGIN;
const PAGE = `${ORIGIN}/p/kim-arrives`;

/** p1: a (AP and an unattributed wire), b (own reporting only); p2 empty; p3: c (AP, disputed by AFP). */
function sampleDocument(extra: Partial<StoryDocument> = {}): StoryDocument {
  return makeDoc(
    [
      ["p1", [makeFact("a", { text: "Kim arrived and waved.", sources: [src("ap", 0, 20), src("anon", 3, 9)] }), makeFact("b", { sources: [], ownReportingNote: "Our source, do not name." })]],
      ["p2", []],
      ["p3", [makeFact("c", { text: "The train covered 900 kilometers.", sources: [src("ap", 30, 60)], disputedBy: [{ ...src("afp", 5, 40), value: "1,200 kilometers" }] })]],
    ],
    { standfirst: "", dateline: "SEOUL", ...extra },
  );
}

function story(overrides: Partial<NinjsStory> = {}, doc: StoryDocument = sampleDocument(), wires: WireSourceInfo[] = PUBLISHED_WIRES): NinjsStory {
  return publishedStoryOf(doc, overrides, wires);
}

// ---------------------------------------------------------------------------------------------
// Reading XML as written: element names with their case, namespace declarations as attributes.

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The element's own text and its descendants', in document order. */
  text: string;
}

// htmlEntities: also decode character references ("&#39;"), which any XML parser does.
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false, parseAttributeValue: false, trimValues: false, htmlEntities: true });

type Entry = Record<string, unknown>;

/** The names of an entry that are an element (not text, attributes or the declaration). */
const elementName = (entry: Entry) => Object.keys(entry).find((key) => key !== ":@" && key !== "#text" && !key.startsWith("?"));

function textOf(entries: Entry[]): string {
  return entries.map((entry) => ("#text" in entry ? String(entry["#text"]) : textOf((entry[elementName(entry) ?? ""] ?? []) as Entry[]))).join("");
}

function toNodes(entries: Entry[]): XmlNode[] {
  return entries.flatMap((entry) => {
    const name = elementName(entry);
    if (!name) return [];
    const content = entry[name] as Entry[];
    return [{ name, attrs: (entry[":@"] ?? {}) as Record<string, string>, children: toNodes(content), text: textOf(content) }];
  });
}

/** The root element of a well-formed document (the test fails on a malformed one). */
function parseXml(xml: string): XmlNode {
  expect(XMLValidator.validate(xml)).toBe(true);
  return toNodes(parser.parse(xml) as Entry[])[0]!;
}

function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node?.children.filter((c) => c.name === name) ?? [];
}

/** The element at a path of child names below `node`. */
function at(node: XmlNode, ...names: string[]): XmlNode | undefined {
  return names.reduce<XmlNode | undefined>((parent, name) => child(parent, name), node);
}

function descendants(node: XmlNode): XmlNode[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

const collapsed = (text: string | undefined) => text?.replace(/\s+/g, " ").trim();

/** Child element names in order, a run of the same name counted once, keeping only the names in `kept`. */
function order(node: XmlNode | undefined, kept: ReadonlySet<string>): string[] {
  return (node?.children ?? []).map((c) => c.name).filter((name, index, names) => kept.has(name) && names[index - 1] !== name);
}

const built = (overrides: Partial<NinjsStory> = {}) => parseXml(buildNewsmlItem(story(overrides), ORIGIN));

/** What the NITF body says of each fact, as a consumer reads it off the anchors. */
function factsOf(item: XmlNode) {
  const content = at(item, "contentSet", "inlineXML", "nitf", "body", "body.content")!;
  return children(content, "p").flatMap((paragraph, index) =>
    children(paragraph, "a").map((fact) => {
      const anchors = (kind: string) =>
        children(fact, "a")
          .filter((anchor) => anchor.attrs.class === kind)
          .map((anchor) => {
            const [, wireStoryId, start, end] = /^urn:factdesk:wire:(.+)#char=(\d+),(\d+)$/.exec(anchor.attrs.href ?? "")!;
            return { wireStoryId, start: Number(start), end: Number(end), title: anchor.attrs.title ?? null };
          });
      return {
        id: fact.attrs.id,
        paragraph: index,
        text: fact.text,
        ownReporting: fact.attrs.class!.split(" ").includes("factdesk-own-reporting"),
        sources: anchors("factdesk-source").map(({ title, ...source }) => ({ ...source, agency: title })),
        disputedBy: anchors("factdesk-disputed-by").map(({ title, ...dispute }) => ({ ...dispute, value: title })),
      };
    }),
  );
}

describe("buildNewsmlItem", () => {
  it("says what the story is, when it was published and corrected, where from, and which wires it is derived from", () => {
    const item = built();
    expect(item.name).toBe("newsItem");
    expect(item.attrs).toEqual({
      xmlns: NEWSML_G2_NAMESPACE,
      guid: PAGE,
      version: "2",
      standard: "NewsML-G2",
      standardversion: "2.33",
      conformance: "power",
      "xml:lang": "en",
    });
    // The same identity as the story's ninjs.
    expect(item.attrs.guid).toBe(buildNinjs(story(), "2.1", ORIGIN).uri);
    expect(child(item, "catalogRef")?.attrs.href).toMatch(/^http:\/\/www\.iptc\.org\/std\/catalog\/catalog\.IPTC-G2-Standards_\d+\.xml$/);

    const itemMeta = child(item, "itemMeta");
    expect(child(itemMeta, "itemClass")?.attrs.qcode).toBe("ninat:text");
    expect(child(itemMeta, "provider")?.attrs.literal).toBe("Factdesk");
    expect(child(itemMeta, "versionCreated")?.text).toBe("2026-12-02T11:30:00.000Z");
    expect(child(itemMeta, "firstCreated")?.text).toBe("2026-12-01T10:00:00.000Z");
    expect(child(itemMeta, "pubStatus")?.attrs.qcode).toBe("stat:usable");
    expect(child(itemMeta, "edNote")?.text).toBe("An earlier version misstated the train's route.");
    // The public page, then the supporting wires only: AFP only disputes a fact.
    expect(children(itemMeta, "link").map(({ attrs }) => attrs)).toEqual([
      { rel: "irel:seeAlso", href: PAGE, contenttype: "text/html" },
      { rel: "irel:derivedFrom", residref: "urn:factdesk:wire:ap" },
      { rel: "irel:derivedFrom", residref: "urn:factdesk:wire:anon" },
    ]);
    expect(children(itemMeta, "link").map((link) => child(link, "title")?.text ?? null)).toEqual([null, "AP: Kim arrives in Russia", "Unattributed: Untitled"]);

    const contentMeta = child(item, "contentMeta");
    expect(child(contentMeta, "contentCreated")?.text).toBe("2026-12-01T10:00:00.000Z");
    expect(child(contentMeta, "contentModified")?.text).toBe("2026-12-02T11:30:00.000Z");
    expect(child(child(contentMeta, "located"), "name")?.text).toBe("SEOUL");
    expect(child(contentMeta, "dateline")?.text).toBe("SEOUL");
    expect(child(contentMeta, "creator")?.attrs.literal).toBe("Factdesk");
    // One info source per agency of a supporting wire; a wire without an agency names no party.
    expect(children(contentMeta, "infoSource").map((source) => [source.attrs.role, child(source, "name")?.text])).toEqual([["cpprole:contentSource", "AP"]]);
    expect(child(contentMeta, "language")?.attrs.tag).toBe("en");
    expect(child(contentMeta, "headline")?.text).toBe("Kim arrives in Russia");
    expect(children(contentMeta, "description").map(({ attrs, text }) => [attrs.role, text])).toEqual([["drol:summary", "Kim arrived and waved. Fact b."]]);

    const inline = at(item, "contentSet", "inlineXML");
    expect(inline?.attrs.contenttype).toBe("application/nitf+xml");
    expect(child(inline, "nitf")?.attrs.xmlns).toBe(NITF_NAMESPACE);
    expect(at(inline!, "nitf", "body", "body.head", "hedline", "hl1")?.text).toBe("Kim arrives in Russia");
  });

  it("marks every fact with its number and the wire sentences that support and dispute it, as ninjs factdesk_facts does", () => {
    const item = built();
    const ninjsFacts = buildNinjs(story(), "2.1", ORIGIN).factdesk_facts as {
      paragraph: number;
      text: string;
      ownReporting: boolean;
      sources: unknown[];
      disputedBy: { wireStoryId: string; start: number; end: number; value: string }[];
    }[];
    expect(factsOf(item)).toEqual(
      ninjsFacts.map(({ paragraph, text, ownReporting, sources, disputedBy }, index) => ({
        id: `fact-${index + 1}`,
        paragraph,
        text,
        ownReporting,
        sources,
        // A dispute's anchor carries the value the wire reported, not its agency.
        disputedBy: disputedBy.map(({ wireStoryId, start, end, value }) => ({ wireStoryId, start, end, value })),
      })),
    );
    // An empty paragraph stays, so each fact's paragraph is where ninjs puts it.
    expect(factsOf(item).map(({ paragraph }) => paragraph)).toEqual([0, 0, 2]);
    expect(factsOf(item)[2]!.disputedBy).toEqual([{ wireStoryId: "afp", start: 5, end: 40, value: "1,200 kilometers" }]);
    expect(buildNewsmlItem(story(), ORIGIN)).not.toContain("do not name");
  });

  it("escapes hostile text everywhere: no story, wire or note text becomes markup", () => {
    const hostile = `Kim <b>"arrives"</b> & 'waves' ]]> <!-- -->`;
    const wires: WireSourceInfo[] = [
      { id: "ap", agency: `A"P <x>`, headline: `Head & <line>`, date: null },
      { id: "afp", agency: "AFP", headline: null, date: null },
    ];
    const doc = makeDoc(
      [["p1", [makeFact("a", { text: `${hostile}</a><script>alert(1)</script>`, sources: [src("ap", 0, 5)], disputedBy: [{ ...src("afp", 1, 2), value: `"1,200" <km> & more` }] })]]],
      { headline: hostile, standfirst: `Stand & "first" <i>`, dateline: `SEOUL <&>` },
    );
    const xml = buildNewsmlItem(story({ correctionNote: `Fixed <the> "route" & more` }, doc, wires), ORIGIN);
    const item = parseXml(xml);
    expect(descendants(item).filter(({ name }) => ["b", "x", "i", "script", "line", "km", "the"].includes(name))).toEqual([]);
    expect(child(child(item, "contentMeta"), "headline")?.text).toBe(hostile);
    expect(at(item, "contentSet", "inlineXML", "nitf", "body", "body.head", "hedline", "hl1")?.text).toBe(hostile);
    expect(child(child(item, "contentMeta"), "description")?.text).toBe(`Stand & "first" <i>`);
    expect(child(child(item, "contentMeta"), "dateline")?.text).toBe("SEOUL <&>");
    expect(child(child(item, "itemMeta"), "edNote")?.text).toBe(`Fixed <the> "route" & more`);
    expect(child(children(child(item, "itemMeta"), "link")[1], "title")?.text).toBe(`A"P <x>: Head & <line>`);
    expect(factsOf(item)).toEqual([
      {
        id: "fact-1",
        paragraph: 0,
        text: `${hostile}</a><script>alert(1)</script>`,
        ownReporting: false,
        sources: [{ wireStoryId: "ap", start: 0, end: 5, agency: `A"P <x>` }],
        disputedBy: [{ wireStoryId: "afp", start: 1, end: 2, value: `"1,200" <km> & more` }],
      },
    ]);
  });

  it("drops the characters XML cannot carry, so wire copy with a stray control character still gives a readable item", () => {
    const doc = makeDoc([["p1", [makeFact("a", { text: "Kim\u0007 arrived.\u000C", sources: [src("ap", 0, 5)] })]]], { headline: "Kim\u0001 arrives \uD800" });
    const item = parseXml(buildNewsmlItem(story({}, doc), ORIGIN));
    expect(child(child(item, "contentMeta"), "headline")?.text).toBe("Kim arrives ");
    expect(factsOf(item)[0]!.text).toBe("Kim arrived.");
  });

  it("leaves out what a story does not have: editorial note, place, description, sources", () => {
    const bare = built({ correctionNote: null, document: { ...story().document, standfirst: "", dateline: null, paragraphs: [] }, citations: { facts: [], sources: [] } });
    expect(child(bare, "itemMeta")!.children.map(({ name }) => name)).toEqual(["itemClass", "provider", "versionCreated", "firstCreated", "pubStatus", "link"]);
    expect(child(bare, "contentMeta")!.children.map(({ name }) => name)).toEqual(["contentCreated", "contentModified", "creator", "language", "headline"]);
    expect(at(bare, "contentSet", "inlineXML", "nitf", "body", "body.content")?.children).toEqual([]);
  });

  it("reads back through Factdesk's own NewsML-G2 import: the headline, the body text, identity and version", () => {
    for (const doc of [sampleDocument(), sampleDocument({ headline: `Kim <b>"arrives"</b> & 'waves'` })]) {
      const published = story({}, doc);
      const parsed = parseWire({ text: buildNewsmlItem(published, ORIGIN), contentType: NEWSML_ITEM_CONTENT_TYPE });
      expect(parsed.format).toBe("newsml-g2");
      expect(parsed.headline).toBe(doc.headline);
      expect(parsed.paragraphs.map(({ start, end }) => parsed.text.slice(start, end))).toEqual(
        published.document.paragraphs.filter(({ facts }) => facts.length > 0).map(({ facts }) => facts.map(({ text }) => text).join(" ")),
      );
      expect(parsed.dateline).toBe("SEOUL");
      expect(parsed.agency).toBe("AP");
      expect(parsed.language).toBe("en");
      expect(parsed.externalId).toBe(PAGE);
      expect(parsed.externalVersion).toBe(2);
      expect(parsed.text).not.toContain("urn:factdesk");
    }
  });
});

describe("buildCanceledNewsmlItem", () => {
  it("withdraws the story's item: the same identity and version, canceled, with its headline and no content", () => {
    const xml = buildCanceledNewsmlItem({ slug: "kim-arrives", revisionNumber: 2, headline: "Kim <arrives> & waves", at: new Date("2026-12-03T08:00:00Z") }, ORIGIN);
    const item = parseXml(xml);
    const published = built();
    for (const name of ["xmlns", "guid", "version", "standard", "standardversion", "conformance", "xml:lang"]) expect(item.attrs[name], name).toBe(published.attrs[name]);
    expect(child(item, "itemMeta")!.children.map(({ name }) => name)).toEqual(["itemClass", "provider", "versionCreated", "pubStatus"]);
    expect(child(child(item, "itemMeta"), "pubStatus")?.attrs.qcode).toBe("stat:canceled");
    expect(child(child(item, "itemMeta"), "versionCreated")?.text).toBe("2026-12-03T08:00:00.000Z");
    expect(child(child(item, "contentMeta"), "headline")?.text).toBe("Kim <arrives> & waves");
    expect(child(item, "contentSet")).toBeUndefined();
  });
});

/**
 * The order of the children of itemMeta and contentMeta in NewsML-G2 2.33's XML Schema
 * (ItemManagementGroup then link; AdministrativeMetadataGroup, whose located, infoSource and
 * creator may come in any order, then DescriptiveMetadataGroup, in any order).
 */
const SCHEMA_ORDER: Record<string, string[][]> = {
  itemMeta: [["itemClass"], ["provider"], ["versionCreated"], ["firstCreated"], ["embargoed"], ["pubStatus"], ["role"], ["fileName"], ["generator"], ["profile"], ["service"], ["title"], ["edNote"], ["memberOf"], ["instanceOf"], ["signal"], ["altRep"], ["deliverableOf"], ["hash"], ["expires"], ["origRep"], ["incomingFeedId"], ["metadataCreator"], ["link"]],
  contentMeta: [["icon"], ["urgency"], ["contentCreated"], ["contentModified"], ["digitalSourceType"], ["located", "infoSource", "creator", "contributor", "audience", "exclAudience", "altId", "rating", "userInteraction"], ["language", "genre", "keyword", "subject", "slugline", "headline", "dateline", "by", "creditline", "description"]],
};

describe("the NewsML-G2 item's element order", () => {
  it.each(Object.keys(SCHEMA_ORDER))("%s has its children in the order of the XML Schema", (section) => {
    const rank = (name: string) => SCHEMA_ORDER[section]!.findIndex((names) => names.includes(name));
    const names = child(built(), section)!.children.map(({ name }) => name);
    expect(names.every((name) => rank(name) >= 0)).toBe(true);
    expect(names.map(rank)).toEqual([...names.map(rank)].sort((a, b) => a - b));
  });
});

describeWithCorpus("wire-formats", "the NewsML-G2 item against IPTC's examples", (corpus) => {
  const example = (name: string) => parseXml(readFileSync(path.join(corpus, "newsml-g2", "iptc-examples", name), "utf8"));
  const TEXT_DOCUMENT = "LISTING_2_NewsML-G2_Text_Document.xml";
  const NEWS_ITEM = "LISTING_1_A_NewsML-G2_News_Item.xml";

  it("has the root element, namespace and required root attributes of IPTC's text document", () => {
    const ours = built();
    const theirs = example(TEXT_DOCUMENT);
    expect(ours.name).toBe(theirs.name);
    expect(ours.attrs.xmlns).toBe(theirs.attrs.xmlns);
    // Every root attribute of the example but its pointer to a schema file on IPTC's disk.
    const required = Object.keys(theirs.attrs).filter((name) => !name.startsWith("xmlns:") && name !== "xsi:schemaLocation");
    expect(required).toEqual(["xmlns", "guid", "version", "standard", "standardversion", "xml:lang"]);
    for (const name of required) expect(ours.attrs[name], name).toBeTruthy();
    expect(ours.attrs.standard).toBe(theirs.attrs.standard);
    expect(ours.attrs.standardversion).toMatch(/^\d+\.\d+$/);
    expect(Number(ours.attrs.version)).toBeGreaterThan(0);
    // The Power example says so; versions after 2.24 have no Core level.
    expect(ours.attrs.conformance).toBe(example(NEWS_ITEM).attrs.conformance);
  });

  it.each([TEXT_DOCUMENT, NEWS_ITEM])("orders the elements it shares with %s as the example does", (name) => {
    const ours = built();
    const theirs = example(name);
    const sections: [string, (item: XmlNode) => XmlNode | undefined][] = [
      ["newsItem", (item) => item],
      ["itemMeta", (item) => child(item, "itemMeta")],
      ["contentMeta", (item) => child(item, "contentMeta")],
      ["contentSet", (item) => child(item, "contentSet")],
    ];
    for (const [section, of] of sections) {
      const shared = new Set(of(ours)!.children.map((c) => c.name).filter((n) => of(theirs)!.children.some((c) => c.name === n)));
      expect(order(of(ours), shared), section).toEqual(order(of(theirs), shared));
    }
    // The sections the example has, ours has too.
    for (const section of ["itemMeta", "contentMeta", "contentSet"]) if (child(theirs, section)) expect(child(ours, section), section).toBeDefined();
  });

  it("carries its story as NITF in inlineXML the way the text document does", () => {
    const ours = at(built(), "contentSet", "inlineXML")!;
    const theirs = at(example(TEXT_DOCUMENT), "contentSet", "inlineXML")!;
    expect(ours.attrs.contenttype).toBe(theirs.attrs.contenttype);
    expect(child(ours, "nitf")?.attrs.xmlns).toBe(child(theirs, "nitf")?.attrs.xmlns);
    for (const steps of [["nitf", "body", "body.head", "hedline", "hl1"], ["nitf", "body", "body.content", "p"]]) {
      expect(at(theirs, ...steps), steps.join("/")).toBeDefined();
      expect(at(ours, ...steps), steps.join("/")).toBeDefined();
    }
    expect(collapsed(at(ours, "nitf", "body", "body.head", "hedline", "hl1")?.text)).toBe(collapsed(child(child(built(), "contentMeta"), "headline")?.text));
  });
});
