/**
 * Bytes (or a string) in, checked text out. The decoded text is kept verbatim, a UTF-8 BOM
 * included, because plain-text offsets index into exactly what was received; parsers of
 * structured formats skip the BOM themselves.
 */
import { AppError } from "@/lib/domain/errors";

export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

/** Above this share of control characters the input is binary, not text with stray controls. */
const MAX_CONTROL_SHARE = 0.1;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** XML declaring a single-byte legacy charset may be decoded as such; anything else must be UTF-8. */
const LEGACY_XML_CHARSET = /^\s*<\?xml[^>]*encoding\s*=\s*["'](iso-8859-1|iso-8859-15|latin-?1|windows-1252|cp1252|us-ascii)["']/i;

export function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new AppError("INVALID_INPUT", "There’s nothing to import: it’s empty.");
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(bytes.length);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new AppError("INVALID_INPUT", "The input is UTF-16 text; send UTF-8.");
  }
  if (bytes.includes(0)) {
    throw new AppError("INVALID_INPUT", "The input looks like binary data (it contains NUL bytes), not wire text.");
  }
  return checkText(decodeUtf8OrDeclaredLegacy(bytes));
}

function decodeUtf8OrDeclaredLegacy(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 200));
    if (LEGACY_XML_CHARSET.test(head)) return new TextDecoder("windows-1252").decode(bytes);
    throw new AppError("INVALID_INPUT", "The input is not valid UTF-8 text. Save or export it as UTF-8 and try again.");
  }
}

/** Checks decoded (or directly given) text: size, emptiness, binary content. Returns it unchanged. */
export function checkText(text: string): string {
  if (text.length > MAX_INPUT_BYTES) throw tooLarge(text.length);
  const size = utf8Length(text);
  if (size > MAX_INPUT_BYTES) throw tooLarge(size);
  if (text.trim().length === 0) throw new AppError("INVALID_INPUT", "There’s nothing to import: it’s empty.");
  if (text.includes("\u0000")) {
    throw new AppError("INVALID_INPUT", "The input looks like binary data (it contains NUL characters), not wire text.");
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls / text.length > MAX_CONTROL_SHARE) {
    throw new AppError("INVALID_INPUT", "The input looks like binary data (too many control characters), not wire text.");
  }
  return text;
}

function tooLarge(size: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The input is ${size} bytes; the limit is 2 MB (${MAX_INPUT_BYTES} bytes).`, {
    size,
    limit: MAX_INPUT_BYTES,
  });
}

/** UTF-8 byte length of a string without encoding it (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
