/**
 * NewsML-G2 (newsMessage, newsItem, or a bare contentSet fragment) and plain NITF.
 *
 * A newsMessage may carry several items; the first text item with inline content is parsed
 * (pictures and remote content are skipped). Metadata comes from contentMeta/itemMeta, with the
 * embedded NITF head as fallback; the story text itself still wins for agency and dateline
 * because "(AP) —" in the lede is the most direct statement of where the copy comes from.
 */
import { AppError } from "@/lib/domain/errors";
import type { ParsedWire } from "./types";
import { firstAgency } from "./agency";
import { parseDatelineField, type Dateline } from "./dateline";
import { firstDate } from "./dates";
import { cleanByline, deriveStoryText } from "./derived";
import { plainParagraphs } from "./lines";
import { blocksFromEvents, decodeEntities, htmlToBlocks, type Block } from "./markup";
import { languageTag, versionNumber } from "./metadata";
import { buildParsedWire } from "./result";
import { analyzeStory, type StoryAnalysis } from "./story";
import {
  child,
  childElements,
  descendant,
  eventsOf,
  literalOrName,
  parseXmlDocument,
  textOf,
  textWithout,
  type XmlElement,
} from "./xml";

interface NitfMeta {
  headline: string | null;
  byline: string | null;
  dateline: Dateline | null;
  distributor: string | null;
  copyrightHolder: string | null;
  dates: Array<string | undefined>;
  docId: string | null;
  version: number | null;
  language: string | null;
}

interface ItemBody {
  blocks: Block[];
  nitf: XmlElement | null;
}

// ---------------------------------------------------------------------------------------------
// NewsML-G2

export function parseNewsmlG2(original: string): ParsedWire {
  const root = parseXmlDocument(original);
  for (const item of newsItems(root)) {
    const body = itemBody(item);
    if (body) return g2Story(original, item, body);
  }
  throw new AppError(
    "UNPROCESSABLE",
    "The NewsML-G2 document has no text item with inline content (inlineXML or inlineData).",
  );
}

/** newsItems in document order; a bare contentSet fragment stands for its item. */
function newsItems(root: XmlElement): XmlElement[] {
  if (root.name === "newsitem" || root.name === "contentset") return [root];
  const found: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (const c of childElements(el)) {
      if (c.name === "newsitem") found.push(c);
      else if (c.name !== "contentset") walk(c);
    }
  };
  walk(root);
  return found;
}

function itemBody(item: XmlElement): ItemBody | null {
  const contentSet = item.name === "contentset" ? item : child(item, "contentset");
  for (const content of childElements(contentSet)) {
    if (content.name === "inlinexml") {
      const inner = childElements(content)[0];
      if (!inner || !isTextMarkup(inner, content.attrs.contenttype)) continue;
      const nitf = inner.name === "nitf" ? inner : null;
      const blocks = nitf ? nitfBodyBlocks(nitf) : xmlBlocks(descendant(inner, "body") ?? inner);
      if (blocks.length > 0) return { blocks, nitf };
    } else if (content.name === "inlinedata") {
      const raw = content.children.filter((c): c is string => typeof c === "string").join("");
      const html = /html/i.test(content.attrs.contenttype ?? "");
      const blocks = html ? htmlToBlocks(raw) : plainParagraphs(raw).map((text) => paragraph(text));
      if (blocks.length > 0) return { blocks, nitf: null };
    }
  }
  return null;
}

/** Inline XML that carries story text (NITF, XHTML), not events, SportsML or other data. */
function isTextMarkup(inner: XmlElement, contentType: string | undefined): boolean {
  if (["nitf", "html", "body", "article", "section", "div", "p"].includes(inner.name)) return true;
  return /html|nitf/i.test(contentType ?? "");
}

function g2Story(original: string, item: XmlElement, body: ItemBody): ParsedWire {
  const contentMeta = child(item, "contentmeta");
  const itemMeta = child(item, "itemmeta");
  const nitf = body.nitf ? nitfMeta(body.nitf) : null;
  const headlines = childElements(contentMeta, "headline");
  const mainHeadline = headlines.find((h) => !h.attrs.role || /main/i.test(h.attrs.role)) ?? headlines[0];
  const datelineField = parseDatelineField(textOf(child(contentMeta, "dateline")));
  const sources = childElements(contentMeta, "infosource");
  const source = sources.find((s) => /source|origprov/i.test(s.attrs.role ?? "")) ?? sources[0];
  const analysis = analyze(textOf(mainHeadline) ?? nitf?.headline ?? null, body.blocks);
  return buildParsedWire("newsml-g2", original, analysis.text, analysis.story, {
    headline: analysis.story.headline,
    agency: firstAgency([
      analysis.story.dateline?.agency,
      datelineField?.agency,
      textOf(child(contentMeta, "creditline")),
      literalOrName(source),
      nitf?.distributor,
      analysis.story.agency,
      literalOrName(child(child(item, "rightsinfo"), "copyrightholder")),
      literalOrName(child(itemMeta, "provider")),
    ]),
    dateline:
      analysis.story.dateline?.place ??
      datelineField?.place ??
      nitf?.dateline?.place ??
      parseDatelineField(literalOrName(child(contentMeta, "located")))?.place ??
      null,
    date:
      analysis.story.date ??
      firstDate([
        textOf(child(contentMeta, "contentcreated")),
        textOf(child(itemMeta, "firstcreated")),
        textOf(child(itemMeta, "versioncreated")),
        ...(nitf?.dates ?? []),
      ]),
    byline: cleanByline(textOf(child(contentMeta, "by"))) ?? nitf?.byline ?? analysis.story.byline,
    language:
      languageTag(child(contentMeta, "language")?.attrs.tag) ??
      languageTag(item.attrs.lang) ??
      nitf?.language ??
      analysis.story.language,
    externalId: item.attrs.guid?.trim() || null,
    externalVersion: versionNumber(item.attrs.version),
  });
}

// ---------------------------------------------------------------------------------------------
// NITF

export function parseNitf(original: string): ParsedWire {
  const root = parseXmlDocument(original);
  if (root.name !== "nitf") throw new AppError("UNPROCESSABLE", `Expected a NITF document, found <${root.name}>.`);
  const meta = nitfMeta(root);
  const analysis = analyze(meta.headline, nitfBodyBlocks(root));
  return buildParsedWire("nitf", original, analysis.text, analysis.story, {
    headline: analysis.story.headline,
    agency: firstAgency([
      analysis.story.dateline?.agency,
      meta.dateline?.agency,
      meta.distributor,
      analysis.story.agency,
      meta.copyrightHolder,
    ]),
    dateline: analysis.story.dateline?.place ?? meta.dateline?.place ?? null,
    date: analysis.story.date ?? firstDate(meta.dates),
    byline: meta.byline ?? analysis.story.byline,
    language: meta.language ?? analysis.story.language,
    externalId: meta.docId,
    externalVersion: meta.version,
  });
}

/** Paragraphs and subheads of a NITF body (<body.content>), without head, body.head or media. */
export function nitfBodyBlocks(nitf: XmlElement): Block[] {
  const body = child(nitf, "body") ?? descendant(nitf, "body");
  const content = child(body, "body.content") ?? descendant(body, "body.content") ?? body;
  return content ? xmlBlocks(content) : [];
}

function nitfMeta(nitf: XmlElement): NitfMeta {
  const head = child(nitf, "head");
  const bodyHead = child(child(nitf, "body"), "body.head");
  const docdata = child(head, "docdata");
  const byline = child(bodyHead, "byline");
  return {
    headline: textOf(descendant(child(bodyHead, "hedline"), "hl1")) ?? textOf(child(head, "title")),
    byline: cleanByline(textWithout(byline, "byttl")) ?? cleanByline(textOf(byline)),
    dateline: parseDatelineField(textOf(child(bodyHead, "dateline"))),
    distributor: textOf(child(bodyHead, "distributor")),
    copyrightHolder: child(docdata, "doc.copyright")?.attrs.holder ?? null,
    dates: [child(docdata, "date.issue")?.attrs.norm, child(head, "pubdata")?.attrs["date.publication"]],
    docId: child(docdata, "doc-id")?.attrs["id-string"]?.trim() || null,
    version: versionNumber(child(docdata, "du-key")?.attrs.version),
    language: languageTag(nitf.attrs.baselang ?? nitf.attrs.lang),
  };
}

// ---------------------------------------------------------------------------------------------
// Shared

function analyze(headline: string | null, blocks: Block[]): { text: string; story: StoryAnalysis } {
  const derived = deriveStoryText(headline, blocks);
  const story = analyzeStory(derived.text, { headline: derived.headlineRange, forced: derived.forced });
  return { text: derived.text, story };
}

function paragraph(text: string): Block {
  return { text, kind: "paragraph" };
}

/**
 * Some feeds escape twice ("&amp;#39;"), so after XML decoding a reference is still visible;
 * a second decode repairs that. Only applied to XML-derived text, where a literal reference
 * cannot otherwise survive.
 */
const RESIDUAL_REFERENCE = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|quot|amp|apos|lt|gt|nbsp);/i;

function xmlBlocks(el: XmlElement): Block[] {
  return blocksFromEvents(eventsOf(el)).map((b) => {
    if (!RESIDUAL_REFERENCE.test(b.text)) return b;
    return { ...b, text: decodeEntities(b.text).replace(/\s+/g, " ").trim() };
  }).filter((b) => b.text.length > 0);
}
