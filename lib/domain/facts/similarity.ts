/**
 * The pair decision: do two sentences state the same central fact? One function decides it for
 * clustering and for the `--pairs` command line alike, so the figures `npm run eval` prints are
 * the figures of the engine itself.
 *
 * Four kinds of evidence, in order:
 *  0. near-verbatim copy: the same words, give or take one or two (republished or lightly
 *     edited wire copy); decided without the model, which would agree anyway;
 *  1. the learned paraphrase model (pair-model.ts, trained on MSRP): the two sentences say the
 *     same thing, in the same or in different words;
 *  2. containment: the shorter sentence's whole fact is in the longer one, which adds more
 *     ("Kim is expected to seek economic aid" / "Kim is expected to seek economic aid ..., and
 *     appears to have something Putin needs");
 *  3. a shared clause: both sentences contain the same substantial clause and differ in what
 *     they attach to it ("Peskov said they will meet after the forum, but ..." / "..., and that
 *     the meeting would include a lunch").
 * MSRP calls 2 and 3 "not paraphrases" (they are not equivalent), so they cost a little MSRP
 * accuracy; for a newsroom they are the same fact told at two lengths, so they are linked.
 */
import { FEATURE_COUNT, lcsLength, matchContent, pairFeatures, sortedOverlap, type ContentMatch } from "./features";
import { predictProbability } from "./logistic";
import { PAIR_MODEL } from "./pair-model";
import { caseAt, isQuotedAt, isTemporalAt, profileSentence, type SentenceProfile } from "./profile";

export type LinkReason = "near-verbatim" | "paraphrase" | "containment" | "shared-clause" | "context";

export interface PairDecision {
  /** Link strength 0..1: the model probability, scaled down when the sentences share too little wording for the model to be trusted. */
  score: number;
  /** True when the engine would put the two sentences in one cluster (on their own, without story context). */
  same: boolean;
  /** Why they are linked; null when they are not. */
  reason: LinkReason | null;
}

/** The link strength above which two sentences are linked (chosen by cross-validation on MSRP train). */
export const LINK_THRESHOLD = PAIR_MODEL.threshold;

/**
 * The model was trained on MSRP pairs, which all share much of their wording. Outside that
 * regime it extrapolates badly (a four-word sentence gets 0.3 against anything), so its
 * probability is only trusted in full when each sentence has at least this share of its content
 * words matched, and at least two content words are shared at all.
 */
const TRUSTED_MIN_COVERAGE = 0.25;
const MIN_SHARED_CONTENT_WORDS = 2;

/** Containment: the shorter sentence states a complete fact (enough content words) and the longer one covers it. */
const CONTAINMENT_MIN_CONTENT_WORDS = 6;
const CONTAINMENT_MIN_COVERAGE = 0.85;
/**
 * Containment word for word (every word of the shorter sentence, stop words too, in the same
 * order in the longer one, but one) needs fewer content words, and no clause structure: on the
 * tune files it links 301 paraphrases for 50 non-paraphrases (twitter-url) and 8 for 0
 * (pit2015), on MSRP train 5 for 9.
 */
const VERBATIM_CONTAINMENT_MIN_CONTENT_WORDS = 5;
const VERBATIM_CONTAINMENT_MAX_MISSING = 1;
/** The longer sentence's extra words must sit mostly in clauses of their own ("..., and X"), not be woven into the shared fact. */
const CONTAINMENT_MIN_SEPARATED_EXTRA = 0.7;

/** Shared clause: at least this many content words, nearly all matched both ways, and a large part of the shorter sentence. */
const CLAUSE_MIN_CONTENT_WORDS = 5;
const CLAUSE_MIN_COVERAGE = 0.9;
const CLAUSE_MIN_SHARE_OF_SENTENCE = 0.5;
/** Shared content words without which neither rule can hold (containment: 6 words, at most one missed; clause: 5 words). */
const RULES_MIN_SHARED = 5;
/** A shared quotation needs this many content words ("We will win" is not a statement anyone can own). */
const QUOTE_MIN_CONTENT_WORDS = 6;
/** A clause of names only ("President Vladimir Putin") states no fact. */
const CLAUSE_MIN_NON_NAME_WORDS = 2;

function isNameOrNumber(p: SentenceProfile, i: number): boolean {
  const c = p.content[i]!.charCodeAt(0);
  return caseAt(p, i) > 0 || (c >= 48 && c <= 57);
}

/**
 * The rules below ignore time words ("on September 12", "Tuesday"): the same fact is often
 * dated differently, and a different date is a discrepancy to flag, not a different fact.
 */
function counts(p: SentenceProfile, i: number): boolean {
  return !isTemporalAt(p, i);
}

function isContainment(a: SentenceProfile, b: SentenceProfile, m: ContentMatch): boolean {
  const aShorter = a.content.length <= b.content.length;
  const [s, l] = aShorter ? [a, b] : [b, a];
  const [usedS, usedL] = aShorter ? [m.usedA, m.usedB] : [m.usedB, m.usedA];
  let size = 0;
  let matched = 0;
  for (let i = 0; i < s.content.length; i++) {
    if (!counts(s, i)) continue;
    size++;
    if (usedS[i] === 1) matched++;
    else if (isNameOrNumber(s, i)) return false;
  }
  if (size < VERBATIM_CONTAINMENT_MIN_CONTENT_WORDS) return false;
  if (matched / size < CONTAINMENT_MIN_COVERAGE && size - matched > 1) return false;
  // The shorter sentence word for word inside the longer one: whatever the longer adds, and
  // however it is punctuated (a headline inside a tweet that comments on it), it states this.
  if (lcsLength(s.wordHashes, l.wordHashes) >= s.wordHashes.length - VERBATIM_CONTAINMENT_MAX_MISSING) return true;
  if (size < CONTAINMENT_MIN_CONTENT_WORDS) return false;
  const clausesWithShared = new Set<number>();
  for (let j = 0; j < l.content.length; j++) if (usedL[j] === 1) clausesWithShared.add(l.contentClause[j]!);
  let extra = 0;
  let separated = 0;
  for (let j = 0; j < l.content.length; j++) {
    if (usedL[j] === 1 || !counts(l, j)) continue;
    extra++;
    if (!clausesWithShared.has(l.contentClause[j]!)) separated++;
  }
  return extra === 0 || separated / extra >= CONTAINMENT_MIN_SEPARATED_EXTRA;
}

interface ClauseStats {
  size: number;
  nonNames: number;
  quoted: boolean;
  /** An unmatched name or number: the clause is about someone or something else. */
  foreignName: boolean;
  /** Matched words per clause of the other sentence. */
  into: Map<number, number>;
}

function clauseStats(a: SentenceProfile, b: SentenceProfile, pairOfA: Int16Array, usedA: Uint8Array): Map<number, ClauseStats> {
  const stats = new Map<number, ClauseStats>();
  for (let i = 0; i < a.content.length; i++) {
    if (!counts(a, i)) continue;
    const c = a.contentClause[i]!;
    let st = stats.get(c);
    if (!st) {
      st = { size: 0, nonNames: 0, quoted: true, foreignName: false, into: new Map() };
      stats.set(c, st);
    }
    st.size++;
    if (!isQuotedAt(a, i)) st.quoted = false;
    if (!isNameOrNumber(a, i)) st.nonNames++;
    else if (usedA[i] === 0) st.foreignName = true;
    const j = pairOfA[i]!;
    if (j >= 0) st.into.set(b.contentClause[j]!, (st.into.get(b.contentClause[j]!) ?? 0) + 1);
  }
  return stats;
}

function clauseSizes(p: SentenceProfile): Map<number, number> {
  const sizes = new Map<number, number>();
  for (let i = 0; i < p.content.length; i++) if (counts(p, i)) sizes.set(p.contentClause[i]!, (sizes.get(p.contentClause[i]!) ?? 0) + 1);
  return sizes;
}

/** The clause of the sentence's first counting word (time words aside); -1 when it has none. */
function openingClause(p: SentenceProfile): number {
  for (let i = 0; i < p.content.length; i++) if (counts(p, i)) return p.contentClause[i]!;
  return -1;
}

/**
 * Two kinds of shared clause count:
 *  - the opening clauses match, and make up a large part of the shorter sentence: news
 *    sentences put their main statement first, while later clauses are often descriptions
 *    ("Brent Newbury, president of the ...") that recur around different statements;
 *  - a quotation matches another quotation: the same words quoted are the same statement,
 *    whoever the two reports attribute it to (which the discrepancy check compares).
 */
function hasSharedClause(a: SentenceProfile, b: SentenceProfile, m: ContentMatch): boolean {
  const firstA = openingClause(a);
  const firstB = openingClause(b);
  if (firstA < 0 || firstB < 0) return false;
  const statsA = clauseStats(a, b, m.pairOfA, m.usedA);
  const sizesB = clauseSizes(b);
  const quotedB = new Set<number>();
  for (let j = 0; j < b.content.length; j++) if (isQuotedAt(b, j)) quotedB.add(b.contentClause[j]!);
  const shorterLength = Math.min(countingWords(a), countingWords(b));
  for (const [clause, st] of statsA) {
    if (st.foreignName || st.nonNames < CLAUSE_MIN_NON_NAME_WORDS) continue;
    for (const [clauseB, n] of st.into) {
      const sizeB = sizesB.get(clauseB) ?? 0;
      if (n < CLAUSE_MIN_COVERAGE * st.size || n < CLAUSE_MIN_COVERAGE * sizeB) continue;
      const opening = clause === firstA && clauseB === firstB && st.size >= Math.max(CLAUSE_MIN_CONTENT_WORDS, CLAUSE_MIN_SHARE_OF_SENTENCE * shorterLength);
      const quotation = st.quoted && quotedB.has(clauseB) && st.size >= QUOTE_MIN_CONTENT_WORDS;
      if (opening || quotation) return true;
    }
  }
  return false;
}

function countingWords(p: SentenceProfile): number {
  let n = 0;
  for (let i = 0; i < p.content.length; i++) if (counts(p, i)) n++;
  return n;
}

/**
 * Whether the sentence with fewer content words names someone or something (a capitalised word,
 * an acronym) and every name in it has a counterpart in the other (days and months aside: a
 * different date is a discrepancy to flag, not a different fact): "KCNA said Kim had traveled
 * aboard …" names no one the longer report does not; "The Korean Central News Agency said Kim
 * then left …" and "Peskov said Putin and Kim will meet …" name different sources.
 */
export function sharesAllNames(a: SentenceProfile, b: SentenceProfile, m: ContentMatch = matchContent(a, b)): boolean {
  const [shorter, used] = a.content.length <= b.content.length ? [a, m.usedA] : [b, m.usedB];
  let names = 0;
  for (let i = 0; i < shorter.content.length; i++) {
    if (caseAt(shorter, i) === 0 || !counts(shorter, i)) continue;
    if (used[i] === 0) return false;
    names++;
  }
  return names > 0;
}

/** Name words the opening clauses of two ledes must share: the event's actors and place, not just one of them. */
const LEDE_MIN_SHARED_NAMES = 3;
/** Share of each opening clause's name words the other lede must have: the same actors, one extra allowed in a long lede. */
const LEDE_MIN_NAME_SHARE = 0.75;

/**
 * Whether two ledes (first body sentences of two stories of one event) open on the same fact:
 * their opening clauses share at least three name words, three in four of each opening clause's
 * name words have their counterpart, and the two share an ordinary word too ("Kim Jong Un arrived in
 * Russia ahead of an expected meeting with Putin, while …" / "Kim Jong Un arrived in Russia on
 * Tuesday for a meeting with Putin where …"). What the ledes add after that differs by design.
 */
export function sharesLedeOpening(a: SentenceProfile, b: SentenceProfile, m: ContentMatch = matchContent(a, b)): boolean {
  const ca = openingClause(a);
  const cb = openingClause(b);
  if (ca < 0 || cb < 0) return false;
  const tally = (p: SentenceProfile, clause: number, used: Uint8Array) => {
    let names = 0;
    let namesMatched = 0;
    let ordinaryMatched = 0;
    for (let i = 0; i < p.content.length; i++) {
      if (p.contentClause[i] !== clause || !counts(p, i)) continue;
      if (isNameOrNumber(p, i)) {
        names++;
        if (used[i] === 1) namesMatched++;
      } else if (used[i] === 1) ordinaryMatched++;
    }
    return { names, namesMatched, ordinaryMatched };
  };
  const ta = tally(a, ca, m.usedA);
  const tb = tally(b, cb, m.usedB);
  return (
    Math.min(ta.namesMatched, tb.namesMatched) >= LEDE_MIN_SHARED_NAMES &&
    ta.namesMatched >= LEDE_MIN_NAME_SHARE * ta.names &&
    tb.namesMatched >= LEDE_MIN_NAME_SHARE * tb.names &&
    Math.min(ta.ordinaryMatched, tb.ordinaryMatched) >= 1
  );
}

/** The model's probability, discounted where the two sentences share too little for it to be trusted. */
export function trustedScore(probability: number, a: SentenceProfile, b: SentenceProfile, m: ContentMatch): number {
  if (Math.min(m.matchedA, m.matchedB) < MIN_SHARED_CONTENT_WORDS) return 0;
  const coverage = Math.min(a.content.length === 0 ? 0 : m.matchedA / a.content.length, b.content.length === 0 ? 0 : m.matchedB / b.content.length);
  return probability * Math.min(1, coverage / TRUSTED_MIN_COVERAGE);
}

/**
 * The decision for a pair whose model probability is already known (the training script
 * sweeps `threshold`; everything else passes LINK_THRESHOLD).
 */
export function decideWithProbability(
  probability: number,
  a: SentenceProfile,
  b: SentenceProfile,
  threshold = LINK_THRESHOLD,
  m: ContentMatch = matchContent(a, b),
): PairDecision {
  const edits = nearVerbatimEdits(a, b);
  if (edits >= 0) return nearVerbatim(edits);
  const score = trustedScore(probability, a, b, m);
  if (score >= threshold) return { score, same: true, reason: "paraphrase" };
  // Both rules need at least five shared content words; most candidate pairs have fewer.
  if (Math.max(m.matchedA, m.matchedB) < RULES_MIN_SHARED) return { score, same: false, reason: null };
  if (isContainment(a, b, m)) return { score, same: true, reason: "containment" };
  if (hasSharedClause(a, b, m)) return { score, same: true, reason: "shared-clause" };
  return { score, same: false, reason: null };
}

const scratch = new Float64Array(FEATURE_COUNT);

export function modelProbability(a: SentenceProfile, b: SentenceProfile, m: ContentMatch = matchContent(a, b)): number {
  return predictProbability(PAIR_MODEL, pairFeatures(a, b, scratch, m));
}

/** A near-verbatim copy differs by at most this many words, and by at most this share of its length. */
const NEAR_VERBATIM_MAX_EDITS = 2;
const NEAR_VERBATIM_MAX_SHARE = 0.15;
/** Score of a near-verbatim link: 1 less this per edited word. */
const NEAR_VERBATIM_EDIT_PENALTY = 0.05;

/**
 * Word-level edit distance when the two sentences are near-verbatim copies, else -1. Cheap: a
 * bag-of-words bound rules most pairs out, and the edit distance is computed in a narrow band.
 */
export function nearVerbatimEdits(a: SentenceProfile, b: SentenceProfile): number {
  const la = a.wordHashes.length;
  const lb = b.wordHashes.length;
  const longer = la > lb ? la : lb;
  const max = Math.min(NEAR_VERBATIM_MAX_EDITS, Math.floor(NEAR_VERBATIM_MAX_SHARE * longer));
  if (max === 0 || Math.abs(la - lb) > max) return -1;
  // Each edit costs at most one shared word, so fewer shared words than longer - max rules it out.
  const shared = sortedOverlap(a.grams, b.grams, a.gramEnds[0]!, a.gramEnds[1]!, b.gramEnds[0]!, b.gramEnds[1]!);
  if (shared < longer - max) return -1;
  return bandedEditDistance(a.wordHashes, b.wordHashes, max);
}

// Scratch rows for the banded DP (band <= NEAR_VERBATIM_MAX_EDITS, so 2 * band + 1 <= 5 cells).
const bandA = new Int32Array(2 * NEAR_VERBATIM_MAX_EDITS + 1);
const bandB = new Int32Array(2 * NEAR_VERBATIM_MAX_EDITS + 1);

/** Levenshtein distance if at most `band`, else -1, computing only cells within `band` of the diagonal. */
function bandedEditDistance(a: Int32Array, b: Int32Array, band: number): number {
  const n = a.length;
  const m = b.length;
  const width = 2 * band + 1;
  const big = 1 << 20;
  let prev = bandA;
  let curr = bandB;
  prev.fill(big, 0, width);
  // Cell (i, j) lives at index j - i + band.
  for (let j = 0; j <= Math.min(m, band); j++) prev[j + band] = j;
  for (let i = 1; i <= n; i++) {
    curr.fill(big, 0, width);
    let rowMin = big;
    for (let d = -band; d <= band; d++) {
      const j = i + d;
      if (j < 0 || j > m) continue;
      const at = d + band;
      let v: number;
      if (j === 0) v = i;
      else {
        v = prev[at]! + (a[i - 1] === b[j - 1] ? 0 : 1); // diagonal (i-1, j-1) has the same offset
        if (at + 1 < width && prev[at + 1]! + 1 < v) v = prev[at + 1]! + 1; // (i-1, j): delete
        if (at - 1 >= 0 && curr[at - 1]! + 1 < v) v = curr[at - 1]! + 1; // (i, j-1): insert
      }
      curr[at] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > band) return -1;
    const t = prev;
    prev = curr;
    curr = t;
  }
  const result = prev[m - n + band];
  return result !== undefined && result <= band ? result : -1;
}

function nearVerbatim(edits: number): PairDecision {
  return { score: 1 - NEAR_VERBATIM_EDIT_PENALTY * edits, same: true, reason: "near-verbatim" };
}

export function decidePair(a: SentenceProfile, b: SentenceProfile): PairDecision {
  // Checked before the model so that copies cost no model evaluation.
  const edits = nearVerbatimEdits(a, b);
  if (edits >= 0) return nearVerbatim(edits);
  const m = matchContent(a, b);
  return decideWithProbability(modelProbability(a, b, m), a, b, LINK_THRESHOLD, m);
}

/** Convenience for one-off comparisons (tests, the `--pairs` command); clustering reuses profiles. */
export function compareSentences(a: string, b: string): PairDecision {
  return decidePair(profileSentence(a), profileSentence(b));
}
