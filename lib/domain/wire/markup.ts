/**
 * Markup (HTML, XHTML, NITF) to plain-text blocks. Only text ever leaves this module: tags are
 * dropped, entities decoded, whitespace collapsed the way a browser renders it. Media, figures,
 * captions, document heads and scripts are skipped; headings become "heading" blocks so that
 * the story analysis can mark them as subheads.
 *
 * HTML strings (ninjs bodies) go through a small tolerant tokenizer; XML that fast-xml-parser
 * already parsed is replayed as the same event stream (see xml.ts).
 */

export type MarkupEvent =
  | { type: "open"; name: string; attrs: Readonly<Record<string, string>> }
  | { type: "close"; name: string }
  | { type: "text"; value: string };

export interface Block {
  text: string;
  kind: "paragraph" | "heading";
}

const BLOCK_ELEMENTS = new Set([
  "p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl", "dd", "dt", "table",
  "tr", "td", "th", "tbody", "thead", "tfoot", "pre", "address", "hr", "body", "html", "center",
  "block", "body.content", "hedline", "h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2", "fieldset",
  "bq", "fn", "caption",
]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2"]);
const SKIPPED = new Set([
  "head", "title", "script", "style", "noscript", "template", "figure", "figcaption", "media", "img",
  "picture", "video", "audio", "iframe", "object", "embed", "svg", "math", "nav", "aside", "footer",
  "header", "form", "button", "select", "textarea", "body.head", "body.end", "tagline", "media-caption",
  "media-reference", "media-metadata", "media-producer", "ednote", "note", "meta", "link",
]);
const VOID_ELEMENTS = new Set([
  "br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "col", "embed", "param", "track", "base",
]);

/** Stands for <br> in the text buffer until the block is flushed; a private-use character never found in copy. */
const LINE_BREAK_MARK_CHAR = "\uE000";
const LINE_BREAK_MARK = /\uE000/g;
const DOUBLE_BREAK = /\uE000\s*\uE000/;

interface OpenElement {
  name: string;
  skipped: boolean;
}

/** Builds text blocks from markup events; tolerant of unclosed and stray end tags. */
export function blocksFromEvents(events: Iterable<MarkupEvent>): Block[] {
  const builder = new BlockBuilder();
  for (const event of events) {
    if (event.type === "text") builder.text(event.value);
    else if (event.type === "open") builder.open(event.name);
    else builder.close(event.name);
  }
  return builder.finish();
}

/**
 * Everything here is linear in the input: no rescanning of the text buffer, and end tags find
 * their element through a count of open names instead of searching a possibly deep stack.
 */
class BlockBuilder {
  private readonly blocks: Block[] = [];
  private readonly stack: OpenElement[] = [];
  private readonly openCount = new Map<string, number>();
  private skipDepth = 0;
  private headingDepth = 0;
  private buffer = "";
  private bufferHasText = false;
  private bufferIsHeading = false;

  text(value: string): void {
    if (this.skipDepth > 0) return;
    if (!this.bufferHasText && /\S/.test(value)) {
      this.bufferHasText = true;
      this.bufferIsHeading = this.headingDepth > 0;
    }
    this.buffer += value;
  }

  open(name: string): void {
    if (name === "br") {
      if (this.skipDepth === 0) this.buffer += LINE_BREAK_MARK_CHAR;
      return;
    }
    if (BLOCK_ELEMENTS.has(name) && this.skipDepth === 0) this.flush();
    if (VOID_ELEMENTS.has(name)) return;
    const skipped = SKIPPED.has(name);
    this.stack.push({ name, skipped });
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
    if (skipped) this.skipDepth++;
    if (HEADINGS.has(name)) this.headingDepth++;
  }

  close(name: string): void {
    if (!this.openCount.get(name)) return; // stray end tag
    let popped: OpenElement | undefined;
    do popped = this.pop();
    while (popped && popped.name !== name);
  }

  finish(): Block[] {
    while (this.stack.length > 0) this.pop();
    this.flush();
    return this.blocks;
  }

  private pop(): OpenElement | undefined {
    const el = this.stack.pop();
    if (!el) return undefined;
    this.openCount.set(el.name, (this.openCount.get(el.name) ?? 1) - 1);
    if (el.skipped) this.skipDepth--;
    if (HEADINGS.has(el.name)) this.headingDepth--;
    if (BLOCK_ELEMENTS.has(el.name) && this.skipDepth === 0) this.flush();
    return el;
  }

  /** A single <br> is a line break inside the paragraph (AAP hard-wraps with it); two in a row separate paragraphs. */
  private flush(): void {
    if (this.bufferHasText) {
      for (const piece of this.buffer.split(DOUBLE_BREAK)) {
        const text = piece.replace(LINE_BREAK_MARK, " ").replace(/\s+/g, " ").trim();
        if (text) this.blocks.push({ text, kind: this.bufferIsHeading ? "heading" : "paragraph" });
      }
    }
    this.buffer = "";
    this.bufferHasText = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Tolerant HTML tokenizer

/**
 * Tag bodies never contain "<", so a stray "<" costs one short scan instead of a scan to the end.
 * What follows the name must start with a character a name cannot hold: were the two free to
 * trade characters, an unterminated 2 MB name would be retried at every split point (quadratic).
 */
const TAG = /<(\/?)([A-Za-z][\w:.\-]*)((?:[^\w:.\-<>][^<>]*)?)>/y;
const ATTRIBUTE = /([^\s=/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

export function htmlToBlocks(html: string): Block[] {
  return blocksFromEvents(tokenizeHtml(html));
}

export function* tokenizeHtml(html: string): Generator<MarkupEvent> {
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      yield { type: "text", value: decodeEntities(html.slice(i)) };
      return;
    }
    if (lt > i) yield { type: "text", value: decodeEntities(html.slice(i, lt)) };
    if (html.startsWith("<!--", lt)) {
      i = skipPast(html, "-->", lt + 4);
    } else if (html.startsWith("<![CDATA[", lt)) {
      const end = html.indexOf("]]>", lt + 9);
      yield { type: "text", value: html.slice(lt + 9, end < 0 ? n : end) };
      i = end < 0 ? n : end + 3;
    } else if (html[lt + 1] === "!" || html[lt + 1] === "?") {
      i = skipPast(html, ">", lt + 2);
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(html);
      if (!m) {
        yield { type: "text", value: "<" };
        i = lt + 1;
        continue;
      }
      const name = localName(m[2] ?? "");
      i = lt + m[0].length;
      if (m[1] === "/") {
        yield { type: "close", name };
        continue;
      }
      const rawAttrs = m[3] ?? "";
      yield { type: "open", name, attrs: rawAttrs ? parseAttributes(rawAttrs) : NO_ATTRIBUTES };
      if (name === "script" || name === "style") i = skipRawText(html, name, i);
      if (rawAttrs.trimEnd().endsWith("/") || name === "script" || name === "style") yield { type: "close", name };
    }
  }
}

function skipPast(html: string, token: string, from: number): number {
  const end = html.indexOf(token, from);
  return end < 0 ? html.length : end + token.length;
}

/**
 * Searched from the tag on, case-insensitively, in place: lowercasing the document for each
 * <script> made 2 MB of script tags quadratic (tens of seconds).
 */
const RAW_TEXT_END: Readonly<Record<"script" | "style", RegExp>> = { script: /<\/script/gi, style: /<\/style/gi };

function skipRawText(html: string, name: "script" | "style", from: number): number {
  const end = RAW_TEXT_END[name];
  end.lastIndex = from;
  const found = end.exec(html);
  return found ? skipPast(html, ">", found.index) : html.length;
}

export function localName(qualified: string): string {
  const colon = qualified.lastIndexOf(":");
  return (colon >= 0 ? qualified.slice(colon + 1) : qualified).toLowerCase();
}

/** Most tags have no attributes; they share this instead of each building an empty object. */
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(Object.create(null) as Record<string, string>);

function parseAttributes(raw: string): Record<string, string> {
  // Attribute names are the document's: "constructor" or "__proto__" must be plain keys here.
  const attrs = Object.create(null) as Record<string, string>;
  for (const m of raw.matchAll(ATTRIBUTE)) {
    const name = localName(m[1] ?? "");
    if (name && !(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

// ---------------------------------------------------------------------------------------------
// Entities

/** A Map, not an object: "&constructor;" must not find Object.prototype.constructor. */
const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map(Object.entries({
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0", ensp: "\u2002", emsp: "\u2003",
  thinsp: "\u2009", zwnj: "\u200C", zwj: "\u200D", shy: "\u00AD", ndash: "–", mdash: "—", minus: "−",
  lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„", laquo: "«", raquo: "»",
  lsaquo: "‹", rsaquo: "›", hellip: "…", bull: "•", middot: "·", prime: "′", Prime: "″", copy: "©",
  reg: "®", trade: "™", deg: "°", euro: "€", pound: "£", yen: "¥", cent: "¢", sect: "§", para: "¶",
  times: "×", divide: "÷", plusmn: "±", frac12: "½", frac14: "¼", frac34: "¾", sup2: "²", sup3: "³",
  iexcl: "¡", iquest: "¿", szlig: "ß", eth: "ð", ETH: "Ð", thorn: "þ", THORN: "Þ", aelig: "æ",
  AElig: "Æ", oslash: "ø", Oslash: "Ø", aring: "å", Aring: "Å", ccedil: "ç", Ccedil: "Ç", ntilde: "ñ",
  Ntilde: "Ñ", oelig: "œ", OElig: "Œ", scaron: "š", Scaron: "Š", zcaron: "ž", Zcaron: "Ž",
}));
const ACCENTS: ReadonlyMap<string, string> = new Map(Object.entries({
  acute: "\u0301", grave: "\u0300", circ: "\u0302", uml: "\u0308", tilde: "\u0303",
}));
const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** Decodes HTML character references; unknown names stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : "\uFFFD";
    }
    return NAMED_ENTITIES.get(ref) ?? accented(ref) ?? whole;
  });
}

/** "eacute", "Ouml", "atilde": a base letter plus a combining accent, composed. */
function accented(ref: string): string | undefined {
  const m = /^([A-Za-z])(acute|grave|circ|uml|tilde)$/.exec(ref);
  if (!m?.[1] || !m[2]) return undefined;
  const composed = (m[1] + (ACCENTS.get(m[2]) ?? "")).normalize("NFC");
  return composed.length === 1 ? composed : undefined;
}
