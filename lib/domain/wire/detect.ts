/**
 * Which parser a document goes to. The declared content type (or, failing that, the file
 * extension) rules out what we do not accept at all (PDF, images, HTML pages: 415); the
 * content itself then decides, because pasted and uploaded text rarely carries a precise type.
 */
import { AppError } from "@/lib/domain/errors";
import type { WireFormat } from "./types";

export interface WireInput {
  bytes?: Uint8Array;
  text?: string;
  contentType?: string;
  filename?: string;
}

type Family = "text" | "json" | "xml" | "sniff";

const JSON_TYPES = new Set(["application/json", "text/json", "application/x-json"]);
const XML_TYPES = new Set(["application/xml", "text/xml"]);
const TEXT_TYPES = new Set(["text/plain", "text/x-plain"]);
const SNIFF_TYPES = new Set(["application/octet-stream", "binary/octet-stream", "application/unknown"]);
const REFUSED_EXTENSIONS = new Set([
  "pdf", "doc", "docx", "odt", "rtf", "pages", "html", "htm", "xhtml", "png", "jpg", "jpeg", "gif", "webp",
  "tif", "tiff", "heic", "svg", "mp3", "wav", "mp4", "mov", "avi", "zip", "gz", "tgz", "7z", "rar", "xls",
  "xlsx", "ods", "csv", "ppt", "pptx", "key", "exe", "bin",
]);

const G2_ROOTS = new Set([
  "newsmessage", "newsitem", "itemset", "contentset", "contentmeta", "inlinexml", "packageitem",
  "planningitem", "knowledgeitem", "conceptitem", "catalogitem",
]);

export function detectFormat(input: WireInput): WireFormat {
  const family = declaredFamily(input.contentType, input.filename);
  const head = sniffHead(input);
  if (/^[\u0016\u0001]/.test(head)) {
    throw new AppError(
      "UNPROCESSABLE",
      "This looks like an ANPA-1312 or IPTC 7901 transmission, which is not supported. Send plain text, ninjs, NewsML-G2 or NITF.",
    );
  }
  const body = head.replace(/^\uFEFF/, "").trimStart();
  if (family === "json") return "ninjs";
  if (family === "xml") return xmlFormat(body);
  if (looksLikeXmlDocument(body, family)) return xmlFormat(body);
  if (looksLikeJson(body, input.text, family)) return "ninjs";
  return "text";
}

/** Throws UNSUPPORTED_MEDIA_TYPE for a declared type or extension that is never wire text. */
export function assertSupportedMediaType(contentType: string | undefined, filename: string | undefined): void {
  declaredFamily(contentType, filename);
}

function declaredFamily(contentType: string | undefined, filename: string | undefined): Family {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "" && !SNIFF_TYPES.has(type)) {
    if (TEXT_TYPES.has(type)) return "text";
    if (JSON_TYPES.has(type) || type.endsWith("+json")) return "json";
    if (XML_TYPES.has(type) || type.endsWith("+xml")) return "xml";
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Content type "${type}" is not supported. Send plain text, ninjs JSON, NewsML-G2 or NITF XML.`,
      { contentType: type },
    );
  }
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(filename ?? "")?.[1]?.toLowerCase();
  if (ext === "txt" || ext === "text") return "text";
  if (ext === "json") return "json";
  if (ext === "xml" || ext === "nitf" || ext === "newsml") return "xml";
  if (ext && REFUSED_EXTENSIONS.has(ext)) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Files of type .${ext} are not supported. Send plain text, ninjs JSON, NewsML-G2 or NITF XML.`,
      { filename },
    );
  }
  return "sniff";
}

/** The first few kilobytes as text, enough to find a root element or a JSON brace. */
function sniffHead(input: WireInput): string {
  if (input.text !== undefined) return input.text.slice(0, 64 * 1024);
  if (input.bytes) return new TextDecoder("utf-8").decode(input.bytes.subarray(0, 64 * 1024));
  return "";
}

/**
 * Plain text may contain markup ("<b>…" stays text), so without an XML declaration only a known
 * wire root element makes a document XML.
 */
function looksLikeXmlDocument(body: string, family: Family): boolean {
  if (/^<\?xml[\s?]/i.test(body)) return true;
  if (/^<!DOCTYPE\s/i.test(body)) return family !== "text" || rootName(body) !== null;
  const root = rootName(body);
  return root !== null && (G2_ROOTS.has(root) || root === "nitf" || root === "newsml");
}

/**
 * Undeclared input starting with "{" goes to the ninjs parser, whose "Malformed JSON" is the
 * helpful answer to a broken paste. Declared plain text, and anything starting with "[", must
 * actually parse as JSON: "[Updated] Kim arrived…" is a story.
 */
function looksLikeJson(body: string, fullText: string | undefined, family: Family): boolean {
  if (body.startsWith("{") && family !== "text") return true;
  if (!body.startsWith("{") && !body.startsWith("[")) return false;
  try {
    JSON.parse((fullText ?? body).replace(/^\uFEFF/, ""));
    return true;
  } catch {
    return false;
  }
}

function xmlFormat(body: string): WireFormat {
  const root = rootName(body);
  if (root === null) throw new AppError("UNPROCESSABLE", "The input is not an XML document: no root element found.");
  if (root === "nitf") return "nitf";
  if (G2_ROOTS.has(root)) return "newsml-g2";
  if (root === "newsml") {
    throw new AppError("UNPROCESSABLE", "NewsML 1.x is not supported. Send NewsML-G2, NITF, ninjs or plain text.");
  }
  throw new AppError("UNPROCESSABLE", `Unrecognised XML document <${root}>: expected NewsML-G2 or NITF.`, { root });
}

/** Local name of the first element, lowercased, skipping the declaration, comments, PIs and DOCTYPE. */
function rootName(body: string): string | null {
  let i = 0;
  for (let guard = 0; guard < 1000 && i < body.length; guard++) {
    while (i < body.length && /\s/.test(body[i] as string)) i++;
    if (body.startsWith("<!--", i)) i = after(body, "-->", i);
    else if (body.startsWith("<?", i)) i = after(body, "?>", i);
    else if (/^<!DOCTYPE/i.test(body.slice(i, i + 9))) i = afterDoctype(body, i);
    else break;
  }
  const m = /^<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)[\s/>]/.exec(body.slice(i, i + 200));
  return m?.[2] ? m[2].toLowerCase() : null;
}

function after(body: string, token: string, from: number): number {
  const end = body.indexOf(token, from);
  return end < 0 ? body.length : end + token.length;
}

function afterDoctype(body: string, from: number): number {
  const close = body.indexOf(">", from);
  const bracket = body.indexOf("[", from);
  if (bracket >= 0 && (close < 0 || bracket < close)) {
    const subsetEnd = body.indexOf("]", bracket);
    return subsetEnd < 0 ? body.length : after(body, ">", subsetEnd);
  }
  return close < 0 ? body.length : close + 1;
}
