import { describe, expect, it } from "vitest";
import { errorOf } from "../../support/errors";
import { parseWire } from "@/lib/domain/wire";
import { expectParsedInvariants, removedTexts } from "./support";

const ninjs = (value: unknown) => parseWire({ text: JSON.stringify(value), contentType: "application/json" });

describe("ninjs 1.x", () => {
  const parsed = ninjs({
    uri: "urn:example:kim-1",
    version: "3",
    versioncreated: "2023-09-12T10:37:00Z",
    firstcreated: "2023-09-12T05:10:00+09:00",
    language: "en",
    byline: "By Hyung-jin Kim",
    headline: "Kim arrives in Russia",
    located: "Seoul, South Korea",
    body_text: "ignored because HTML is preferred",
    body_html:
      "<p>SEOUL, South Korea (AP) &mdash; North Korea&rsquo;s Kim Jong Un <b>arrived</b> in Russia.</p>" +
      "<figure><img src='x.jpg'><figcaption>Kim waves. (AP Photo)</figcaption></figure>" +
      "<h2>Arms for aid</h2><p>He met Putin &amp; aides.<br>They talked.</p><script>alert(1)</script><p>&nbsp;</p>",
  });

  it("derives text from headline and HTML paragraphs, text only", () => {
    expect(parsed.format).toBe("ninjs");
    expect(parsed.text).toBe(
      "Kim arrives in Russia\n\nSEOUL, South Korea (AP) — North Korea’s Kim Jong Un arrived in Russia.\n\nArms for aid\n\nHe met Putin & aides. They talked.",
    );
    expect(parsed.text).not.toMatch(/[<>]|alert|figcaption|&\w+;/);
  });

  it("cleans the derived text like plain text", () => {
    expect(removedTexts(parsed, "headline")).toEqual(["Kim arrives in Russia"]);
    expect(removedTexts(parsed, "dateline")).toEqual(["SEOUL, South Korea (AP) —"]);
    expect(removedTexts(parsed, "subhead")).toEqual(["Arms for aid"]);
    expect(parsed.sentences.map((s) => s.text)).toEqual([
      "North Korea’s Kim Jong Un arrived in Russia.",
      "He met Putin & aides.",
      "They talked.",
    ]);
    expectParsedInvariants(parsed);
  });

  it("reads the metadata", () => {
    expect(parsed).toMatchObject({
      headline: "Kim arrives in Russia",
      agency: "AP",
      dateline: "SEOUL, South Korea",
      date: "2023-09-12",
      byline: "Hyung-jin Kim",
      language: "en",
      externalId: "urn:example:kim-1",
      externalVersion: 3,
    });
    expect(parsed.original).toContain('"body_html"');
  });
});

describe("ninjs 2.x/3.x", () => {
  it("reads headlines[], bodies[] and camelCase properties", () => {
    const parsed = ninjs({
      uri: "urn:example:2",
      version: 6,
      versionCreated: "2019-08-09T09:46:53Z",
      firstCreated: "2019-08-08T22:30:04Z",
      copyrightHolder: "NTB",
      language: "nb-NO",
      by: "NTB",
      headlines: [
        { role: "sub", value: "Not this one" },
        { role: "main", value: "Google har kjøpt giganttomt i Skien" },
      ],
      bodies: [
        { role: "text", contentType: "text/plain", value: "IT-giganten Google har kjøpt en tomt.\n\nDet blir datasentre." },
      ],
    });
    expect(parsed).toMatchObject({
      headline: "Google har kjøpt giganttomt i Skien",
      agency: "NTB",
      date: "2019-08-08",
      language: "nb-NO",
      externalVersion: 6,
      byline: "NTB",
    });
    expect(parsed.sentences.map((s) => s.text)).toEqual(["IT-giganten Google har kjøpt en tomt.", "Det blir datasentre."]);
    expectParsedInvariants(parsed);
  });

  it("takes a stated version only as a whole number that fits the stored version column", () => {
    const versionOf = (version: unknown) => ninjs({ headline: "H", version, body_text: "One sentence here." }).externalVersion;
    expect(versionOf("7")).toBe(7);
    expect(versionOf(2_147_483_647)).toBe(2_147_483_647);
    expect(versionOf(2_147_483_648)).toBeNull();
    expect(versionOf("3000000000")).toBeNull();
    expect(versionOf(-1)).toBeNull();
    expect(versionOf("1.5")).toBeNull();
  });

  it("prefers an HTML body to a plain one, and reads an NITF body", () => {
    const html = ninjs({
      headline: "H",
      bodies: [
        { role: "text", contentType: "text/plain", value: "Plain version." },
        { role: "html", contentType: "text/html", value: "<p>HTML version.</p>" },
      ],
    });
    expect(html.sentences.map((s) => s.text)).toEqual(["HTML version."]);
    const nitf = ninjs({
      headline: "H",
      bodies: [{ role: "nitf", contentType: "text/vnd.IPTC.NITF", value: '<?xml version="1.0"?><nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p class="lead">NITF lede.</p><hl2>Sub</hl2><p>More.</p></body.content></body></nitf>' }],
    });
    expect(nitf.sentences.map((s) => s.text)).toEqual(["NITF lede.", "More."]);
    expect(removedTexts(nitf, "subhead")).toEqual(["Sub"]);
  });

  it("falls back to another body when the NITF rendition is malformed", () => {
    const parsed = ninjs({
      headline: "H",
      bodies: [
        { role: "nitf", contentType: "application/nitf+xml", value: "<nitf><body>broken" },
        { role: "text", contentType: "text/plain", value: "Plain fallback." },
      ],
    });
    expect(parsed.sentences.map((s) => s.text)).toEqual(["Plain fallback."]);
  });

  it("unwraps API and feed envelopes", () => {
    expect(ninjs({ data: { item: { headline: "H", body_text: "It was wrapped." } } }).sentences[0]?.text).toBe("It was wrapped.");
    expect(ninjs({ total: 1, item: [{ headline: "H", body_html: "<p>In a feed.</p>" }] }).sentences[0]?.text).toBe("In a feed.");
    expect(ninjs([{ type: "picture" }, { headline: "H", body_text: "The second item." }]).sentences[0]?.text).toBe("The second item.");
  });

  it("does not repeat a headline that the body repeats", () => {
    const parsed = ninjs({ headline: "Kim in Russia", body_html: "<h1>Kim in Russia</h1><p>Kim arrived.</p>" });
    expect(parsed.text).toBe("Kim in Russia\n\nKim arrived.");
  });

  it("keeps markup in a plain-text body as text", () => {
    const parsed = ninjs({ headline: "H", body_text: "Use <b> for bold." });
    expect(parsed.sentences.map((s) => s.text)).toEqual(["Use <b> for bold."]);
  });
});

describe("ninjs errors", () => {
  it("refuses malformed JSON with 422 and a clear message", () => {
    const error = errorOf(() => parseWire({ text: '{"headline": "x", ', contentType: "application/json" }));
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toMatch(/^Malformed JSON/);
    expect(errorOf(() => parseWire({ text: "{headline: 'x'}" })).code).toBe("UNPROCESSABLE");
  });

  it("refuses valid JSON that is not a ninjs item with a body", () => {
    for (const value of [{ foo: 1 }, { headline: "only a headline" }, [1, 2], "text", 42, null, { type: "picture", uri: "x" }]) {
      const error = errorOf(() => ninjs(value));
      expect(error.code).toBe("UNPROCESSABLE");
    }
    expect(errorOf(() => ninjs({ headline: "H", body_text: "   " })).message).toMatch(/no body text|ninjs news item/);
  });

  it("refuses an NITF body that declares entities", () => {
    const value = '<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>';
    const error = errorOf(() => ninjs({ headline: "H", bodies: [{ role: "nitf", value }, { role: "text", value: "x" }] }));
    expect(error.message).toMatch(/XML entities are not allowed/);
  });
});
