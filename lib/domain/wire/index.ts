/**
 * The one entry point for wire input: bytes or text in, a ParsedWire (or an AppError) out.
 * Pure and deterministic; no I/O.
 */
import { AppError } from "@/lib/domain/errors";
import { normalizeForMatching } from "@/lib/domain/text/normalize";
import type { ParsedWire, WireFormat } from "./types";
import { checkText, decodeBytes } from "./decode";
import { assertSupportedMediaType, detectFormat, type WireInput } from "./detect";
import { parseNinjs } from "./ninjs";
import { parseNewsmlG2, parseNitf } from "./newsml";
import { parsePlainText } from "./plain-text";

export type { ParsedWire, RemovedRange, Sentence, TextRange, WireFormat, WireMetadata } from "./types";
export type { WireInput } from "./detect";
export { detectFormat } from "./detect";
export { decodeBytes, checkText, MAX_INPUT_BYTES } from "./decode";
export { REMOVAL_REASONS, type RemovalReason } from "./boilerplate";
export { MAX_PASTED_STORIES, splitPastedStories } from "./paste";
export { contentItemKey, MAX_TITLE_LENGTH, wireItemIdentity, wireTitle, type IdentityContext, type WireItemIdentity } from "./identity";
export { isStorySentence } from "./result";

const PARSERS: Record<WireFormat, (original: string) => ParsedWire> = {
  text: parsePlainText,
  ninjs: parseNinjs,
  "newsml-g2": parseNewsmlG2,
  nitf: parseNitf,
};

export function parseWire(input: WireInput): ParsedWire {
  // Refuse unsupported types before spending time on the bytes.
  assertSupportedMediaType(input.contentType, input.filename);
  let original: string;
  if (input.text !== undefined) original = checkText(input.text);
  else if (input.bytes !== undefined) original = decodeBytes(input.bytes);
  else throw new AppError("INVALID_INPUT", "No input: send the story as text or as a file.");
  const format = detectFormat({ text: original, contentType: input.contentType, filename: input.filename });
  return PARSERS[format](original);
}

/**
 * What deduplication compares: the story body's sentences as a reader sees them, normalised, so
 * boilerplate, markup, line wrapping and the container format do not change it. The server
 * stores its SHA-256 (hashing needs node:crypto, which the domain does not use).
 */
export function dedupeText(parsed: Pick<ParsedWire, "sentences">): string {
  return normalizeForMatching(parsed.sentences.map((s) => s.text).join(" "));
}
