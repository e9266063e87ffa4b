/**
 * RSS 2.0 and Atom (RFC 4287) feeds read into items, and an item turned into the ninjs document
 * the import path takes: a feed item then goes through the same parsing, cleaning, dedupe and
 * versioning as a wire sent by hand, and its guid is the wire item's identity (ninjs `uri`).
 */
import { AppError } from "@/lib/domain/errors";
import { child, childElements, parseXmlDocument, textOf, type XmlElement, type XmlNode } from "@/lib/domain/wire/xml";
import { escapeHtml } from "../http/html";

export interface FeedItem {
  /** RSS `guid`, Atom `id`; the link, then the title, when the feed gives none. */
  guid: string;
  title: string | null;
  link: string | null;
  /** The item's date as the feed wrote it (RSS pubDate, Atom updated/published), ISO 8601 when readable. */
  published: string | null;
  /** The body as the feed carries it: HTML (content:encoded, Atom content/summary, RSS description). */
  bodyHtml: string;
  author: string | null;
}

export interface Feed {
  format: "rss" | "atom";
  title: string | null;
  items: FeedItem[];
}

export function parseFeed(xml: string): Feed {
  const root = parseXmlDocument(xml);
  if (root.name === "rss") return { format: "rss", title: textOf(child(child(root, "channel"), "title")), items: rssItems(root) };
  if (root.name === "feed") return { format: "atom", title: textOf(child(root, "title")), items: atomItems(root) };
  if (root.name === "rdf") throw new AppError("UNPROCESSABLE", "RSS 1.0 (RDF) feeds are not supported: use the feed's RSS 2.0 or Atom version.");
  throw new AppError("UNPROCESSABLE", `This is not an RSS 2.0 or Atom feed (its root element is <${root.name}>).`);
}

function rssItems(rss: XmlElement): FeedItem[] {
  const items: FeedItem[] = [];
  for (const item of childElements(child(rss, "channel"), "item")) {
    const title = textOf(child(item, "title"));
    const link = textOf(child(item, "link"));
    const guid = textOf(child(item, "guid")) ?? link ?? title;
    const bodyHtml = rawText(child(item, "encoded")) ?? rawText(child(item, "description")) ?? "";
    if (!guid) continue;
    items.push({ guid, title, link, published: isoDate(textOf(child(item, "pubdate")) ?? textOf(child(item, "date"))), bodyHtml, author: textOf(child(item, "author")) ?? textOf(child(item, "creator")) });
  }
  return items;
}

function atomItems(feed: XmlElement): FeedItem[] {
  const items: FeedItem[] = [];
  for (const entry of childElements(feed, "entry")) {
    const title = textOf(child(entry, "title"));
    const link = atomLink(entry);
    const guid = textOf(child(entry, "id")) ?? link ?? title;
    if (!guid) continue;
    const bodyHtml = atomText(child(entry, "content")) ?? atomText(child(entry, "summary")) ?? "";
    items.push({ guid, title, link, published: isoDate(textOf(child(entry, "updated")) ?? textOf(child(entry, "published"))), bodyHtml, author: textOf(child(child(entry, "author"), "name")) });
  }
  return items;
}

function atomLink(entry: XmlElement): string | null {
  const links = childElements(entry, "link");
  const alternate = links.find((l) => (l.attrs.rel ?? "alternate") === "alternate") ?? links[0];
  return alternate?.attrs.href ?? null;
}

/** Atom text constructs: type="xhtml" holds markup as elements, "html" and "text" as text. */
function atomText(el: XmlElement | undefined): string | null {
  if (!el) return null;
  if (el.attrs.type === "xhtml") return serialize(el.children).trim() || null;
  const text = rawText(el);
  if (text === null || el.attrs.type === "html") return text;
  return escapeHtml(text);
}

/** The element's text as written (entities decoded, CDATA unwrapped), whitespace kept for paragraphs. */
function rawText(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const text = el.children.map((c) => (typeof c === "string" ? c : serialize([c]))).join("").trim();
  return text || null;
}

function serialize(nodes: XmlNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === "string") return escapeHtml(node);
      const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join("");
      return `<${node.name}${attrs}>${serialize(node.children)}</${node.name}>`;
    })
    .join("");
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/**
 * The ninjs document a feed item is imported as. Its `uri` is the item's guid, so a changed item
 * under the same guid becomes a new version of the same wire; the channel's agency, when set,
 * names the copyright holder for agency recognition.
 */
export function feedItemToNinjs(item: FeedItem, channel: { agency: string | null; feedTitle: string | null }): string {
  const document: Record<string, unknown> = {
    uri: item.guid,
    type: "text",
    ...(item.title ? { headline: item.title } : {}),
    ...(item.published ? { versioncreated: item.published } : {}),
    ...(item.author ? { byline: item.author } : {}),
    ...(channel.agency ? { copyrightholder: channel.agency } : channel.feedTitle ? { provider: { name: channel.feedTitle } } : {}),
    ...(item.link ? { links: [{ href: item.link, rel: "alternate" }] } : {}),
    body_html: item.bodyHtml,
  };
  return JSON.stringify(document, null, 2);
}
