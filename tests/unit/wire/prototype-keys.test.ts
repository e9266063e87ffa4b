/**
 * Names taken from input (entity names, attribute names) must never reach Object.prototype:
 * "&constructor;" once became "function Object() { [native code] }" in stored text.
 */
import { describe, expect, it } from "vitest";
import { parseWire } from "@/lib/domain/wire";
import { decodeEntities, tokenizeHtml } from "@/lib/domain/wire/markup";
import { parseXmlDocument } from "@/lib/domain/wire/xml";

const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "toLocaleString"];
const written = PROTOTYPE_NAMES.map((name) => `&${name};`).join(" ");

describe("entities named like Object.prototype members", () => {
  it("stay as written, like any unknown entity", () => {
    expect(decodeEntities(written)).toBe(written);
    expect(decodeEntities("&constructor;&amp;&unknown;&eacute;")).toBe("&constructor;&&unknown;é");
  });

  it("stay as written in a ninjs HTML body", () => {
    const parsed = parseWire({ text: JSON.stringify({ headline: "H", body_html: `<p>Officials wrote ${written} on Monday.</p>` }), contentType: "application/json" });
    expect(parsed.sentences.map((s) => s.text)).toEqual([`Officials wrote ${written} on Monday.`]);
  });

  it("stay as written in NITF text decoded a second time for double escaping", () => {
    const escaped = PROTOTYPE_NAMES.map((name) => `&amp;${name};`).join(" ");
    const nitf = `<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p>Officials wrote &amp;amp; ${escaped} on Monday.</p></body.content></body></nitf>`;
    const parsed = parseWire({ text: nitf, contentType: "application/xml" });
    expect(parsed.sentences.map((s) => s.text)).toEqual([`Officials wrote & ${written} on Monday.`]);
    expect(parsed.text).not.toContain("native code");
  });
});

describe("attributes named like Object.prototype members", () => {
  it("are read as the document's own attributes, in HTML", () => {
    const [open] = [...tokenizeHtml(`<p constructor="a" toString='b' __proto__=c hasOwnProperty>`)];
    expect(open).toMatchObject({ type: "open", name: "p" });
    const attrs = open?.type === "open" ? open.attrs : {};
    expect(Object.entries(attrs).sort()).toEqual([
      ["__proto__", "c"],
      ["constructor", "a"],
      ["hasownproperty", ""],
      ["tostring", "b"],
    ]);
  });

  it("are absent when the document has none, in HTML and XML", () => {
    const [open] = [...tokenizeHtml(`<p class="x">`)];
    const htmlAttrs = open?.type === "open" ? open.attrs : {};
    const xmlAttrs = parseXmlDocument(`<nitf><body/></nitf>`).attrs;
    for (const attrs of [htmlAttrs, xmlAttrs]) {
      for (const name of PROTOTYPE_NAMES) expect(attrs[name], name).toBeUndefined();
    }
  });

  it("in XML are renamed or refused by the parser, never inherited", () => {
    const root = parseXmlDocument(`<nitf toString="a" hasOwnProperty="b" plain="c"><body/></nitf>`);
    expect(root.attrs.plain).toBe("c");
    expect(root.attrs.tostring).toBeUndefined();
    expect(() => parseXmlDocument(`<nitf constructor="a"><body/></nitf>`)).toThrow(/Malformed XML/);
  });
});
