/**
 * What a sentence says that sources can disagree on: quantities (with units), dates and
 * weekdays, names, and who is credited with the statement. Extracted from tokens, so every
 * mention keeps its span in the sentence text.
 */
import { MONTHS, SCALE_WORDS, UNITS, WEEKDAYS, type Dimension } from "./lexicon";
import type { Token } from "./tokenize";

export interface Span {
  /** Offsets in the sentence text. */
  start: number;
  end: number;
}

export interface Quantity extends Span {
  /** Value in the dimension's base unit when the unit converts (km → m), else as written (scaled: 2.5 billion → 2.5e9). */
  value: number;
  /** What is counted: a dimension for units ("length"), "money:dollar", or "count:<stem of the noun>". */
  measure: string;
  /** The unit as canonical word ("kilometer", "month"), or null for counts. */
  unit: string | null;
  /** Hedged ("about 40 miles") or converted: compared with a tolerance rather than exactly. */
  approximate: boolean;
  /** Canonical text for reports, e.g. "17 month", "60 kilometer". */
  label: string;
}

export interface DateMention extends Span {
  kind: "date" | "year" | "weekday";
  /** "09-12" (month-day), "2023-09-12", "2019", or a weekday name. */
  value: string;
}

export type EntityKind = "person" | "place" | "organisation";

export interface NameMention extends Span {
  /** Lower-case normalised words of the name, e.g. "dmitry peskov". */
  value: string;
  kind: EntityKind;
  /** Token positions [first, last] in the sentence's token list. */
  firstToken: number;
  lastToken: number;
}

export interface Attribution extends Span {
  /** Lower-case normalised words of the source, e.g. "korean central news agency". */
  value: string;
  /** The source's proper-name words (capitalised, not generic like "News" or "Agency"); empty for vague sources ("analysts"). */
  names: string[];
}

/** Words that describe a kind of source rather than name one. */
const GENERIC_SOURCE_WORDS = new Set([
  "news", "agency", "agencies", "official", "officials", "spokesman", "spokeswoman", "spokesperson", "media", "state",
  "report", "reports", "source", "sources", "analyst", "analysts", "expert", "experts", "government", "statement",
  "ministry", "department", "office", "the", "press", "service", "television", "broadcaster", "newspaper", "channel",
  "american", "british", "chinese", "japanese", "korean", "russian", "ukrainian", "european", "western", "eastern",
  "northern", "southern", "soviet", "federal", "national", "international", "rok", "dprk", "us", "uk", "un", "eu",
  "witness", "witnesses", "police", "authorities", "residents", "people",
]);
/** Nationality adjectives ("Russian news agencies") describe a source; they don't name it. */
const DEMONYM = /(?:ian|ean|ese|ish)$/;

const APPROXIMATORS = new Set(["about", "around", "approximately", "nearly", "almost", "some", "roughly", "over", "under", "up", "least", "than", "estimated", "reportedly", "more", "less", "close"]);
const CENTS = new Set(["cent", "cents"]);

function isMonthToken(t: Token | undefined): boolean {
  return t !== undefined && t.capitalized && MONTHS.has(t.norm.replace(/\.$/, "")) && t.norm !== "may" && t.norm !== "march";
}

function monthOf(t: Token): number {
  return MONTHS.get(t.norm.replace(/\.$/, ""))!;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isDay(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "number" && t.value !== null && Number.isInteger(t.value) && t.value >= 1 && t.value <= 31;
}

function isYear(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "number" && t.value !== null && Number.isInteger(t.value) && t.value >= 1900 && t.value <= 2100;
}

/** Marks the tokens that belong to dates, so they are not read as quantities. */
export function extractDates(tokens: Token[]): { dates: DateMention[]; used: Set<number> } {
  const dates: DateMention[] = [];
  const used = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (used.has(i)) continue;
    if (WEEKDAYS.includes(t.norm) && t.capitalized) {
      dates.push({ kind: "weekday", value: t.norm, start: t.start, end: t.end });
      used.add(i);
      continue;
    }
    // "September 12[, 2023]" and "12 September[ 2023]"
    let month: Token | undefined;
    let day: Token | undefined;
    let last = i;
    const next = tokens[i + 1];
    if (isMonthToken(t) && isDay(next)) {
      month = t;
      day = next;
      last = i + 1;
    } else if (isDay(t) && isMonthToken(next)) {
      day = t;
      month = next;
      last = i + 1;
    }
    if (month && day) {
      let value = `${pad(monthOf(month))}-${pad(day.value!)}`;
      if (isYear(tokens[last + 1])) {
        last++;
        value = `${tokens[last]!.value}-${value}`;
      }
      for (let k = i; k <= last; k++) used.add(k);
      dates.push({ kind: "date", value, start: t.start, end: tokens[last]!.end });
      i = last;
      continue;
    }
    // A bare year: "in 2019". Followed by a unit it is a quantity ("2019 kilometres"), not a year.
    if (isYear(t) && !UNITS.has(tokens[i + 1]?.norm ?? "") && !/[.,]/.test(t.raw)) {
      used.add(i);
      dates.push({ kind: "year", value: String(t.value), start: t.start, end: t.end });
    }
  }
  return { dates, used };
}

export function extractQuantities(tokens: Token[], dateTokens: Set<number>): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.value === null || dateTokens.has(i)) continue;
    // "one" is not marked as a number by the tokenizer; spelled numbers below ten are hedges as often as figures.
    let value = t.value;
    let end = t.end;
    let next = i + 1;
    const scaleToken = tokens[next];
    const scale = scaleToken ? SCALE_WORDS.get(scaleToken.norm) : undefined;
    if (scale !== undefined && scaleToken!.norm !== "m") {
      value *= scale;
      end = scaleToken!.end;
      next++;
    }
    const prev = tokens[i - 1];
    const before2 = tokens[i - 2];
    const approximate = (prev !== undefined && APPROXIMATORS.has(prev.norm)) || (before2 !== undefined && APPROXIMATORS.has(before2.norm) && prev?.stop === true);
    let start = t.start;
    let measure: string | null = null;
    let unit: string | null = null;
    let base = value;
    // Currency before the number: "$2.5 billion", "A$4.56".
    const currency = prev ? UNITS.get(prev.norm) : undefined;
    if (currency && currency.dimension === "money" && prev!.end === t.start) {
      measure = `money:${currency.canonical}`;
      unit = currency.canonical;
      start = prev!.start;
    }
    const after = tokens[next];
    if (measure === null && after) {
      const u = UNITS.get(after.norm) ?? UNITS.get(after.norm.replace(/s$/, ""));
      if (CENTS.has(after.norm)) {
        measure = "money:cent";
        unit = "cent";
        end = after.end;
      } else if (u) {
        unit = u.canonical;
        measure = u.toBase === null ? `money:${u.canonical}` : u.dimension;
        if (u.toBase !== null) base = value * u.toBase;
        end = after.end;
      } else if (!after.stop && after.kind === "word" && after.value === null) {
        measure = `count:${after.stem}`;
        end = after.end;
      }
    }
    if (measure === null) continue;
    const dimension = measure as Dimension | string;
    out.push({
      start,
      end,
      value: base,
      measure: dimension,
      unit,
      approximate,
      label: `${formatNumber(value)} ${unit ?? measure.replace(/^count:/, "")}`,
    });
  }
  return out;
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}

/** Whether two quantities of the same measure state the same amount. */
export function sameAmount(a: Quantity, b: Quantity): boolean {
  if (a.value === b.value) return true;
  const relative = Math.abs(a.value - b.value) / Math.max(Math.abs(a.value), Math.abs(b.value));
  // Converted units ("60 km (about 40 miles)") and hedged figures are compared loosely;
  // the same unit written exactly must agree exactly (17 vs 18 months is a conflict).
  if (a.unit !== b.unit) return relative <= 0.1;
  if (a.approximate || b.approximate) return relative <= 0.05;
  return relative < 1e-9;
}

const ORGANISATION_WORDS = new Set([
  "agency", "ministry", "council", "department", "committee", "university", "institute", "party", "forum",
  "times", "news", "corp", "corporation", "inc", "bank", "union", "association", "organization", "organisation",
  "kremlin", "army", "navy", "court", "government", "commission", "office", "service", "company", "group",
  "post", "journal", "press", "network", "broadcasting", "television", "radio", "board", "authority",
  "federation", "league", "club", "foundation", "fund", "center", "house", "pentagon", "parliament", "congress",
  "senate", "assembly", "police", "fbi", "cia", "nato", "un", "eu", "reuters", "ap", "afp", "tass", "ria", "novosti",
  "yonhap", "xinhua", "kcna", "ytn", "bbc", "cnn", "rfe/rl", "interfax", "airline", "airlines", "koryo",
]);
const PLACE_WORDS = new Set([
  "city", "river", "province", "region", "krai", "station", "island", "islands", "sea", "ocean", "mountains",
  "mount", "lake", "valley", "county", "state", "district", "border", "port", "bay", "peninsula", "strait",
  "street", "square", "airport", "spaceport", "cosmodrome", "east", "west", "north", "south",
]);
const PLACE_PREPOSITIONS = new Set(["in", "at", "near", "to", "from", "into", "toward", "towards", "via", "across", "outside", "inside", "visit", "visited", "visiting"]);
const PERSON_TITLES = new Set([
  "president", "minister", "governor", "gov", "spokesman", "spokeswoman", "spokesperson", "leader", "admiral", "adm",
  "mr", "mrs", "ms", "dr", "chairman", "chairwoman", "secretary", "marshal", "marshals", "general", "gen", "senator",
  "sen", "representative", "rep", "prime", "chancellor", "king", "queen", "prince", "pope", "ambassador", "director",
  "chief", "commander", "officer", "official", "analyst", "expert", "researcher", "professor", "judge", "mayor",
  "comrade", "envoy", "colonel", "captain", "lieutenant", "sergeant", "deputy", "premier",
]);

function isNameToken(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.kind !== "word" || !t.capitalized || t.stop) return false;
  // Letters glued to a number are a unit or scale ("$160MM", "10KM"), not a name.
  const before = tokens[i - 1];
  if (before && before.kind === "number" && before.end === t.start) return false;
  // Month names are never names here, "March" and "May" included (extractDates is stricter about them as dates).
  if (WEEKDAYS.includes(t.norm) || MONTHS.has(t.norm.replace(/\.$/, ""))) return false;
  if (!t.initial) return true;
  const next = tokens[i + 1];
  return (next !== undefined && next.capitalized && !next.stop && next.kind === "word") || /^\p{Lu}{2,}$/u.test(t.raw);
}

export function classifyName(tokens: Token[], first: number, last: number): EntityKind {
  const words = tokens.slice(first, last + 1).map((t) => t.norm);
  if (words.some((w) => ORGANISATION_WORDS.has(w))) return "organisation";
  if (words.some((w) => PLACE_WORDS.has(w)) && words.length > 1) return "place";
  const before = tokens[first - 1];
  if (before && PERSON_TITLES.has(before.norm.replace(/\.$/, ""))) return "person";
  if (before && PLACE_PREPOSITIONS.has(before.norm)) return "place";
  if (words.length === 1 && /^\p{Lu}{2,6}$/u.test(tokens[first]!.raw)) return "organisation";
  return "person";
}

/**
 * Headline-style text ("Lindsay Lohan Checks Into Rehab at Betty Ford Center") capitalises
 * ordinary words, so capitals say nothing about names there.
 */
export function isTitleCase(tokens: Token[]): boolean {
  let content = 0;
  let contentCaps = 0;
  let stops = 0;
  let stopCaps = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word" || !startsWithLetter(t.raw)) continue;
    const caps = t.capitalized || (t.stop && t.raw.charAt(0) !== t.raw.charAt(0).toLowerCase());
    if (t.stop) {
      stops++;
      if (caps) stopCaps++;
    } else {
      content++;
      if (caps) contentCaps++;
    }
  }
  if (content < 4) return false;
  // Nearly every word capitalised, or most words and the small words too ("Checks Into Rehab").
  // News sentences dense with names still write their verbs and small words in lower case.
  return contentCaps / content >= 0.85 || (contentCaps / content >= 0.75 && stops > 0 && stopCaps / stops >= 0.5);
}

function startsWithLetter(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /^\p{L}/u.test(s));
}

/** Maximal runs of name-like tokens: "Kremlin spokesman Dmitry Peskov" yields "Kremlin" and "Dmitry Peskov". */
export function extractNames(tokens: Token[], titleCase = isTitleCase(tokens)): NameMention[] {
  const out: NameMention[] = [];
  if (titleCase) return out;
  for (let i = 0; i < tokens.length; i++) {
    if (!isNameToken(tokens, i)) continue;
    let j = i;
    while (j + 1 < tokens.length && isNameToken(tokens, j + 1) && tokens[j + 1]!.start - tokens[j]!.end <= 1) j++;
    out.push({
      value: tokens.slice(i, j + 1).map((t) => t.norm).join(" "),
      kind: classifyName(tokens, i, j),
      start: tokens[i]!.start,
      end: tokens[j]!.end,
      firstToken: i,
      lastToken: j,
    });
    i = j;
  }
  return out;
}

const SAY_VERBS = new Set(["said", "says", "say", "told", "tells", "reported", "reports", "announced", "announces", "confirmed", "confirms", "added", "adds", "stated", "states", "quoted", "quotes", "claimed", "claims", "noted", "notes", "warned", "warns", "wrote", "writes", "insisted", "insists", "explained", "explains", "declared", "declares"]);
const PRONOUNS = new Set(["he", "she", "it", "they", "we", "i", "you", "who", "which", "this", "that"]);
/** Adverbs and auxiliaries between a subject and its say-verb. */
const SKIP_BEFORE_VERB = new Set(["later", "earlier", "also", "previously", "recently", "swiftly", "then", "had", "has", "have", "was", "is", "first", "again", "officially", "publicly", "separately", "reportedly"]);
/** Words that end a noun phrase when scanning away from the verb. */
const PHRASE_BREAKERS = new Set(["and", "but", "or", "that", "which", "who", "while", "as", "because", "when", "if", "also", "then", "later", "earlier"]);

/**
 * Who a sentence credits: the subject of a say-verb ("The Korean Central News Agency said",
 * "said spokesman Adrienne Watson"), or the object of "according to". Pronouns are skipped:
 * "he said" names no one the other report could contradict.
 */
export function extractAttributions(text: string, tokens: Token[], titleCase = isTitleCase(tokens)): Attribution[] {
  const out: Attribution[] = [];
  if (titleCase) return out;
  const phrase = (from: number, to: number): Attribution | null => {
    const words = tokens.slice(from, to + 1).filter((t) => !t.stop && t.kind === "word");
    if (words.length === 0 || words.every((t) => PRONOUNS.has(t.norm))) return null;
    const names = words
      .filter((t) => t.capitalized && t.value === null && !GENERIC_SOURCE_WORDS.has(t.norm) && !DEMONYM.test(t.norm) && !MONTHS.has(t.norm) && !WEEKDAYS.includes(t.norm))
      .map((t) => t.norm);
    return { value: words.map((t) => t.norm).join(" "), names, start: tokens[from]!.start, end: tokens[to]!.end };
  };
  const gapBreaks = (a: Token, b: Token) => /[,;:()"“”]|\s-\s|—/.test(text.slice(a.end, b.start));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.norm === "according" && tokens[i + 1]?.norm === "to") {
      let j = i + 2;
      const from = j;
      while (j + 1 < tokens.length && !gapBreaks(tokens[j]!, tokens[j + 1]!) && !PHRASE_BREAKERS.has(tokens[j + 1]!.norm) && j - from < 7) j++;
      const a = from < tokens.length ? phrase(from, j) : null;
      if (a) out.push(a);
      continue;
    }
    if (!SAY_VERBS.has(t.norm)) continue;
    // Subject before the verb, within the clause: "Kremlin spokesman Dmitry Peskov said",
    // "RIA-Novosti later reported".
    let last = i - 1;
    while (last >= 0 && SKIP_BEFORE_VERB.has(tokens[last]!.norm) && !gapBreaks(tokens[last]!, tokens[last + 1]!)) last--;
    let k = last;
    while (k >= 0 && !gapBreaks(tokens[k]!, tokens[k + 1]!) && !PHRASE_BREAKERS.has(tokens[k]!.norm) && last - k < 7) k--;
    const subject = last >= 0 && k + 1 <= last && !gapBreaks(tokens[last]!, tokens[last + 1]!) ? phrase(k + 1, last) : null;
    if (subject) {
      out.push(subject);
      // "Yonhap quoted Kim as saying": Kim is credited too.
      if (t.norm === "quoted" || t.norm === "quotes") {
        let j = i + 1;
        while (j < tokens.length && tokens[j]!.norm !== "as" && j - i <= 8) j++;
        const quotedSpeaker = j > i + 1 && j < tokens.length ? phrase(i + 1, j - 1) : null;
        if (quotedSpeaker) out.push(quotedSpeaker);
      }
      continue;
    }
    // Inverted attribution after the verb: '"...," said White House spokesperson Adrienne Watson'.
    let j = i + 1;
    if (j < tokens.length && !gapBreaks(t, tokens[j]!)) {
      const from = j;
      while (j + 1 < tokens.length && !gapBreaks(tokens[j]!, tokens[j + 1]!) && !PHRASE_BREAKERS.has(tokens[j + 1]!.norm) && tokens[j + 1]!.capitalized && j - from < 8) j++;
      const inverted = tokens[from]!.capitalized ? phrase(from, j) : null;
      if (inverted) out.push(inverted);
    }
  }
  return out;
}

/**
 * The one day a sentence says something happened on, as a weekday ("tuesday"): from a weekday, or
 * from a date through the calendar (the year from the date or the story's date). Null when it
 * names no day or more than one.
 */
export function dayStated(tokens: Token[], storyDate: string | null): string | null {
  const days = new Set<string>();
  for (const d of extractDates(tokens).dates) {
    if (d.kind === "weekday") days.add(d.value);
    else if (d.kind === "date") {
      const day = weekdayOfDate(d.value, storyDate);
      if (day === null) return null;
      days.add(day);
    }
  }
  return days.size === 1 ? [...days][0]! : null;
}

/** The "MM-DD" of a date value "MM-DD" or "YYYY-MM-DD". */
export function monthDay(value: string): string {
  return value.length > 5 ? value.slice(5) : value;
}

/** The weekday of a date "MM-DD" or "YYYY-MM-DD", taking the year from the date itself or the story's date. */
export function weekdayOfDate(value: string, storyDate: string | null): string | null {
  const day = monthDay(value);
  const year = value.length > 5 ? value.slice(0, 4) : storyDate?.slice(0, 4);
  if (!year) return null;
  const d = new Date(`${year}-${day}T12:00:00Z`);
  // Date rolls "February 30" over into March: a day the month does not have is no date.
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(5, 10) !== day) return null;
  return WEEKDAYS[d.getUTCDay()]!;
}
