/**
 * Tokenisation for matching. Every token keeps its span in the sentence text (so discrepancies
 * can point at what the reporter wrote) and carries a normalised form and a stem (so spelling,
 * inflection and typography don't hide a match).
 */
import { ABBREVIATIONS, americanSpelling, NUMBER_WORDS, PHRASES, SCALE_WORDS, STOP_WORDS, UNITS } from "./lexicon";
import { porterStem } from "./porter";

export type TokenKind = "word" | "number";

export interface Token {
  /** Span within the sentence text. */
  start: number;
  end: number;
  raw: string;
  /** Lower-case, typographically normalised, American spelling, unit synonyms unified. */
  norm: string;
  /** What two tokens must share to count as the same word: Porter stem, or the numeric value. */
  stem: string;
  kind: TokenKind;
  /** Numeric value for digits and spelled-out numbers ("four" → 4), else null. */
  value: number | null;
  /** Written with an initial capital (or all capitals), i.e. a candidate name. */
  capitalized: boolean;
  /** First word of the sentence (after an opening quote): capitalised by grammar, not by being a name. */
  initial: boolean;
  stop: boolean;
}

/**
 * One alternation, tried left to right at each position:
 *  1. dotted abbreviations (U.S., U.N.)
 *  2. currency symbols, with an optional country prefix (A$, US$)
 *  3. numbers with thousands separators/decimals and an optional letter suffix (5m, 2bn, 10km, 1990s, 3rd)
 *  4. words, with inner apostrophes that are not clitics (O'Brien), or codes: letters-hyphen-digits
 *     (An-148, F-16, COVID-19) — one alternative, so a plain word is not scanned twice
 *  5. "n't"/"'s" clitics, split off the word before
 *  6. percent sign
 */
const TOKEN_RE =
  /(\p{Lu}\.(?:\p{L}\.)+)|((?:[A-Z]{1,2})?[$€£¥])|(\d+(?:[.,]\d+)*)([a-zA-Z]{1,3})?(?![\d])|(\p{L}[\p{L}\p{M}]*(?:-\d+|(?:['’](?![st]\b|ll\b|re\b|ve\b|d\b|m\b)\p{L}+)*))|(n['’]t|['’](?:s|ll|re|ve|d|m)\b)|(%)/gu;

const IRREGULAR: Record<string, string> = {
  met: "meet", left: "leave", took: "take", taken: "take", made: "make", gave: "give", given: "give",
  found: "find", rose: "rise", risen: "rise", fell: "fall", fallen: "fall", sold: "sell",
  bought: "buy", held: "hold", told: "tell", ran: "run", won: "win", lost: "lose", began: "begin",
  begun: "begin", came: "come", went: "go", gone: "go", saw: "see", seen: "see", spoke: "speak",
  spoken: "speak", wrote: "write", written: "write", led: "lead", paid: "pay", sent: "send",
  built: "build", spent: "spend", brought: "bring", thought: "think", caught: "catch",
  struck: "strike", chose: "choose", chosen: "choose", drove: "drive", driven: "drive",
  flew: "fly", flown: "fly", grew: "grow", grown: "grow", knew: "know", known: "know",
  shot: "shoot", stood: "stand", sought: "seek", fought: "fight", felt: "feel", kept: "keep",
  meant: "mean", heard: "hear", hid: "hide", hidden: "hide", threw: "throw", thrown: "throw",
  broke: "break", broken: "break", froze: "freeze", frozen: "freeze", stole: "steal", stolen: "steal",
  swore: "swear", sworn: "swear", wore: "wear", worn: "wear", woke: "wake", slew: "slay", slain: "slay",
  dealt: "deal", fled: "flee", sank: "sink", sunk: "sink", hung: "hang", lent: "lend", dug: "dig",
  became: "become", ate: "eat", eaten: "eat", forgave: "forgive", forgot: "forget", forgotten: "forget",
  understood: "understand", withdrew: "withdraw", withdrawn: "withdraw", overtook: "overtake",
  undertook: "undertake", rode: "ride", ridden: "ride", bore: "bear", born: "bear", beat: "beat",
  beaten: "beat", bit: "bite", bitten: "bite", tore: "tear", torn: "tear", shook: "shake", shaken: "shake",
  men: "man", women: "woman", children: "child", people: "people", mice: "mouse", feet: "foot",
  teeth: "tooth", geese: "goose", lives: "life", wives: "wife", knives: "knife", leaves: "leaf",
  thieves: "thief", halves: "half", shelves: "shelf", wolves: "wolf",
};

/** Unit abbreviations that mean a unit only right after a number ("Min" is also a surname). */
const UNIT_ABBREVIATIONS_AFTER_NUMBER = new Set(["km", "kms", "mi", "ft", "yd", "yds", "cm", "mm", "kg", "kgs", "lb", "lbs", "sec", "secs", "min", "mins", "hr", "hrs", "yr", "yrs", "pct"]);

function normaliseTypography(s: string): string {
  return s.normalize("NFKC").replace(/[‘’ʼ′]/g, "'").replace(/[‐‑‒–—―]/g, "-");
}

function canonicalNumber(value: number): string {
  // Stable text for a number: 1,000 and 1000 and 1000.0 all become "1000".
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

function parseDigits(s: string): number | null {
  // "1,000" is a thousands separator; "4,5" (European decimal) is rare in English wire copy.
  const cleaned = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, "") : s.replace(/,/g, ".");
  const v = Number(cleaned);
  return Number.isFinite(v) ? v : null;
}

type WordForm = Pick<Token, "norm" | "stem" | "value" | "capitalized" | "stop">;
const wordCache = new Map<string, WordForm>();
const WORD_CACHE_LIMIT = 200_000;

/** Words repeat a lot; their forms depend only on the spelling and on following a number. */
function makeWord(raw: string, start: number, end: number, afterNumber: boolean): Token {
  const key = afterNumber ? `${raw}\u0001` : raw;
  let form = wordCache.get(key);
  if (form === undefined) {
    form = wordForm(raw, afterNumber);
    // A pure memo: clearing it never changes results.
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(key, form);
  }
  return { start, end, raw, norm: form.norm, stem: form.stem, kind: "word", value: form.value, capitalized: form.capitalized, initial: false, stop: form.stop };
}

function wordForm(raw: string, afterNumber: boolean): WordForm {
  const typographic = normaliseTypography(raw);
  const lower = typographic.toLowerCase();
  let norm = ABBREVIATIONS.get(lower) ?? americanSpelling(lower);
  if (afterNumber && UNIT_ABBREVIATIONS_AFTER_NUMBER.has(norm)) norm = UNITS.get(norm)?.canonical ?? norm;
  const unit = UNITS.get(norm);
  if (unit && unit.dimension === "length") norm = unit.canonical; // kilometres/km/kilometers → kilometer
  const spelledValue = NUMBER_WORDS.get(norm);
  let stem: string;
  if (spelledValue !== undefined && norm !== "one") stem = canonicalNumber(spelledValue);
  else stem = IRREGULAR[norm] ?? porterStem(norm.replace(/'/g, ""));
  const first = typographic.charAt(0);
  const capitalized = first !== first.toLowerCase();
  return {
    norm,
    stem,
    value: spelledValue !== undefined && norm !== "one" ? spelledValue : null,
    capitalized,
    stop: STOP_WORDS.has(norm),
  };
}

/** Splits a sentence into tokens (punctuation other than % and currency is dropped). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let sawWord = false;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const prev = tokens[tokens.length - 1];
    const afterNumber = prev !== undefined && prev.kind === "number" && start - prev.end <= 1;
    if (m[5] !== undefined && /^['’]t\b/.test(text.slice(end, end + 3)) && /[nN]$/.test(m[5]) && m[5].length > 1) {
      // "didn't": the word regex stops before the apostrophe, so split "did" + "n't" here.
      tokens.push(makeWord(m[5].slice(0, -1), start, end - 1, afterNumber));
      tokens.push({ start: end - 1, end: end + 2, raw: text.slice(end - 1, end + 2), norm: "not", stem: "not", kind: "word", value: null, capitalized: false, initial: false, stop: true });
      TOKEN_RE.lastIndex = end + 2;
    } else if (m[1] !== undefined || m[5] !== undefined) {
      tokens.push(makeWord(m[0], start, end, afterNumber));
    } else if (m[2] !== undefined) {
      const norm = m[2].toLowerCase();
      const unit = UNITS.get(norm);
      tokens.push({ start, end, raw: m[2], norm: unit?.canonical ?? norm, stem: unit?.canonical ?? norm, kind: "word", value: null, capitalized: false, initial: false, stop: false });
    } else if (m[3] !== undefined) {
      const digits = m[3];
      const value = parseDigits(digits);
      const digitsEnd = start + digits.length;
      const numeric = value === null ? digits : canonicalNumber(value);
      tokens.push({ start, end: digitsEnd, raw: digits, norm: numeric, stem: numeric, kind: "number", value, capitalized: false, initial: false, stop: false });
      const suffix = m[4];
      if (suffix !== undefined) {
        const lower = suffix.toLowerCase();
        if (lower === "s" || lower === "th" || lower === "st" || lower === "nd" || lower === "rd") {
          // 1990s, 3rd: part of the number as written; nothing to add.
          const last = tokens[tokens.length - 1];
          if (last) last.end = end;
        } else {
          const scale = SCALE_WORDS.get(lower);
          const word = makeWord(suffix, digitsEnd, end, true);
          if (scale !== undefined) {
            word.norm = lower === "m" || lower === "mln" ? "million" : lower === "bn" || lower === "bln" ? "billion" : word.norm;
            word.stem = word.norm;
          }
          tokens.push(word);
        }
      }
    } else if (m[6] !== undefined) {
      const lower = normaliseTypography(m[6]).toLowerCase();
      const norm = lower === "n't" ? "not" : lower;
      tokens.push({ start, end, raw: m[6], norm, stem: norm, kind: "word", value: null, capitalized: false, initial: false, stop: STOP_WORDS.has(norm) || norm === "not" });
    } else if (m[7] !== undefined) {
      tokens.push({ start, end, raw: "%", norm: "percent", stem: "percent", kind: "word", value: null, capitalized: false, initial: false, stop: false });
    }
    const last = tokens[tokens.length - 1];
    if (last && !sawWord && last.kind === "word" && /\p{L}/u.test(last.raw)) {
      last.initial = true;
      sawWord = true;
    } else if (last) {
      sawWord = true;
    }
  }
  markShouting(tokens);
  return mergePhrases(tokens);
}

/** Replaces each multi-word name in PHRASES by one token spanning it (see lexicon.ts). */
function mergePhrases(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let merged = false;
    for (const [words, short] of PHRASES_BY_FIRST.get(t.norm) ?? NO_PHRASES) {
      if (i + words.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < words.length && ok; k++) ok = tokens[i + k]!.norm === words[k];
      if (!ok) continue;
      const last = tokens[i + words.length - 1]!;
      out.push({ ...t, end: last.end, raw: t.raw, norm: short, stem: short, stop: false, value: null });
      i += words.length - 1;
      merged = true;
      break;
    }
    if (!merged) out.push(t);
  }
  return out;
}

/**
 * AFP-style leads shout their first words ("NORTH KOREA HAS said ..."). Capitals in a run of
 * three or more all-caps words are typography, not names, so they are not treated as names.
 */
function isAllCaps(t: Token): boolean {
  // Cheap checks first: most tokens are not capitalised, or have a lower-case second letter.
  if (t.kind !== "word" || !t.capitalized || t.raw.length < 2) return false;
  const second = t.raw.charAt(1);
  if (second !== second.toUpperCase()) return false;
  return /^[\p{Lu}'’.-]+$/u.test(t.raw) && /\p{Lu}{2}/u.test(t.raw);
}

function markShouting(tokens: Token[]): void {
  let runStart = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (t && isAllCaps(t)) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0 && i - runStart >= 3) {
      for (let j = runStart; j < i; j++) {
        const s = tokens[j];
        if (s && s.stop) s.capitalized = false;
      }
    }
    runStart = -1;
  }
}

/** PHRASES by first word, so most tokens cost one map lookup. */
const PHRASES_BY_FIRST = new Map<string, Array<readonly [readonly string[], string]>>();
for (const phrase of PHRASES) {
  const list = PHRASES_BY_FIRST.get(phrase[0][0]!) ?? [];
  list.push(phrase);
  PHRASES_BY_FIRST.set(phrase[0][0]!, list);
}
const NO_PHRASES: Array<readonly [readonly string[], string]> = [];
