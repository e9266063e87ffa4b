/**
 * Pair features: lexical evidence that two sentences state the same fact. Every feature is
 * symmetric in its two arguments, so score(a, b) = score(b, a) and clustering does not depend
 * on which sentence came first. The learned weights live in pair-model.ts.
 */
import type { SentenceProfile } from "./profile";

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

/** Clipped overlap of two sorted arrays with duplicates (multiset intersection size). */
export function sortedOverlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
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
  const x = a.charGrams;
  const y = b.charGrams;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < x.length && j < y.length) {
    const u = x[i]!;
    const v = y[j]!;
    if (u === v) {
      let ci = 0;
      while (i < x.length && x[i] === u) {
        i++;
        ci++;
      }
      let cj = 0;
      while (j < y.length && y[j] === u) {
        j++;
        cj++;
      }
      dot += ci * cj;
    } else if (u < v) i++;
    else j++;
  }
  return dot / Math.sqrt(a.charNorm * b.charNorm);
}

// Reused DP rows: scoring runs millions of times in one alignment, so don't allocate per call.
let rowA = new Uint16Array(64);
let rowB = new Uint16Array(64);
function rows(n: number): void {
  if (rowA.length < n) {
    rowA = new Uint16Array(n * 2);
    rowB = new Uint16Array(n * 2);
  }
}

/** Longest common subsequence length of two hash sequences (two-row DP). */
export function lcsLength(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  rows(b.length + 1);
  let prev = rowA;
  let curr = rowB;
  prev.fill(0, 0, b.length + 1);
  curr[0] = 0;
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      curr[j] = ai === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, curr[j - 1]!);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

function editDistance(a: Int32Array, b: Int32Array): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  rows(b.length + 1);
  let prev = rowA;
  let curr = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      curr[j] = Math.min(sub, prev[j]! + 1, curr[j - 1]! + 1);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/**
 * Bounded Damerau-Levenshtein: true when the two words differ by at most `max` edits
 * (insert, delete, substitute, swap adjacent). Used only on words already left unmatched.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let curr = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    [prev2, prev, curr] = [prev, curr, prev2];
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

export interface ContentMatch {
  /** Per content token of a (b): 1 when it found a counterpart in the other sentence. */
  usedA: Uint8Array;
  usedB: Uint8Array;
  /** For each content token of a, the index of its counterpart in b (-1 when unmatched or matched by acronym). */
  pairOfA: Int16Array;
  matchedA: number;
  matchedB: number;
}

/** Initials of a run of capitalised content tokens spell the acronym: "KCNA" ~ "Korean Central News Agency". */
function matchAcronyms(x: SentenceProfile, usedX: Uint8Array, y: SentenceProfile, usedY: Uint8Array): void {
  for (let i = 0; i < x.content.length; i++) {
    if (usedX[i] !== 0 || x.contentCase[i] !== 2) continue;
    const acronym = x.contentNorms[i]!;
    const n = acronym.length;
    for (let j = 0; j + n <= y.content.length; j++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = y.contentCase[j + k] === 1 && y.contentNorms[j + k]!.charAt(0) === acronym.charAt(k);
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
  const usedA = new Uint8Array(a.content.length);
  const usedB = new Uint8Array(b.content.length);
  const pairOfA = new Int16Array(a.content.length).fill(-1);
  const positions = new Map<string, number[]>();
  for (let j = b.content.length - 1; j >= 0; j--) {
    const s = b.content[j]!;
    const list = positions.get(s);
    if (list) list.push(j);
    else positions.set(s, [j]);
  }
  let leftA = 0;
  for (let i = 0; i < a.content.length; i++) {
    const list = positions.get(a.content[i]!);
    const j = list?.pop();
    if (j !== undefined) {
      usedA[i] = 1;
      usedB[j] = 1;
      pairOfA[i] = j;
    } else leftA++;
  }
  if (leftA > 0 && leftA < a.content.length + 1) {
    // Spelling variants, greedily over leftovers sorted by spelling (order-independent).
    const restA = [...a.content.keys()].filter((i) => usedA[i] === 0).sort((i, j) => cmp(a.contentNorms[i]!, a.contentNorms[j]!) || i - j);
    const restB = [...b.content.keys()].filter((j) => usedB[j] === 0).sort((i, j) => cmp(b.contentNorms[i]!, b.contentNorms[j]!) || i - j);
    for (const i of restA) {
      for (const j of restB) {
        if (usedB[j] === 0 && isSpellingVariant(a.contentNorms[i]!, b.contentNorms[j]!)) {
          usedA[i] = 1;
          usedB[j] = 1;
          pairOfA[i] = j;
          break;
        }
      }
    }
    matchAcronyms(a, usedA, b, usedB);
    matchAcronyms(b, usedB, a, usedA);
  }
  let matchedA = 0;
  let matchedB = 0;
  for (const u of usedA) matchedA += u;
  for (const u of usedB) matchedB += u;
  return { usedA, usedB, pairOfA, matchedA, matchedB };
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
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
    const ga = a.ngrams[n]!;
    const gb = b.ngrams[n]!;
    gramF.push(f1(sortedOverlap(ga, gb), ga.length, gb.length));
  }
  const bleu = Math.exp(gramF.reduce((s, p) => s + Math.log(p + 0.05), 0) / 4) - 0.05;

  const la = a.wordHashes.length;
  const lb = b.wordHashes.length;
  const longer = Math.max(la, lb, 1);
  const shorter = Math.max(Math.min(la, lb), 1);
  const lcs = lcsLength(a.wordHashes, b.wordHashes);
  const edit = editDistance(a.wordHashes, b.wordHashes);

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
