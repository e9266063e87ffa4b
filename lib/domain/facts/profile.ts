/**
 * A sentence's matching profile: everything pair scoring needs, computed once per sentence so
 * that scoring a candidate pair is a few merges over small sorted arrays. Nothing here depends
 * on which other sentences exist, so a pair's score is the same whatever else is in the input.
 */
import { MONTHS, NEGATIONS, WEEKDAYS } from "./lexicon";
import { tokenize, type Token } from "./tokenize";

export interface SentenceProfile {
  text: string;
  tokens: Token[];
  /** Stems of all tokens in order (stop words included): for n-grams, LCS and word edit distance. */
  words: string[];
  /** 32-bit hashes of `words`, same order. */
  wordHashes: Int32Array;
  /** Stems of content tokens (not stop words), in order. */
  content: string[];
  /** Normalised spelling of each content token, same order as `content` (for typo-tolerant matching). */
  contentNorms: string[];
  /** Per content token: 1 when written capitalised (a name), 2 when an acronym ("KCNA"), else 0. */
  contentCase: Uint8Array;
  /** Per content token: 1 for time words (weekdays, months, day numbers next to a month, "today"…). */
  contentTemporal: Uint8Array;
  /** Per content token: 1 when inside quotation marks (a quoted statement). */
  contentQuoted: Uint8Array;
  /** Per content token: index of the clause (stretch between , ; : ( ) dashes and quotes) it is in. */
  contentClause: Uint16Array;
  /** Sorted hashes of word n-grams, n = 1..4 (index 0 = unigrams). Duplicates kept, for clipped counts. */
  ngrams: [Int32Array, Int32Array, Int32Array, Int32Array];
  /** Sorted hashes of character 4-grams of the normalised text, duplicates kept. */
  charGrams: Int32Array;
  /** Sum of squared counts of `charGrams`, for cosine. */
  charNorm: number;
  /** Canonical numbers mentioned (digits and spelled-out numbers), sorted, unique. */
  numbers: string[];
  /** Stems of name-like tokens (capitalised, not sentence-initial unless clearly a name), sorted, unique. */
  names: string[];
  negated: boolean;
}

/** Punctuation between two tokens that separates clauses. */
const CLAUSE_BREAK = /[,;:()\[\]"“”—–]|\s-\s/;
const ACRONYM = /^\p{Lu}{2,6}$/u;

const hashCache = new Map<string, number>();

/** FNV-1a over UTF-16 code units; deterministic and independent of input order. */
export function hashString(s: string): number {
  const hit = hashCache.get(s);
  if (hit !== undefined) return hit;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  if (hashCache.size > 500_000) hashCache.clear();
  hashCache.set(s, h | 0);
  return h | 0;
}

function combine(h: number, x: number): number {
  // Order-sensitive mix (so "a b" and "b a" differ), cheap and well spread.
  return (Math.imul(h ^ x, 0x9e3779b1) + 0x7f4a7c15) | 0;
}

function sortedInt32(values: number[]): Int32Array {
  const arr = Int32Array.from(values);
  arr.sort();
  return arr;
}

function isName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !t.capitalized || t.stop || t.kind !== "word") return false;
  if (!t.initial) return true;
  // The first word is capitalised anyway; count it as a name only when a name continues it
  // ("North Korea's ...", "Kremlin spokesman" is not) or it is an acronym.
  const next = tokens[i + 1];
  return (next !== undefined && next.capitalized && !next.stop) || /^\p{Lu}{2,}$/u.test(t.raw);
}

/** Whether the text after `gap` is inside a quotation: curly quotes open and close, straight double quotes toggle. */
function quoteStateAfter(gap: string, inside: boolean): boolean {
  for (const ch of gap) {
    if (ch === "“" || ch === "«") inside = true;
    else if (ch === "”" || ch === "»") inside = false;
    else if (ch === '"') inside = !inside;
  }
  return inside;
}

const TIME_WORDS = new Set(["today", "yesterday", "tomorrow", "tonight", "earlier", "later", "morning", "afternoon", "evening", "night", "overnight", "week", "weekend"]);

function isMonth(t: Token | undefined): boolean {
  return t !== undefined && t.capitalized && MONTHS.has(t.norm.replace(/\.$/, ""));
}

/** Time expressions: the same fact is often dated differently ("on September 12" / "Tuesday"). */
function isTemporal(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (WEEKDAYS.includes(t.norm) || TIME_WORDS.has(t.norm) || isMonth(t)) return true;
  return t.kind === "number" && (isMonth(tokens[i - 1]) || isMonth(tokens[i + 1]));
}

export function profileSentence(text: string): SentenceProfile {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.stem);
  const wordHashes = Int32Array.from(words, hashString);
  const content: string[] = [];
  const contentNorms: string[] = [];
  const contentCase: number[] = [];
  const contentClause: number[] = [];
  const contentTemporal: number[] = [];
  const contentQuoted: number[] = [];
  let clause = 0;
  let quoted = false;
  const numbers = new Set<string>();
  const names = new Set<string>();
  let negated = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (NEGATIONS.has(t.norm)) negated = true;
    if (t.value !== null) numbers.add(t.stem);
    const prev = tokens[i - 1];
    const gap = text.slice(prev ? prev.end : 0, t.start);
    if (prev && CLAUSE_BREAK.test(gap)) clause++;
    quoted = quoteStateAfter(gap, quoted);
    if (!t.stop) {
      content.push(t.stem);
      contentNorms.push(t.norm);
      contentCase.push(ACRONYM.test(t.raw) ? 2 : t.capitalized ? 1 : 0);
      contentClause.push(clause);
      contentTemporal.push(isTemporal(tokens, i) ? 1 : 0);
      contentQuoted.push(quoted ? 1 : 0);
    }
    if (isName(tokens, i)) names.add(t.stem);
  }


  const grams: number[][] = [[], [], [], []];
  for (let i = 0; i < wordHashes.length; i++) {
    let h = 0;
    for (let n = 0; n < 4 && i + n < wordHashes.length; n++) {
      h = combine(h, wordHashes[i + n]!);
      grams[n]!.push(h);
    }
  }

  // Character 4-grams over the normalised words joined by single spaces: tolerant of typos
  // and of tokenisation differences ("RIA-Novosti" / "RIA Novosti").
  const joined = " " + tokens.map((t) => t.norm).join(" ") + " ";
  const chars: number[] = [];
  for (let i = 0; i + 4 <= joined.length; i++) {
    const h = ((joined.charCodeAt(i) * 31 + joined.charCodeAt(i + 1)) * 31 + joined.charCodeAt(i + 2)) * 31 + joined.charCodeAt(i + 3);
    chars.push(h | 0);
  }
  const charGrams = sortedInt32(chars);
  let charNorm = 0;
  for (let i = 0; i < charGrams.length; ) {
    let j = i;
    while (j < charGrams.length && charGrams[j] === charGrams[i]) j++;
    charNorm += (j - i) * (j - i);
    i = j;
  }

  return {
    text,
    tokens,
    words,
    wordHashes,
    content,
    contentNorms,
    contentCase: Uint8Array.from(contentCase),
    contentClause: Uint16Array.from(contentClause),
    contentTemporal: Uint8Array.from(contentTemporal),
    contentQuoted: Uint8Array.from(contentQuoted),
    ngrams: [sortedInt32(grams[0]!), sortedInt32(grams[1]!), sortedInt32(grams[2]!), sortedInt32(grams[3]!)],
    charGrams,
    charNorm,
    numbers: [...numbers].sort(),
    names: [...names].sort(),
    negated,
  };
}
