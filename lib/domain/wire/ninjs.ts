/**
 * ninjs (IPTC News in JSON) 1.x–3.x, plus the common wrappers around it (AP Media API
 * `data.item`, feed envelopes with `item`/`items`). Property names are matched
 * case-insensitively: 1.x/2.x write `versioncreated`, 3.x `versionCreated`.
 *
 * Body preference: HTML (paragraph structure is explicit) over NITF over plain text.
 */
import { AppError } from "@/lib/domain/errors";
import type { ParsedWire } from "./types";
import { firstAgency } from "./agency";
import { parseDatelineField } from "./dateline";
import { firstDate } from "./dates";
import { cleanByline, deriveStoryText } from "./derived";
import { languageTag, versionNumber } from "./metadata";
import { htmlToBlocks, type Block } from "./markup";
import { plainParagraphs } from "./lines";
import { nitfBodyBlocks } from "./newsml";
import { buildParsedWire } from "./result";
import { analyzeStory } from "./story";
import { assertNoEntityDeclarations, parseXmlDocument } from "./xml";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const WRAPPER_KEYS = ["item", "items", "data", "result", "results"];
const MAX_WRAPPER_DEPTH = 4;
const MAX_ARRAY_SCAN = 50;

export function parseNinjs(original: string): ParsedWire {
  const item = findItem(parseJson(original), 0);
  if (!item) {
    throw new AppError(
      "UNPROCESSABLE",
      "This JSON is not a ninjs news item with a body (expected body_text, body_html, body_xhtml or bodies[]).",
    );
  }
  const blocks = bodyBlocks(item);
  if (blocks.length === 0) throw new AppError("UNPROCESSABLE", "The ninjs item has no body text.");
  const derived = deriveStoryText(headlineOf(item), blocks);
  const analysis = analyzeStory(derived.text, { headline: derived.headlineRange, forced: derived.forced });
  const located = parseDatelineField(str(item, "located"));
  return buildParsedWire("ninjs", original, derived.text, analysis, {
    headline: analysis.headline,
    agency: firstAgency([
      analysis.dateline?.agency,
      nameOf(get(item, "infosource")) ?? nameOf(get(item, "infosources")),
      str(item, "source"),
      analysis.agency,
      str(item, "copyrightholder"),
      str(item, "provider") ?? nameOf(get(item, "provider")),
    ]),
    dateline: analysis.dateline?.place ?? located?.place ?? str(get(item, "datelinelocation"), "city"),
    date: analysis.date ?? firstDate([get(item, "contentcreated"), get(item, "firstcreated"), get(item, "versioncreated")]),
    byline: cleanByline(str(item, "byline") ?? str(item, "by")) ?? analysis.byline,
    language: languageTag(str(item, "language")) ?? analysis.language,
    externalId: str(item, "uri") ?? str(item, "guid"),
    externalVersion: versionNumber(get(item, "version")),
  });
}

function parseJson(original: string): Json {
  try {
    return JSON.parse(original.replace(/^\uFEFF/, "")) as Json;
  } catch (error) {
    const detail = error instanceof Error ? error.message : "cannot parse";
    throw new AppError("UNPROCESSABLE", `Malformed JSON: ${detail}`);
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Case-insensitive property access. */
function get(value: Json | undefined, key: string): Json | undefined {
  if (!isObject(value)) return undefined;
  if (Object.hasOwn(value, key)) return value[key];
  const lower = key.toLowerCase();
  const found = Object.keys(value).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : value[found];
}

function str(value: Json | undefined, key: string): string | null {
  const v = get(value, key);
  if (typeof v !== "string") return null;
  const trimmed = v.trim();
  return trimmed || null;
}

/** `{name}` or `[{name}, …]`: the first name. */
function nameOf(value: Json | undefined): string | null {
  if (Array.isArray(value)) return value.map((v) => nameOf(v)).find((n) => n !== null) ?? null;
  return str(value, "name");
}

function hasBody(item: JsonObject): boolean {
  if (["body_text", "body_html", "body_xhtml"].some((k) => typeof get(item, k) === "string")) return true;
  const bodies = get(item, "bodies");
  return Array.isArray(bodies) && bodies.some((b) => typeof get(b, "value") === "string");
}

function findItem(value: Json, depth: number): JsonObject | null {
  if (depth > MAX_WRAPPER_DEPTH) return null;
  if (Array.isArray(value)) {
    for (const element of value.slice(0, MAX_ARRAY_SCAN)) {
      const found = findItem(element, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(value)) return null;
  if (hasBody(value)) return value;
  for (const key of WRAPPER_KEYS) {
    const inner = get(value, key);
    const found = inner === undefined ? null : findItem(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

function headlineOf(item: JsonObject): string | null {
  const single = str(item, "headline");
  if (single) return single;
  const headlines = get(item, "headlines");
  if (!Array.isArray(headlines)) return null;
  const main = headlines.find((h) => /main/i.test(str(h, "role") ?? "")) ?? headlines[0];
  return str(main, "value");
}

type BodyKind = "html" | "nitf" | "text";
interface BodyCandidate {
  kind: BodyKind;
  value: string;
}
const KIND_ORDER: readonly BodyKind[] = ["html", "nitf", "text"];

function bodyBlocks(item: JsonObject): Block[] {
  const candidates = bodyCandidates(item).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  for (const candidate of candidates) {
    const blocks = toBlocks(candidate);
    if (blocks.length > 0) return blocks;
  }
  return [];
}

function bodyCandidates(item: JsonObject): BodyCandidate[] {
  const candidates: BodyCandidate[] = [];
  const add = (kind: BodyKind | null, value: Json | undefined) => {
    if (kind && typeof value === "string" && value.trim()) candidates.push({ kind, value });
  };
  add("html", get(item, "body_xhtml"));
  add("html", get(item, "body_html"));
  add("text", get(item, "body_text"));
  const bodies = get(item, "bodies");
  if (Array.isArray(bodies)) {
    for (const body of bodies) add(classifyBody(body), get(body, "value"));
  }
  return candidates;
}

function classifyBody(body: Json): BodyKind | null {
  const type = (str(body, "contenttype") ?? "").toLowerCase();
  const role = (str(body, "role") ?? "").toLowerCase();
  const value = str(body, "value") ?? "";
  if (type.includes("nitf") || role === "nitf" || /^(?:<\?xml[^>]*>\s*)?<nitf[\s>]/i.test(value)) return "nitf";
  if (type.includes("html") || type.includes("xhtml") || /^(?:x?html\d?|richtext|richhtml\d?|body_x?html)$/.test(role)) {
    return "html";
  }
  if (type === "" || type.startsWith("text/plain")) return "text";
  return null; // other renditions (TT's proprietary "ttnitf", JSON, …)
}

function toBlocks(candidate: BodyCandidate): Block[] {
  switch (candidate.kind) {
    case "html":
      return htmlToBlocks(candidate.value);
    case "text":
      return plainParagraphs(candidate.value).map((text) => ({ text, kind: "paragraph" }));
    case "nitf":
      return nitfCandidateBlocks(candidate.value);
  }
}

/** A malformed embedded NITF rendition is skipped in favour of the others; entity declarations are refused. */
function nitfCandidateBlocks(value: string): Block[] {
  assertNoEntityDeclarations(value);
  try {
    return nitfBodyBlocks(parseXmlDocument(value));
  } catch {
    return [];
  }
}
