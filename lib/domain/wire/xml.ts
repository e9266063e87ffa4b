/**
 * Safe XML parsing for NewsML-G2 and NITF, and a small element tree to read them.
 *
 * Entities: a DOCTYPE that declares entities or names an external DTD (SYSTEM/PUBLIC) is
 * refused before any parsing, so nothing is ever expanded (billion laughs) or fetched (XXE).
 * Only the predefined XML entities and character references are decoded.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { AppError } from "@/lib/domain/errors";
import { localName, type MarkupEvent } from "./markup";

export interface XmlElement {
  /** Local name, lowercased (namespace prefixes dropped). */
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  allowBooleanAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export function parseXmlDocument(xml: string): XmlElement {
  // A pasted document often starts with a blank line, which would put the declaration out of place.
  const source = xml.replace(/^\uFEFF/, "").trimStart();
  assertNoEntityDeclarations(source);
  const validation = XMLValidator.validate(source, { allowBooleanAttributes: true });
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new AppError("UNPROCESSABLE", `Malformed XML at line ${line}, column ${col}: ${msg}`, { line, col });
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(source);
  } catch (error) {
    throw new AppError("UNPROCESSABLE", `Malformed XML: ${error instanceof Error ? error.message : "cannot parse"}`);
  }
  const root = convert(parsed).find((n): n is XmlElement => typeof n !== "string");
  if (!root) throw new AppError("UNPROCESSABLE", "The XML document has no root element.");
  return root;
}

const ENTITY_MESSAGE =
  "XML entities are not allowed: the document declares entities or an external DTD, which are refused and never resolved.";

export function assertNoEntityDeclarations(xml: string): void {
  if (/<!ENTITY/i.test(xml)) throw new AppError("UNPROCESSABLE", ENTITY_MESSAGE);
  for (const m of xml.matchAll(/<!DOCTYPE/gi)) {
    if (/\b(?:SYSTEM|PUBLIC)\b|\[/i.test(doctypeDeclaration(xml, m.index))) {
      throw new AppError("UNPROCESSABLE", ENTITY_MESSAGE);
    }
  }
}

function doctypeDeclaration(xml: string, start: number): string {
  const close = xml.indexOf(">", start);
  return xml.slice(start, close < 0 ? xml.length : close + 1);
}

/** fast-xml-parser's ordered output to XmlNode[]. */
function convert(value: unknown): XmlNode[] {
  if (!Array.isArray(value)) return [];
  const nodes: XmlNode[] = [];
  for (const entry of value) {
    if (entry === null || typeof entry !== "object") continue;
    const record = entry as Record<string, unknown>;
    for (const [key, content] of Object.entries(record)) {
      if (key === ":@") continue;
      if (key === "#text") nodes.push(String(content));
      else if (!key.startsWith("?") && !key.startsWith("!")) {
        nodes.push({ name: localName(key), attrs: attributes(record[":@"]), children: convert(content) });
      }
    }
  }
  return nodes;
}

function attributes(value: unknown): Record<string, string> {
  // Attribute names are the document's: "constructor" or "__proto__" must be plain keys here.
  const attrs = Object.create(null) as Record<string, string>;
  if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      attrs[localName(key)] = typeof v === "string" ? v : String(v);
    }
  }
  return attrs;
}

// ---------------------------------------------------------------------------------------------
// Reading the tree

export function childElements(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name));
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return childElements(el, name)[0];
}

/** First element with this name at any depth (document order), the element itself included. */
export function descendant(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  if (el.name === name) return el;
  for (const c of childElements(el)) {
    const found = descendant(c, name);
    if (found) return found;
  }
  return undefined;
}

/** All text inside the element, whitespace collapsed; null when there is none. */
export function textOf(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const parts: string[] = [];
  const walk = (node: XmlNode) => {
    if (typeof node === "string") parts.push(node);
    else node.children.forEach(walk);
  };
  walk(el);
  const text = parts.join("").replace(/\s+/g, " ").trim();
  return text || null;
}

/**
 * Text of the element without the named child elements, pieces separated by a space:
 * `<byline>By<person>Staff Reporter</person><byttl>BusinessDesk</byttl></byline>` without
 * "byttl" is "By Staff Reporter".
 */
export function textWithout(el: XmlElement | undefined, excluded: string): string | null {
  if (!el) return null;
  const text = el.children
    .map((c) => (typeof c === "string" ? c : c.name === excluded ? "" : (textOf(c) ?? "")))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  return text || null;
}

/** A G2 property given either as @literal or as a <name> child: <provider literal="STT"/>, <infoSource><name>…</name>. */
export function literalOrName(el: XmlElement | undefined): string | null {
  if (!el) return null;
  return el.attrs.literal?.trim() || textOf(child(el, "name")) || null;
}

export function* eventsOf(el: XmlElement): Generator<MarkupEvent> {
  yield { type: "open", name: el.name, attrs: el.attrs };
  for (const c of el.children) {
    if (typeof c === "string") yield { type: "text", value: c };
    else yield* eventsOf(c);
  }
  yield { type: "close", name: el.name };
}
