/**
 * Dates are only ever reported as stated: a full ISO date in metadata, or a month and day
 * whose year the same document states. Nothing here looks at the clock.
 */

const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ["january", "jan"]],
  [2, ["february", "feb"]],
  [3, ["march", "mar"]],
  [4, ["april", "apr"]],
  [5, ["may"]],
  [6, ["june", "jun"]],
  [7, ["july", "jul"]],
  [8, ["august", "aug"]],
  [9, ["september", "sept", "sep"]],
  [10, ["october", "oct"]],
  [11, ["november", "nov"]],
  [12, ["december", "dec"]],
];

const MONTH_BY_NAME = new Map<string, number>(
  MONTHS.flatMap(([n, names]) => names.map((name) => [name, n] as const)),
);

/** Regex source matching an English month name or AP abbreviation, with an optional period. */
export const MONTH_NAME_SOURCE =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

export function monthNumber(name: string): number | null {
  return MONTH_BY_NAME.get(name.replace(/\.$/, "").toLowerCase()) ?? null;
}

/** "YYYY-MM-DD" for a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1800 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The calendar date a timestamp states, as written (no time-zone conversion: the agency's
 * local date is the story's date). Accepts "2023-09-12T…", "20151210T191044Z", "2023-09-12".
 */
export function dateFromTimestamp(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s+\-Z])/.exec(value);
  if (!match) return null;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** First stated date among timestamps listed from most to least relevant. */
export function firstDate(values: readonly unknown[]): string | null {
  for (const value of values) {
    const date = dateFromTimestamp(value);
    if (date) return date;
  }
  return null;
}

/**
 * The year of a full written date with this month and day ("Sept. 12, 2023", "12 September
 * 2023"), if the text contains one. Used to date a dateline that only says "Sept 12".
 */
export function yearOfWrittenDate(text: string, month: number, day: number): number | null {
  const monthFirst = new RegExp(`\\b(${MONTH_NAME_SOURCE})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, "g");
  const dayFirst = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_NAME_SOURCE})\\s+(\\d{4})\\b`, "g");
  for (const match of text.matchAll(monthFirst)) {
    if (monthNumber(match[1] ?? "") === month && Number(match[2]) === day) return Number(match[3]);
  }
  for (const match of text.matchAll(dayFirst)) {
    if (monthNumber(match[2] ?? "") === month && Number(match[1]) === day) return Number(match[3]);
  }
  return null;
}
