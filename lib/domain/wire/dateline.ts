/**
 * Datelines at the start of a lede ("SEOUL, South Korea, Sept 12 (AP) — ", "DAMASCUS (Reuters) - ",
 * "(ANSA) - Rome, October 11 - ", "Seoul: ") and dateline fields in metadata.
 */
import { knownAgency, normalizeAgency } from "./agency";
import { MONTH_NAME_SOURCE, monthNumber } from "./dates";

export interface Dateline {
  /** The place as written, e.g. "SEOUL, South Korea"; null when the dateline only credits an agency. */
  place: string | null;
  agency: string | null;
  month: number | null;
  day: number | null;
  year: number | null;
}

export interface DatelineMatch extends Dateline {
  /** Length of the dateline prefix, up to and including its dash or colon (no trailing space). */
  length: number;
}

const WORD = "[\\p{Lu}][\\p{L}\\p{M}'’.\\-]*";
const CONNECTOR = "(?:de|da|do|dos|del|della|di|la|le|les|of|am|an|der|den|el|al|upon|on|sur|en|im)";
const SEGMENT = `${WORD}(?:\\s+(?:${CONNECTOR}\\s+)?${WORD}){0,4}`;
const PLACE = `${SEGMENT}(?:,\\s*${SEGMENT}){0,2}`;
const WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const DATE = `(?:${WEEKDAY},?\\s+)?(${MONTH_NAME_SOURCE})\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?`;
const CREDIT = "\\(([^()\\n\\d]{1,40})\\)";
/** EFE writes "(EFE).- ", old AP copy "(AP) _ ". */
const DASH = "(?:\\.?(?:—|–|―|‒|--|-)|_)";
/** A bare agency token after a place, as AAP prints AFP copy: "SEOUL, Nov 26 AFP - ". */
const BARE_AGENCY = "([A-Za-z][A-Za-z/]{1,9})";

/** PLACE[, DATE] (CREDIT) — */
const WITH_CREDIT = new RegExp(`^(${PLACE})(?:,\\s*${DATE})?\\s*${CREDIT}\\s*${DASH}(?=\\s)`, "u");
/** (CREDIT) — [PLACE, DATE —] */
const CREDIT_FIRST = new RegExp(`^${CREDIT}\\s*${DASH}(?:\\s+(${PLACE}),\\s*${DATE}\\s*${DASH})?(?=\\s)`, "u");
/** PLACE[, DATE] — with the first place segment in capitals: "WASHINGTON — ". */
const CAPS_PLACE = new RegExp(`^(${PLACE})(?:,\\s*${DATE})?\\s*${DASH}(?=\\s+[\\p{Lu}\\d“"‘'])`, "u");
/** DATE (CREDIT) — without a place: "Jan. 12 (BusinessDesk) - ". */
const DATE_CREDIT = new RegExp(`^${DATE}\\s*${CREDIT}\\s*${DASH}(?=\\s)`, "u");
/** PLACE[, DATE] AGENCY — with a known agency: "SEOUL, Nov 26 AFP - ". */
const PLACE_AGENCY = new RegExp(`^(${PLACE})(?:,\\s*${DATE})?\\s+${BARE_AGENCY}\\s*${DASH}(?=\\s)`, "u");
/** (PLACE — DATE) in parentheses: "(New York, NY - October 21) ". */
const PAREN_PLACE = new RegExp(`^\\((${PLACE})\\s*${DASH}\\s*${DATE}\\)(?=\\s)`, "u");
/** Place: with one to three capitalised words: "Seoul: ". */
const COLON_PLACE = new RegExp(`^(${WORD}(?:\\s+${WORD}){0,2}):(?=\\s+[\\p{Lu}\\d“"‘'])`, "u");

/** Words that open a lede with a colon without being a place. */
const NOT_PLACES = new Set(
  [
    "update", "updated", "updates", "breaking", "breaking news", "exclusive", "analysis", "opinion",
    "editorial", "note", "eds", "editor's note", "editor’s note", "warning", "watch", "live", "video",
    "photos", "photo", "correction", "clarification", "advisory", "summary", "background", "context",
    "factbox", "explainer", "headline", "story", "source", "sources", "comment", "review", "interview",
    "transcript", "statement", "read", "listen", "related", "timeline", "quote", "pictured", "caption",
    "image", "credit", "byline", "dateline", "date", "by", "q", "a", "fact check", "factcheck",
  ],
);

/** Longer than any real dateline; bounds the regex work on long ledes. */
const MAX_DATELINE_LENGTH = 160;

export function matchDateline(line: string): DatelineMatch | null {
  const head = line.slice(0, MAX_DATELINE_LENGTH);
  return (
    matchWithCredit(head) ??
    matchCreditFirst(head) ??
    matchDateCredit(head) ??
    matchPlaceAgency(head) ??
    matchParenPlace(head) ??
    matchCapsPlace(head) ??
    matchColonPlace(head)
  );
}

function matchDateCredit(line: string): DatelineMatch | null {
  const m = DATE_CREDIT.exec(line);
  return m ? build(m[0], null, m[4], m[1], m[2], m[3]) : null;
}

function matchPlaceAgency(line: string): DatelineMatch | null {
  const m = PLACE_AGENCY.exec(line);
  if (!m || !knownAgency(m[5])) return null;
  return build(m[0], cleanPlace(m[1]), m[5], m[2], m[3], m[4]);
}

function matchParenPlace(line: string): DatelineMatch | null {
  const m = PAREN_PLACE.exec(line);
  return m ? build(m[0], cleanPlace(m[1]), undefined, m[2], m[3], m[4]) : null;
}

function matchWithCredit(line: string): DatelineMatch | null {
  const m = WITH_CREDIT.exec(line);
  if (!m) return null;
  const place = cleanPlace(m[1]);
  return build(m[0], place, m[5], m[2], m[3], m[4]);
}

function matchCreditFirst(line: string): DatelineMatch | null {
  const m = CREDIT_FIRST.exec(line);
  if (!m) return null;
  return build(m[0], cleanPlace(m[2]), m[1], m[3], m[4], m[5]);
}

function matchCapsPlace(line: string): DatelineMatch | null {
  const m = CAPS_PLACE.exec(line);
  if (!m) return null;
  const place = cleanPlace(m[1]);
  const firstSegment = place?.split(",")[0] ?? "";
  if (!/\p{Lu}.*\p{Lu}/u.test(firstSegment) || /\p{Ll}/u.test(firstSegment)) return null;
  return build(m[0], place, undefined, m[2], m[3], m[4]);
}

function matchColonPlace(line: string): DatelineMatch | null {
  const m = COLON_PLACE.exec(line);
  if (!m) return null;
  const place = cleanPlace(m[1]);
  if (!place || NOT_PLACES.has(place.toLowerCase())) return null;
  return build(m[0], place, undefined, undefined, undefined, undefined);
}

function build(
  matched: string,
  place: string | null,
  credit: string | undefined,
  monthName: string | undefined,
  day: string | undefined,
  year: string | undefined,
): DatelineMatch | null {
  const agency = credit === undefined ? null : agencyFromCredit(credit);
  if (credit !== undefined && !agency) return null;
  const month = monthName ? monthNumber(monthName) : null;
  return {
    length: matched.trimEnd().length,
    place,
    agency,
    month,
    day: month && day ? Number(day) : null,
    year: month && year ? Number(year) : null,
  };
}

function cleanPlace(raw: string | undefined): string | null {
  const place = (raw ?? "").replace(/\s+/g, " ").replace(/[\s,]+$/, "").trim();
  return place.length > 0 ? place : null;
}

function agencyFromCredit(credit: string): string | null {
  const trimmed = credit.trim();
  if (!/\p{L}/u.test(trimmed)) return null;
  return knownAgency(trimmed) ?? normalizeAgency(trimmed);
}

/**
 * A metadata dateline field ("FORT WASHINGTON, Pa.", "London (dpa) - ", "MOSCOW, Monday (Reuters)").
 * Reuters puts a timestamp in this field; that is not a place and gives null.
 */
/** Feeds fill empty fields with placeholders (Reuters: "No-Data-Available"). */
const PLACEHOLDER = /^(?:n\/?a|none|null|unknown|no[- ]data(?:[- ]available)?|-+)$/i;
const FIELD_TIMESTAMP = /\d{1,2}:\d{2}|^\d{4}-?\d{2}-?\d{2}(?:$|[T\s])/;
const FIELD_CREDIT = /\s*\(([^()]{1,40})\)\s*\.?(?:—|–|--|-|_)?\s*$/;
const FIELD_TRAILING_TOKEN = /\s+([A-Za-z][A-Za-z/]{1,9})\s*$/;
const FIELD_DATE = new RegExp(`(?:^|,?\\s+|,)${DATE}\\s*$`, "iu");
const FIELD_WEEKDAY = new RegExp(`,?\\s*${WEEKDAY}\\s*$`, "iu");

/**
 * A metadata dateline field ("FORT WASHINGTON, Pa.", "London (dpa) - ", "MOSCOW, Monday (Reuters)",
 * "SYDNEY March 22 AAP"). Reuters and EFE put a timestamp in this field; that gives null.
 */
export function parseDatelineField(raw: string | null | undefined): Dateline | null {
  if (!raw) return null;
  let rest = raw.replace(/\s+/g, " ").trim().replace(/\s*\.?(?:—|–|--|-|_)$/, "");
  if (FIELD_TIMESTAMP.test(rest) || PLACEHOLDER.test(rest)) return null;
  let agency: string | null = null;
  const credit = FIELD_CREDIT.exec(rest);
  const token = credit ? null : FIELD_TRAILING_TOKEN.exec(rest);
  if (credit) {
    agency = agencyFromCredit(credit[1] ?? "");
    rest = rest.slice(0, credit.index);
  } else if (token && knownAgency(token[1])) {
    agency = knownAgency(token[1]);
    rest = rest.slice(0, token.index);
  }
  rest = rest.replace(/\s*(?:—|–|--|-|_)\s*$/, "");
  let month: number | null = null;
  let day: number | null = null;
  let year: number | null = null;
  const date = FIELD_DATE.exec(rest);
  if (date) {
    month = monthNumber(date[1] ?? "");
    day = month ? Number(date[2]) : null;
    year = month && date[3] ? Number(date[3]) : null;
    rest = rest.slice(0, date.index);
  }
  rest = rest.replace(FIELD_WEEKDAY, "").replace(/[\s,]+$/, "").trim();
  const place = /\p{L}/u.test(rest) && rest.length <= 80 ? rest : null;
  if (!place && !agency && !month) return null;
  return { place, agency, month, day, year };
}
