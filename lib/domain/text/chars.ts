/**
 * Character classes shared by segmentation and wire cleaning. "Whitespace" is exactly what
 * JavaScript's `\s` and `String.prototype.trim` consider whitespace, so that the invariants
 * callers check with `trim()` hold for every range these helpers produce.
 */
import type { TextRange } from "./types";

const WHITESPACE = /\s/;
const UPPERCASE = /[\p{Lu}\p{Lt}]/u;
const LOWERCASE = /\p{Ll}/u;
const UNCASED_LETTER = /\p{Lo}/u;
const DIGIT = /\p{Nd}/u;

// These run once per character of up to 2 MB of text, so ASCII is decided without a regex.

export function isWhitespace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 0xa0) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return WHITESPACE.test(ch);
}

export function isLineBreakCode(code: number): boolean {
  return (code >= 0x0a && code <= 0x0d) || code === 0x85 || code === 0x2028 || code === 0x2029;
}

export function isLineBreak(ch: string | undefined): boolean {
  return ch !== undefined && isLineBreakCode(ch.charCodeAt(0));
}

export function isUppercase(ch: string | undefined): boolean {
  return ch !== undefined && UPPERCASE.test(ch);
}

export function isLowercase(ch: string | undefined): boolean {
  return ch !== undefined && LOWERCASE.test(ch);
}

/** Letters of scripts without case (CJK, Arabic, Hebrew…) can start a sentence too. */
export function isUncasedLetter(ch: string | undefined): boolean {
  return ch !== undefined && UNCASED_LETTER.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && DIGIT.test(ch);
}

/** Shrinks [start, end) until it neither starts nor ends with whitespace; empty ranges collapse to start === end. */
export function trimRange(text: string, start: number, end: number): TextRange {
  let s = start;
  let e = end;
  while (s < e && isWhitespace(text[s])) s++;
  while (e > s && isWhitespace(text[e - 1])) e--;
  return { start: s, end: e };
}
