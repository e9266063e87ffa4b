/**
 * Canonical form of text for comparing and hashing, never for display: two renderings of the
 * same wire sentence (curly vs straight quotes, em vs double hyphen, NBSP, ligatures, stray
 * zero-width characters, reflowed whitespace) normalise to the same string. Case is kept;
 * callers that want case-insensitive matching lowercase themselves.
 */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u00B4`]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/g;
/** Hyphens, figure/en/em dashes, horizontal bar, minus sign, and "--" used as a dash. */
const DASHES = /(?:[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]|--+)/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const WHITESPACE_RUN = /\s+/g;

export function normalizeForMatching(s: string): string {
  return s
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, "-")
    .replace(WHITESPACE_RUN, " ")
    .trim();
}
