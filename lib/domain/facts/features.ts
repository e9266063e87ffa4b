/**
 * Pair features: lexical evidence that two sentences state the same fact. Every feature is
 * symmetric in its two arguments, so score(a, b) = score(b, a) and clustering does not depend
 * on which sentence came first. The learned weights live in pair-model.ts.
 */
import { caseAt, hasDigitAt, type SentenceProfile } from "./profile";
import { areRelated, hasRelations } from "./relations";

export const FEATURE_NAMES = [
  "contentF", // shared content words, F-measure of the two coverages
  "contentMinCoverage", // coverage of the longer sentence by the shorter
  "contentMaxCoverage", // coverage of the shorter sentence by the longer (containment)
  "wordF", // unigram F over all words, stop words included
  "bigramF",
  "trigramF",
  "fourgramF",
  "bleu", // geometric mean of 1-4-gram F, the BLEU-like fluency-of-overlap signal
  "charCosine", // character 4-gram cosine: tolerant of typos and spelling variants
  "lcsMax", // longest common word subsequence / longer length: same order of telling
  "lcsMin", // LCS / shorter length
  "wordEditSimilarity", // 1 - word-level edit distance / longer length
  "lengthRatio", // shorter / longer word count
  "unmatchedMin", // log(1 + content words of the more-covered sentence left unmatched)
  "unmatchedMax", // log(1 + content words of the less-covered sentence left unmatched)
  "numbersAgree", // Jaccard of the numbers mentioned (1 when neither mentions any)
  "numbersConflict", // both mention numbers and neither set contains the other
  "namesAgree", // Jaccard of name-like words (1 when neither has any)
  "namesUnmatched", // log(1 + names only one sentence has)
  "negationMismatch", // one sentence is negated, the other is not
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Clipped overlap of two sorted ranges with duplicates (multiset intersection size). */
export function sortedOverlap(a: Int32Array, b: Int32Array, aFrom = 0, aTo = a.length, bFrom = 0, bTo = b.length): number {
  let i = aFrom;
  let j = bFrom;
  let n = 0;
  while (i < aTo && j < bTo) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function charCosine(a: SentenceProfile, b: SentenceProfile): number {
  if (a.charNorm === 0 || b.charNorm === 0) return 0;
  const x = a.grams;
  const y = b.grams;
  const xEnd = a.gramEnds[5]!;
  const yEnd = b.gramEnds[5]!;
  let i = a.gramEnds[4]!;
  let j = b.gramEnds[4]!;
  let dot = 0;
  while (i < xEnd && j < yEnd) {
    const u = x[i]!;
    const v = y[j]!;
    if (u === v) {
      let ci = 0;
      while (i < xEnd && x[i] === u) {
        i++;
        ci++;
      }
      let cj = 0;
      while (j < yEnd && y[j] === u) {
        j++;
        cj++;
      }
      dot += ci * cj;
    } else if (u < v) i++;
    else j++;
  }
  return dot / Math.sqrt(a.charNorm * b.charNorm);
}

// Reused DP rows: scoring runs hundreds of thousands of times in one alignment, so nothing is
// allocated per call.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);
let rowD = new Int32Array(64);
function rows(n: number): void {
  if (rowA.length < n) {
    rowA = new Int32Array(n * 2);
    rowB = new Int32Array(n * 2);
    rowC = new Int32Array(n * 2);
    rowD = new Int32Array(n * 2);
  }
}

/** Longest common subsequence length of two hash sequences (two-row DP). */
export function lcsLength(a: Int32Array, b: Int32Array): number {
  return lcsAndEditDistance(a, b)[0];
}

const lcsEdit: [number, number] = [0, 0];

/**
 * LCS length and word-level edit distance of two hash sequences, in one pass over the DP grid.
 * Returns a shared tuple: read it before the next call.
 */
export function lcsAndEditDistance(a: Int32Array, b: Int32Array): [number, number] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    lcsEdit[0] = 0;
    lcsEdit[1] = n + m;
    return lcsEdit;
  }
  rows(m + 1);
  let lPrev = rowA;
  let lCurr = rowB;
  let ePrev = rowC;
  let eCurr = rowD;
  for (let j = 0; j <= m; j++) {
    lPrev[j] = 0;
    ePrev[j] = j;
  }
  lCurr[0] = 0;
  for (let i = 1; i <= n; i++) {
    eCurr[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const same = ai === b[j - 1];
      if (same) lCurr[j] = lPrev[j - 1]! + 1;
      else {
        const up = lPrev[j]!;
        const left = lCurr[j - 1]!;
        lCurr[j] = up > left ? up : left;
      }
      let v = ePrev[j - 1]! + (same ? 0 : 1);
      const del = ePrev[j]! + 1;
      if (del < v) v = del;
      const ins = eCurr[j - 1]! + 1;
      if (ins < v) v = ins;
      eCurr[j] = v;
    }
    let t = lPrev;
    lPrev = lCurr;
    lCurr = t;
    t = ePrev;
    ePrev = eCurr;
    eCurr = t;
  }
  lcsEdit[0] = lPrev[m]!;
  lcsEdit[1] = ePrev[m]!;
  return lcsEdit;
}

/**
 * Bounded Damerau-Levenshtein: true when the two words differ by at most `max` edits
 * (insert, delete, substitute, swap adjacent). Used only on words already left unmatched.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const n = a.length;
  const m = b.length;
  rows(m + 1);
  let prev2 = rowC;
  let prev = rowA;
  let curr = rowB;
  for (let j = 0; j <= m; j++) {
    prev[j] = j;
    prev2[j] = 0;
  }
  for (let i = 1; i <= n; i++) {
    curr[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = curr[j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const swap = prev2[j - 2]! + 1;
        if (swap < v) v = swap;
      }
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    const t = prev2;
    prev2 = prev;
    prev = curr;
    curr = t;
  }
  return prev[m]! <= max;
}

/** Typo or spelling variant of a name or word: "Vladisvostok"/"Vladivostok", "Kozhemyako"/"Kozhemiako". */
export function isSpellingVariant(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5 || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  // Words made of digits are numbers: 17 and 18 are different facts, not typos.
  if (/\d/.test(a) || /\d/.test(b)) return false;
  return withinEdits(a, b, shorter >= 8 ? 2 : 1);
}

/** Distinct content stems the two sentences share (exact stems only): a cheap bound before matchContent. */
export function distinctStemOverlap(a: SentenceProfile, b: SentenceProfile): number {
  const ha = a.contentStemHash;
  const hb = b.contentStemHash;
  let x = 0;
  let y = 0;
  let shared = 0;
  let last: number | null = null;
  while (x < a.content.length && y < b.content.length) {
    const i = a.contentByStem[x]!;
    const j = b.contentByStem[y]!;
    const h = ha[i]!;
    const g = hb[j]!;
    if (h < g) x++;
    else if (h > g) y++;
    else {
      if (h !== last && a.content[i] === b.content[j]) shared++;
      last = h;
      x++;
      y++;
    }
  }
  return shared;
}

export interface ContentMatch {
  /** Per content token of a (b): 1 when it found a counterpart in the other sentence. */
  usedA: Uint8Array;
  usedB: Uint8Array;
  /** For each content token of a, the index of its counterpart in b (-1 when unmatched or matched by acronym). */
  pairOfA: Int16Array;
  matchedA: number;
  matchedB: number;
  /** Pairs matched only through a WordNet relation (synonym, derivation), not by stem or spelling. */
  related: number;
}

/** Initials of a run of capitalised content tokens spell the acronym: "KCNA" ~ "Korean Central News Agency". */
function matchAcronyms(x: SentenceProfile, usedX: Uint8Array, y: SentenceProfile, usedY: Uint8Array): void {
  for (let i = 0; i < x.content.length; i++) {
    if (usedX[i] !== 0 || caseAt(x, i) !== 2) continue;
    const acronym = x.contentNorms[i]!;
    const n = acronym.length;
    for (let j = 0; j + n <= y.content.length; j++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = caseAt(y, j + k) === 1 && y.contentNorms[j + k]!.charAt(0) === acronym.charAt(k);
      if (!ok) continue;
      usedX[i] = 1;
      for (let k = 0; k < n; k++) usedY[j + k] = 1;
      break;
    }
  }
}

/**
 * Matching of content words: exact stems first, then spelling variants among the leftovers,
 * then acronyms against spelled-out names. Deterministic and symmetric in its arguments.
 */
export function matchContent(a: SentenceProfile, b: SentenceProfile): ContentMatch {
  const na = a.content.length;
  const nb = b.content.length;
  const usedA = new Uint8Array(na);
  const usedB = new Uint8Array(nb);
  const pairOfA = new Int16Array(na).fill(-1);
  let related = 0;
  // Exact stems: merge the two stem-sorted index lists. Within one stem, occurrences pair up in
  // reading order (first with first), so the result is the same whichever sentence is `a`.
  let x = 0;
  let y = 0;
  const ha = a.contentStemHash;
  const hb = b.contentStemHash;
  while (x < na && y < nb) {
    const i0 = a.contentByStem[x]!;
    const j0 = b.contentByStem[y]!;
    const h = ha[i0]!;
    const g = hb[j0]!;
    if (h < g) x++;
    else if (h > g) y++;
    else {
      let x2 = x;
      while (x2 < na && ha[a.contentByStem[x2]!] === h) x2++;
      let y2 = y;
      while (y2 < nb && hb[b.contentByStem[y2]!] === h) y2++;
      // Same hash: pair equal stems in order (a hash collision between different stems pairs nothing).
      for (let p = x; p < x2; p++) {
        const i = a.contentByStem[p]!;
        for (let q = y; q < y2; q++) {
          const j = b.contentByStem[q]!;
          if (usedB[j] === 0 && a.content[i] === b.content[j]) {
            usedA[i] = 1;
            usedB[j] = 1;
            pairOfA[i] = j;
            break;
          }
        }
      }
      x = x2;
      y = y2;
    }
  }
  let matchedA = 0;
  for (let i = 0; i < na; i++) matchedA += usedA[i]!;
  if (matchedA < na) {
    // Spelling variants, greedily over leftovers in spelling order (order-independent).
    for (let p = 0; p < na; p++) {
      const i = a.contentByNorm[p]!;
      if (usedA[i] === 1 || hasDigitAt(a, i)) continue;
      const s = a.contentNorms[i]!;
      if (s.length < 5) continue;
      const first = s.charCodeAt(0);
      for (let q = 0; q < nb; q++) {
        const j = b.contentByNorm[q]!;
        if (usedB[j] === 1 || hasDigitAt(b, j)) continue;
        const t = b.contentNorms[j]!;
        if (t.charCodeAt(0) !== first || t.length < 5 || Math.abs(t.length - s.length) > 2) continue;
        if (isSpellingVariant(s, t)) {
          usedA[i] = 1;
          usedB[j] = 1;
          pairOfA[i] = j;
          break;
        }
      }
    }
    related = matchRelated(a, usedA, pairOfA, b, usedB);
    matchAcronyms(a, usedA, b, usedB);
    matchAcronyms(b, usedB, a, usedA);
  }
  matchedA = 0;
  let matchedB = 0;
  for (let i = 0; i < na; i++) matchedA += usedA[i]!;
  for (let j = 0; j < nb; j++) matchedB += usedB[j]!;
  return { usedA, usedB, pairOfA, matchedA, matchedB, related };
}

/** Whether some stem of `b` is related to some stem of `a`: a merge of two sorted hash lists. */
function mayRelate(a: SentenceProfile, b: SentenceProfile): boolean {
  const r = a.relatedHashes;
  const nb = b.content.length;
  let x = 0;
  let y = 0;
  while (x < r.length && y < nb) {
    const h = r[x]!;
    const g = b.contentStemHash[b.contentByStem[y]!]!;
    if (h === g) return true;
    if (h < g) x++;
    else y++;
  }
  return false;
}

/**
 * WordNet relations among the words still unmatched. Candidate pairs are taken greedily in the
 * order of their two spellings (the smaller first), which is the same whichever sentence is `a`,
 * so the counts, and with them the score, are symmetric. Acronyms and numbers are left to the
 * exact rules; capitalised words take part, since a sentence's first word is capitalised too
 * (names mostly have no WordNet relations). Returns the number of pairs matched.
 */
function matchRelated(a: SentenceProfile, usedA: Uint8Array, pairOfA: Int16Array, b: SentenceProfile, usedB: Uint8Array): number {
  // Relations are symmetric, so one direction of the check answers for both.
  if (!mayRelate(a, b)) return 0;
  const candidates: Array<[string, string, number, number]> = [];
  for (let i = 0; i < a.content.length; i++) {
    if (usedA[i] === 1 || hasDigitAt(a, i) || caseAt(a, i) === 2) continue;
    const s = a.content[i]!;
    if (!hasRelations(s)) continue;
    for (let j = 0; j < b.content.length; j++) {
      if (usedB[j] === 1 || hasDigitAt(b, j) || caseAt(b, j) === 2) continue;
      if (!areRelated(s, b.content[j]!)) continue;
      const x = a.contentNorms[i]!;
      const y = b.contentNorms[j]!;
      candidates.push(x <= y ? [x, y, i, j] : [y, x, i, j]);
    }
  }
  if (candidates.length === 0) return 0;
  candidates.sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0));
  let n = 0;
  for (const [, , i, j] of candidates) {
    if (usedA[i] === 1 || usedB[j] === 1) continue;
    usedA[i] = 1;
    usedB[j] = 1;
    pairOfA[i] = j;
    n++;
  }
  return n;
}


function f1(overlap: number, na: number, nb: number): number {
  return na + nb === 0 ? 0 : (2 * overlap) / (na + nb);
}

function jaccardSorted(a: string[], b: string[], variantsMatch: boolean): { jaccard: number; unmatched: number } {
  if (a.length === 0 && b.length === 0) return { jaccard: 1, unmatched: 0 };
  let shared = 0;
  const usedB = new Uint8Array(b.length);
  const unmatchedA: string[] = [];
  for (const x of a) {
    const j = b.indexOf(x);
    if (j >= 0 && usedB[j] === 0) {
      usedB[j] = 1;
      shared++;
    } else unmatchedA.push(x);
  }
  if (variantsMatch) {
    for (const x of unmatchedA) {
      for (let j = 0; j < b.length; j++) {
        if (usedB[j] === 0 && isSpellingVariant(x, b[j]!)) {
          usedB[j] = 1;
          shared++;
          break;
        }
      }
    }
  }
  const union = a.length + b.length - shared;
  return { jaccard: shared / union, unmatched: union - shared };
}

/** Computes the feature vector for a pair into `out` (length FEATURE_COUNT) and returns it. */
export function pairFeatures(
  a: SentenceProfile,
  b: SentenceProfile,
  out: Float64Array = new Float64Array(FEATURE_COUNT),
  cm: ContentMatch = matchContent(a, b),
): Float64Array {
  const ca = a.content.length;
  const cb = b.content.length;
  const covA = ca === 0 ? 0 : cm.matchedA / ca;
  const covB = cb === 0 ? 0 : cm.matchedB / cb;

  const gramF: number[] = [];
  for (let n = 0; n < 4; n++) {
    const [af, at] = [a.gramEnds[n]!, a.gramEnds[n + 1]!];
    const [bf, bt] = [b.gramEnds[n]!, b.gramEnds[n + 1]!];
    gramF.push(f1(sortedOverlap(a.grams, b.grams, af, at, bf, bt), at - af, bt - bf));
  }
  const bleu = Math.exp(gramF.reduce((s, p) => s + Math.log(p + 0.05), 0) / 4) - 0.05;

  const la = a.wordHashes.length;
  const lb = b.wordHashes.length;
  const longer = Math.max(la, lb, 1);
  const shorter = Math.max(Math.min(la, lb), 1);
  const [lcs, edit] = lcsAndEditDistance(a.wordHashes, b.wordHashes);

  const nums = jaccardSorted(a.numbers, b.numbers, false);
  const numsContained = a.numbers.every((x) => b.numbers.includes(x)) || b.numbers.every((x) => a.numbers.includes(x));
  const names = jaccardSorted(a.names, b.names, true);

  out[0] = covA + covB === 0 ? 0 : (2 * covA * covB) / (covA + covB);
  out[1] = Math.min(covA, covB);
  out[2] = Math.max(covA, covB);
  out[3] = gramF[0]!;
  out[4] = gramF[1]!;
  out[5] = gramF[2]!;
  out[6] = gramF[3]!;
  out[7] = bleu;
  out[8] = charCosine(a, b);
  out[9] = lcs / longer;
  out[10] = lcs / shorter;
  out[11] = 1 - edit / longer;
  out[12] = shorter / longer;
  out[13] = Math.log1p(Math.min(ca - cm.matchedA, cb - cm.matchedB));
  out[14] = Math.log1p(Math.max(ca - cm.matchedA, cb - cm.matchedB));
  out[15] = nums.jaccard;
  out[16] = a.numbers.length > 0 && b.numbers.length > 0 && !numsContained ? 1 : 0;
  out[17] = names.jaccard;
  out[18] = Math.log1p(names.unmatched);
  out[19] = a.negated !== b.negated ? 1 : 0;
  return out;
}
