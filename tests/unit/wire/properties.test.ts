/**
 * Whatever arrives, parseWire either returns a parse whose ranges keep every promise of the
 * contract or throws an AppError. A TypeError, RangeError or hang is a bug.
 */
import { describe, it } from "vitest";
import fc from "fast-check";
import { parseWire } from "@/lib/domain/wire";
import { expectOnlyAppErrors, expectParsedInvariants, readSeed } from "./support";

const SEEDS = ["000", "001", "002", "003", "004"].map(readSeed);

const wireLine = fc.constantFrom(
  "North Korea’s leader is in Russia",
  "SEOUL, South Korea (AP) — Kim arrived on Tuesday.",
  "Seoul: Kim arrived.",
  " date 2023-09-12 Seoul: Kim arrived.",
  "Subscribe Now Choose a package that suits your preferences.",
  "We need your help now",
  "Alamy Stock Photo",
  "© AFP 2023",
  "- ‘Pay a price’ -",
  "STILL STANDING",
  "By Marwan Makdisi",
  "(Reuters)",
  "___",
  "For Putin, it’s an opportunity to refill",
  "ammunition stores that the war has drained.",
  "“We urge the DPRK to abide.” Then he left… U.S. officials said.",
  "In this photo provided by the government, Kim waves. (KCNA via AP)",
  "   indented continuation line",
  "<b>bold</b> & <i>markup</i>",
  "",
  " ",
  "\t",
  "\u0007",
  "---",
);

/** Documents assembled from lines that trigger every cleaning rule, in any order. */
const wireText = fc
  .array(fc.tuple(wireLine, fc.constantFrom("\n", "\n\n", "\r\n", "\n \n", "")), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.map(([line, sep]) => line + sep).join(""));

const anyString = fc.oneof(
  wireText,
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** Generous: hundreds of full parses per property, on shared CI machines. */
const PROPERTY_TIMEOUT = 120_000;

function check(input: Parameters<typeof parseWire>[0]): void {
  const parsed = expectOnlyAppErrors(() => parseWire(input));
  if (parsed) expectParsedInvariants(parsed);
}

describe("parseWire never fails except with an AppError", () => {
  it("on arbitrary and wire-like strings", () => {
    fc.assert(
      fc.property(anyString, (text) => check({ text })),
      { numRuns: 1500 },
    );
  }, PROPERTY_TIMEOUT);

  it("on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => check({ bytes })),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT);

  it("on the seeds with lines inserted, removed and shuffled", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), wireLine), { maxLength: 5 }), (seed, edits) => {
        const lines = seed.split("\n");
        for (const [at, line] of edits) lines.splice(at % (lines.length + 1), 0, line);
        check({ text: lines.join("\n") });
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT);

  it("on arbitrary JSON, declared or sniffed", () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.boolean(), (json, declared) =>
        check({ text: json, contentType: declared ? "application/json" : undefined }),
      ),
      { numRuns: 800 },
    );
  }, PROPERTY_TIMEOUT);

  it("on ninjs-shaped objects with random bodies", () => {
    const html = fc
      .array(fc.oneof(fc.constantFrom("<p>", "</p>", "<br>", "<h2>", "</h2>", "<figure>", "&amp;", "&#8212;", "<", ">", "\n"), fc.string({ maxLength: 30 })), { maxLength: 20 })
      .map((parts) => parts.join(""));
    const item = fc.record(
      {
        uri: fc.string(),
        version: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        headline: fc.oneof(fc.string({ maxLength: 60 }), fc.constant(null)),
        headlines: fc.array(fc.record({ role: fc.constantFrom("main", "sub"), value: fc.oneof(fc.string(), fc.integer()) }), { maxLength: 2 }),
        body_text: fc.oneof(wireText, fc.string()),
        body_html: html,
        bodies: fc.array(fc.record({ role: fc.constantFrom("text", "html", "nitf", "xhtml"), contentType: fc.constantFrom("text/plain", "text/html", "application/nitf+xml", ""), value: fc.oneof(html, wireText) }), { maxLength: 3 }),
        versioncreated: fc.oneof(fc.string(), fc.constant("2023-09-12T08:00:00Z")),
        language: fc.oneof(fc.constant("en"), fc.string()),
        located: fc.string(),
        byline: fc.string(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(item, (value) => check({ text: JSON.stringify(value), contentType: "application/json" })),
      { numRuns: 800 },
    );
  }, PROPERTY_TIMEOUT);

  it("on random XML-ish documents, including entity attacks", () => {
    const token = fc.constantFrom(
      "<?xml version=\"1.0\"?>", "<nitf>", "</nitf>", "<body>", "</body>", "<body.content>", "</body.content>", "<p>", "</p>",
      "<hl1>", "</hl1>", "<newsItem guid=\"x\" version=\"2\">", "</newsItem>", "<contentSet>", "</contentSet>", "<inlineXML>",
      "</inlineXML>", "<inlineData contenttype=\"text/plain\">", "</inlineData>", "<contentMeta><headline>H</headline></contentMeta>",
      "<html>", "</html>", "<br/>", "&amp;", "&lt;", "&#8212;", "&#0;", "&bogus;", "<![CDATA[x<y]]>", "<!-- c -->",
      "<!DOCTYPE nitf>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">", "&xxe;",
      "SEOUL (AP) — Kim arrived.", "text", " ", "\n", "<", ">", "\"", "'",
    );
    const xmlish = fc.array(fc.oneof(token, fc.string({ maxLength: 10 })), { maxLength: 30 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(xmlish, fc.constantFrom(undefined, "application/xml", "application/nitf+xml"), (text, contentType) =>
        check({ text, contentType }),
      ),
      { numRuns: 1500 },
    );
  }, PROPERTY_TIMEOUT);

  it("on well-formed NITF with random paragraph text", () => {
    const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.oneof(wireText, fc.string({ maxLength: 80 })), { maxLength: 6 }), (headline, paragraphs) => {
        const body = paragraphs.map((p) => `<p>${escape(p)}</p>`).join("");
        const xml = `<nitf><head><title>${escape(headline)}</title></head><body><body.content>${body}</body.content></body></nitf>`;
        check({ text: xml });
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT);
});
