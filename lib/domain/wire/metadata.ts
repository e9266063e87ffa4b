/** Small validators for metadata values taken from structured formats. */

/** A BCP 47-looking language tag ("en", "nb-NO", "en-US"), else null. */
export function languageTag(value: string | null | undefined): string | null {
  const tag = value?.trim();
  return tag && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : null;
}

/** The largest version stored (a 32-bit integer column). */
const MAX_VERSION = 2_147_483_647;

/** A non-negative integer version from a number or a numeric string ("6"), else null; null too beyond MAX_VERSION. */
export function versionNumber(value: unknown): number | null {
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_VERSION ? n : null;
}
