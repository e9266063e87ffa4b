/**
 * A sentence's matching profile: everything pair scoring needs, computed once per sentence so
 * that scoring a candidate pair is a few merges over small sorted arrays. Nothing here depends
 * on which other sentences exist, so a pair's score is the same whatever else is in the input.
 */
import { MONTHS, NEGATIONS, WEEKDAYS } from "./lexicon";
import { hashString } from "./hash";
import { relatedHashesOf } from "./relations";
import { tokenize, type Token } from "./tokenize";

export interface SentenceProfile {
  text: string;
  /** 32-bit hashes of every token's stem, in order (stop words included): for n-grams, LCS and word edit distance. */
  wordHashes: Int32Array;
  /** Stems of content tokens (not stop words), in order. */
  content: string[];
  /** Normalised spelling of each content token, same order as `content` (for typo-tolerant matching). */
  contentNorms: string[];
  /**
   * Sorted, unique hashes of the stems WordNet relates to this sentence's content stems
   * (relations.ts): a pair can have a related-word match only if one sentence's list meets the
   * other's stems, which a merge rules out for most pairs before any string is compared.
   */
  relatedHashes: Int32Array;
  /** Hash of each content stem, same order as `content`. */
  contentStemHash: Int32Array;
  /** Content token indices sorted by (stem hash, index): exact matching is a merge, not a map lookup. */
  contentByStem: Int32Array;
  /** Content token indices sorted by (normalised spelling, index): the order spelling variants are tried in. */
  contentByNorm: Int32Array;
  /** Per content token, bit flags: NAME / ACRONYM, TEMPORAL, QUOTED, DIGIT (see the accessors below). */
  contentFlags: Uint8Array;
  /** Per content token: index of the clause (stretch between , ; : ( ) dashes and quotes) it is in. */
  contentClause: Uint16Array;
  /**
   * Sorted hashes, duplicates kept (for clipped counts), of word 1- to 4-grams and of character
   * 4-grams, packed in one array: section n is grams[gramEnds[n]..gramEnds[n + 1]), n = 0..3 for
   * word n+1-grams and n = 4 for character 4-grams. One array instead of five keeps memory low
   * when tens of thousands of sentences are profiled.
   */
  grams: Int32Array;
  gramEnds: readonly number[];
  /** Sum of squared counts of the character 4-grams, for cosine. */
  charNorm: number;
  /** Canonical numbers mentioned (digits and spelled-out numbers), sorted, unique. */
  numbers: string[];
  /** Stems of name-like tokens (capitalised, not sentence-initial unless clearly a name), sorted, unique. */
  names: string[];
  negated: boolean;
}

const NAME = 1;
const ACRONYM_FLAG = 2;
const TEMPORAL = 4;
const QUOTED = 8;
const DIGIT = 16;

/** 0 for an ordinary word, 1 for a capitalised word (a name), 2 for an acronym ("KCNA"). */
export function caseAt(p: SentenceProfile, i: number): number {
  return p.contentFlags[i]! & (NAME | ACRONYM_FLAG);
}
/** Time words: weekdays, months, day numbers next to a month, "today"… */
export function isTemporalAt(p: SentenceProfile, i: number): boolean {
  return (p.contentFlags[i]! & TEMPORAL) !== 0;
}
/** Inside quotation marks (a quoted statement). */
export function isQuotedAt(p: SentenceProfile, i: number): boolean {
  return (p.contentFlags[i]! & QUOTED) !== 0;
}
/** The spelling contains a digit (numbers are never spelling variants). */
export function hasDigitAt(p: SentenceProfile, i: number): boolean {
  return (p.contentFlags[i]! & DIGIT) !== 0;
}

/** Punctuation between two tokens that separates clauses. */
const CLAUSE_BREAK = /[,;:()\[\]"“”—–]|\s-\s/;
const ACRONYM = /^\p{Lu}{2,6}$/u;

export { hashString } from "./hash";

function combine(h: number, x: number): number {
  // Order-sensitive mix (so "a b" and "b a" differ), cheap and well spread.
  return (Math.imul(h ^ x, 0x9e3779b1) + 0x7f4a7c15) | 0;
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

const WEEKDAY_SET: ReadonlySet<string> = new Set(WEEKDAYS);

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function isMonth(t: Token | undefined): boolean {
  return t !== undefined && t.capitalized && MONTHS.has(t.norm);
}

/** Time expressions: the same fact is often dated differently ("on September 12" / "Tuesday"). */
export function isTemporal(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (WEEKDAY_SET.has(t.norm) || TIME_WORDS.has(t.norm) || isMonth(t)) return true;
  return t.kind === "number" && (isMonth(tokens[i - 1]) || isMonth(tokens[i + 1]));
}

const NO_NORMS: string[] = [];
/** The array `byNormThenIndex` compares by; set around one synchronous sort (no closure per sentence). */
let normsForSort: string[] = NO_NORMS;
function byNormThenIndex(i: number, j: number): number {
  const a = normsForSort[i]!;
  const b = normsForSort[j]!;
  return a < b ? -1 : a > b ? 1 : i - j;
}

/** `tokens` may be passed when the caller already has them (they must be `tokenize(text)`). */
export function profileSentence(text: string, tokens: Token[] = tokenize(text)): SentenceProfile {
  const n = tokens.length;
  const wordHashes = new Int32Array(n);
  for (let i = 0; i < n; i++) wordHashes[i] = hashString(tokens[i]!.stem);
  const content: string[] = [];
  const contentNorms: string[] = [];
  const flags: number[] = [];
  const clauses: number[] = [];
  let clause = 0;
  let quoted = false;
  const numbers = new Set<string>();
  const names = new Set<string>();
  let negated = false;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (NEGATIONS.has(t.norm)) negated = true;
    if (t.value !== null) numbers.add(t.stem);
    const prev = tokens[i - 1];
    const from = prev ? prev.end : 0;
    // Most gaps are one space: nothing to look at.
    if (!(t.start - from === 1 && text.charCodeAt(from) === 32) && t.start > from) {
      const gap = text.slice(from, t.start);
      if (prev && CLAUSE_BREAK.test(gap)) clause++;
      quoted = quoteStateAfter(gap, quoted);
    }
    if (!t.stop) {
      content.push(t.stem);
      contentNorms.push(t.norm);
      flags.push(
        (t.capitalized ? (ACRONYM.test(t.raw) ? ACRONYM_FLAG : NAME) : 0) |
          (isTemporal(tokens, i) ? TEMPORAL : 0) |
          (quoted ? QUOTED : 0) |
          (hasDigit(t.norm) ? DIGIT : 0),
      );
      clauses.push(clause);
    }
    if (isName(tokens, i)) names.add(t.stem);
  }
  const contentStemHash = new Int32Array(content.length);
  for (let i = 0; i < content.length; i++) contentStemHash[i] = hashString(content[i]!);
  const relatedLists: Int32Array[] = [];
  let relatedCount = 0;
  for (const stem of content) {
    const hashes = relatedHashesOf(stem);
    if (hashes === undefined) continue;
    relatedLists.push(hashes);
    relatedCount += hashes.length;
  }
  const relatedAll = new Int32Array(relatedCount);
  relatedCount = 0;
  for (const hashes of relatedLists) {
    relatedAll.set(hashes, relatedCount);
    relatedCount += hashes.length;
  }
  relatedAll.sort();
  let distinctRelated = 0;
  for (let i = 0; i < relatedAll.length; i++) if (i === 0 || relatedAll[i] !== relatedAll[i - 1]) relatedAll[distinctRelated++] = relatedAll[i]!;
  const relatedHashes = relatedAll.slice(0, distinctRelated);

  // Character 4-grams over the normalised words joined by single spaces: tolerant of typos
  // and of tokenisation differences ("RIA-Novosti" / "RIA Novosti").
  let joined = " ";
  for (const t of tokens) joined += t.norm + " ";
  if (n === 0) joined = "  ";
  const charCount = Math.max(0, joined.length - 3);
  const wordGrams = [n, Math.max(0, n - 1), Math.max(0, n - 2), Math.max(0, n - 3)];
  const gramEnds = [0];
  for (const count of wordGrams) gramEnds.push(gramEnds[gramEnds.length - 1]! + count);
  gramEnds.push(gramEnds[4]! + charCount);
  const grams = new Int32Array(gramEnds[5]!);
  const fill = [gramEnds[0]!, gramEnds[1]!, gramEnds[2]!, gramEnds[3]!];
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let k = 0; k < 4 && i + k < n; k++) {
      h = combine(h, wordHashes[i + k]!);
      grams[fill[k]!++] = h;
    }
  }
  for (let i = 0; i < charCount; i++) {
    const h = ((joined.charCodeAt(i) * 31 + joined.charCodeAt(i + 1)) * 31 + joined.charCodeAt(i + 2)) * 31 + joined.charCodeAt(i + 3);
    grams[gramEnds[4]! + i] = h | 0;
  }
  for (let k = 0; k < 5; k++) grams.subarray(gramEnds[k]!, gramEnds[k + 1]!).sort();
  let charNorm = 0;
  for (let i = gramEnds[4]!; i < gramEnds[5]!; ) {
    let j = i;
    while (j < gramEnds[5]! && grams[j] === grams[i]) j++;
    charNorm += (j - i) * (j - i);
    i = j;
  }

  const c = content.length;
  // Indices sorted by (stem hash, index): pack both into one exact double and sort natively.
  const packed = new Float64Array(c);
  for (let i = 0; i < c; i++) packed[i] = (contentStemHash[i]! + 2147483648) * 65536 + i;
  packed.sort();
  const byStem = new Int32Array(c);
  for (let i = 0; i < c; i++) byStem[i] = packed[i]! % 65536;
  const byNorm = new Int32Array(c);
  for (let i = 0; i < c; i++) byNorm[i] = i;
  normsForSort = contentNorms;
  byNorm.sort(byNormThenIndex);
  normsForSort = NO_NORMS;
  return {
    text,
    wordHashes,
    content,
    contentNorms,
    relatedHashes,
    contentStemHash,
    contentByStem: byStem,
    contentByNorm: byNorm,
    contentFlags: new Uint8Array(flags),
    contentClause: new Uint16Array(clauses),
    grams,
    gramEnds,
    charNorm,
    numbers: [...numbers].sort(),
    names: [...names].sort(),
    negated,
  };
}
