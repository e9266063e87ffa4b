/**
 * Alignment: group the sentences of several stories into fact clusters.
 *
 * 1. Candidates come from an inverted index over content-word stems, never from all pairs:
 *    for each sentence, the later sentences of other stories that share at least two
 *    informative stems, best few kept. Stems in very many sentences are skipped (they say
 *    what the event is about, not which fact a sentence states), which also bounds the work
 *    per sentence, so time grows about linearly with the number of sentences.
 * 2. Each candidate pair gets the pair decision (similarity.ts).
 * 3. Clusters are built greedily from the strongest link down, under two rules stricter than
 *    plain transitive closure, so that topic-chaining cannot merge distinct facts:
 *    - at most one sentence per story in a cluster;
 *    - two clusters merge only when their members are linked on average, not just through
 *      the one link being considered (average linkage over the cross pairs).
 *    Links from the stories' context (contextLinks) come after every link the pair decision makes.
 * Everything is ordered by stable keys (story id, then reading order), so the result does not
 * depend on the order the stories were given in.
 */
import { AppError } from "../errors";
import type { TextRange } from "../text/types";
import { matchContent, type ContentMatch } from "./features";
import { dayStated, extractAttributions, type Attribution } from "./mentions";
import { caseAt, isTemporal, isTemporalAt, profileSentence, type SentenceProfile } from "./profile";
import { tokenize, type Token } from "./tokenize";
import { decidePair, LINK_THRESHOLD, nearVerbatimEdits, sharesAllNames, sharesLedeOpening, type PairDecision } from "./similarity";
import type { Alignment, FactCluster, FactLink, FactStory, SentenceRef } from "./types";

export interface AlignOptions {
  /** Candidate partners kept per sentence (forward in canonical order). Default 40. */
  maxCandidatesPerSentence?: number;
  /** Stems found in more sentences than this are not used to propose candidates. Default 256. */
  maxPostingLength?: number;
}

const DEFAULT_MAX_CANDIDATES = 40;
/** A stem found in more sentences than this is too common to propose anything (candidate pairs, facts a wording may cover). */
export const DEFAULT_MAX_POSTING = 256;
/** Shared informative stems a pair needs to be proposed: one shared word is a topic, not a fact. */
const MIN_SHARED_STEMS = 2;
/**
 * Share of the smaller sentence's informative weight (idf mass of its indexed stems) the shared
 * stems must carry. Every link rule needs much more overlap than this, so it only drops pairs
 * that could not link, and keeps the number of pairs to score proportional to the sentences.
 */
const MIN_SHARED_MASS = 0.25;
/**
 * Two clusters merge only when at least half of their cross pairs are linked in their own right
 * and the average link strength over all cross pairs reaches this. A sentence that shares one
 * fact with one member and another fact with another (topic chaining) fails both.
 */
const MERGE_MIN_LINKED_SHARE = 0.5;
const MERGE_MIN_AVERAGE = 0.3;
/** Members compared per side in the average-linkage check; bounds the check for very large clusters. */
const MERGE_SAMPLE = 8;
/**
 * The least pair score a link from context needs (contextLinks): half the evidence the pair
 * decision needs on its own, the other half being that each sentence is the other's best match.
 */
const CONTEXT_MIN_SCORE = LINK_THRESHOLD / 2;

/** Compares strings by code unit: locale-independent, so the order is the same on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stories in canonical order (by id); throws when two stories share an id. */
export function canonicalStories(stories: readonly FactStory[]): FactStory[] {
  const sorted = [...stories].sort((x, y) => compareIds(x.id, y.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new AppError("INVALID_INPUT", `duplicate story id "${sorted[i]!.id}"`);
  }
  return sorted;
}

/** A flat, canonically ordered view of every sentence. */
export interface SentenceTable {
  stories: FactStory[];
  storyOf: Int32Array;
  sentenceOf: Int32Array;
  /** Sentences with the same text share one profile object. */
  profiles: SentenceProfile[];
  /** Id of each sentence's distinct text, numbered in canonical order of first appearance. */
  textId: Int32Array;
}

export function buildSentenceTable(stories: readonly FactStory[]): SentenceTable {
  const sorted = canonicalStories(stories);
  const storyOf: number[] = [];
  const sentenceOf: number[] = [];
  const profiles: SentenceProfile[] = [];
  const textIds: number[] = [];
  // Republished wire copy repeats sentences verbatim: profile each distinct text once.
  const byText = new Map<string, number>();
  const distinct: SentenceProfile[] = [];
  sorted.forEach((story, s) => {
    story.sentences.forEach((sentence, i) => {
      storyOf.push(s);
      sentenceOf.push(i);
      let id = byText.get(sentence.text);
      if (id === undefined) {
        id = distinct.length;
        byText.set(sentence.text, id);
        distinct.push(profileSentence(sentence.text));
      }
      textIds.push(id);
      profiles.push(distinct[id]!);
    });
  });
  return { stories: sorted, storyOf: Int32Array.from(storyOf), sentenceOf: Int32Array.from(sentenceOf), profiles, textId: Int32Array.from(textIds) };
}

export function refOf(table: SentenceTable, k: number): SentenceRef {
  const story = table.stories[table.storyOf[k]!]!;
  const i = table.sentenceOf[k]!;
  const sentence = story.sentences[i]!;
  return { storyId: story.id, sentence: i, start: sentence.start, end: sentence.end };
}

/**
 * Candidate pairs [k, j] (k < j, different stories) from the inverted index over content stems.
 * Returns a flat array k0, j0, k1, j1, …
 */
export function candidatePairs(table: SentenceTable, options: AlignOptions = {}): Int32Array {
  const maxCandidates = options.maxCandidatesPerSentence ?? DEFAULT_MAX_CANDIDATES;
  const maxPosting = options.maxPostingLength ?? DEFAULT_MAX_POSTING;
  const n = table.profiles.length;

  // Stem ids in first-seen canonical order, and each sentence's distinct stems.
  const stemIds = new Map<string, number>();
  const sentenceStems: Int32Array[] = [];
  const postings: number[][] = [];
  for (let k = 0; k < n; k++) {
    const ids = new Set<number>();
    for (const stem of table.profiles[k]!.content) {
      let id = stemIds.get(stem);
      if (id === undefined) {
        id = stemIds.size;
        stemIds.set(stem, id);
        postings.push([]);
      }
      ids.add(id);
    }
    const arr = Int32Array.from(ids);
    for (const id of arr) postings[id]!.push(k);
    sentenceStems.push(arr);
  }
  const weight = postings.map((p) => Math.log(1 + n / p.length));
  const indexed = (id: number) => postings[id]!.length >= 2 && postings[id]!.length <= maxPosting;
  const ownMass = sentenceStems.map((stems) => {
    let m = 0;
    for (const id of stems) if (indexed(id)) m += weight[id]!;
    return m;
  });

  const shared = new Int32Array(n);
  const mass = new Float64Array(n);
  const touched: number[] = [];
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const story = table.storyOf[k]!;
    for (const id of sentenceStems[k]!) {
      const posting = postings[id]!;
      if (!indexed(id)) continue;
      const w = weight[id]!;
      // Postings are ascending, so start after k: each pair is proposed once, from its earlier sentence.
      for (let p = upperBound(posting, k); p < posting.length; p++) {
        const j = posting[p]!;
        if (table.storyOf[j] === story) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j]!++;
        mass[j]! += w;
      }
    }
    const partners = touched.filter((j) => shared[j]! >= MIN_SHARED_STEMS && mass[j]! >= MIN_SHARED_MASS * Math.min(ownMass[k]!, ownMass[j]!));
    partners.sort((x, y) => mass[y]! - mass[x]! || x - y);
    for (let c = 0; c < partners.length && c < maxCandidates; c++) out.push(k, partners[c]!);
    for (const j of touched) {
      shared[j] = 0;
      mass[j] = 0;
    }
    touched.length = 0;
  }
  return Int32Array.from(out);
}

function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Orders links: linked pairs above unlinked ones, then by score. Rule-based links rank as the threshold. */
function strength(d: PairDecision): number {
  return d.same ? Math.max(d.score, LINK_THRESHOLD) : d.score;
}

interface Link {
  k: number;
  j: number;
  decision: PairDecision;
  strength: number;
}

/**
 * Scores pairs on demand, once per pair of distinct texts: the decision depends on the two texts
 * only, so verbatim copies reuse it. Near-verbatim copies (republished or lightly edited wire
 * copy) go further: each joins the copy group of a text it nearly repeats, and pairs across two
 * groups are decided once, between the groups' representatives. Text ids follow canonical order,
 * groups form in a fixed order (fewest edits, then ids), and the text with the lower id always goes
 * first, so no decision depends on input order.
 */
class PairScorer {
  /** Decisions by the lower text id, then the higher (two levels keep the keys small integers). */
  private readonly cache = new Map<number, Map<number, PairDecision>>();
  private readonly distinctTexts: number;
  /** Per distinct text: the representative of its copy group (itself when alone). */
  private readonly representative: Int32Array;
  /** Per distinct text: one sentence with that text (its profile). */
  private readonly sentenceOfText: Int32Array;
  scored = 0;

  constructor(private readonly table: SentenceTable) {
    let max = -1;
    for (const id of table.textId) if (id > max) max = id;
    this.distinctTexts = max + 1;
    this.representative = Int32Array.from({ length: this.distinctTexts }, (_, i) => i);
    this.sentenceOfText = new Int32Array(this.distinctTexts).fill(-1);
    table.textId.forEach((id, k) => {
      if (this.sentenceOfText[id] === -1) this.sentenceOfText[id] = k;
    });
  }

  private profileOfText(t: number): SentenceProfile {
    return this.table.profiles[this.sentenceOfText[t]!]!;
  }

  /**
   * Builds copy groups from the candidate pairs. A text joins a group only when it nearly repeats
   * the group's representative itself, so groups cannot drift through chains of small edits.
   */
  groupCopies(candidates: Int32Array): void {
    const near: Array<[number, number, number]> = [];
    const seen = new Set<number>();
    for (let c = 0; c < candidates.length; c += 2) {
      const x = this.table.textId[candidates[c]!]!;
      const y = this.table.textId[candidates[c + 1]!]!;
      if (x === y) continue;
      const [a, b] = x < y ? [x, y] : [y, x];
      const key = a * this.distinctTexts + b;
      if (seen.has(key)) continue;
      seen.add(key);
      const edits = nearVerbatimEdits(this.profileOfText(a), this.profileOfText(b));
      if (edits >= 0) near.push([edits, a, b]);
    }
    near.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
    const size = new Int32Array(this.distinctTexts).fill(1);
    for (const [, a, b] of near) {
      const ra = this.representative[a]!;
      const rb = this.representative[b]!;
      if (ra === rb) continue;
      // Only a lone text joins a group, and only a group whose representative it nearly repeats.
      const [lone, group] = size[rb] === 1 && rb === b ? [b, ra] : size[ra] === 1 && ra === a ? [a, rb] : [-1, -1];
      if (lone < 0 || nearVerbatimEdits(this.profileOfText(lone), this.profileOfText(group)) < 0) continue;
      this.representative[lone] = group;
      size[group]!++;
    }
  }

  decide(x: number, y: number): PairDecision {
    const [a, b, row] = this.entry(x, y);
    let d = row.get(b);
    if (d === undefined) {
      d = decidePair(this.profileOfText(a), this.profileOfText(b));
      row.set(b, d);
      this.scored++;
    }
    return d;
  }

  /** Replaces a pair's decision: later merge checks see the pair as linked (a link from context). */
  overrule(x: number, y: number, decision: PairDecision): void {
    const [, b, row] = this.entry(x, y);
    row.set(b, decision);
  }

  /** The texts a pair of sentences is decided between, and the cache row of the first. */
  private entry(x: number, y: number): [number, number, Map<number, PairDecision>] {
    const tx = this.table.textId[x]!;
    const ty = this.table.textId[y]!;
    const rx = this.representative[tx]!;
    const ry = this.representative[ty]!;
    // Two copies in one group are compared themselves (cheaply, they nearly repeat each other);
    // across groups, the representatives stand for their copies.
    const [a, b] = rx === ry ? (tx <= ty ? [tx, ty] : [ty, tx]) : rx < ry ? [rx, ry] : [ry, rx];
    let row = this.cache.get(a);
    if (row === undefined) {
      row = new Map();
      this.cache.set(a, row);
    }
    return [a, b, row];
  }
}

/** What the context rules read of a sentence beyond its profile: its tokens and whom it credits. */
interface Reading {
  tokens: Token[];
  credits: Attribution[];
  creditedNames: ReadonlySet<string>;
  /** Credits that name someone (not "officials" or "analysts"). */
  namedCredits: number;
  /** What the sentence counts from ("since the pandemic"), or null. */
  since: SincePhrase | null;
}

function readSentence(p: SentenceProfile): Reading {
  const tokens = tokenize(p.text);
  const credits = extractAttributions(p.text, tokens);
  return {
    tokens,
    credits,
    creditedNames: new Set(credits.flatMap((c) => c.names)),
    namedCredits: credits.filter((c) => c.names.length > 0).length,
    since: sincePhrase(p.text, tokens),
  };
}

/** The words after "since", up to a clause break: the moment a state of affairs counts from. */
interface SincePhrase extends TextRange {
  /** Stems of its words that can anchor it: not stop words, time words or "early"/"late". */
  anchors: ReadonlySet<string>;
}

const SINCE = /\bsince\b/i;
/** Words after "since" read as its phrase: "since before the Covid-19 pandemic". */
const SINCE_PHRASE_WORDS = 4;
/** Words that place a moment without saying which ("since early May" / "since early December"). */
const VAGUE_MOMENT_WORDS = new Set(["early", "late", "mid", "last", "year", "month", "decade", "century", "time"]);

function sincePhrase(text: string, tokens: readonly Token[]): SincePhrase | null {
  const at = tokens.findIndex((t) => t.norm === "since");
  if (at < 0) return null;
  const anchors = new Set<string>();
  let end = tokens[at]!.end;
  for (let j = at + 1; j < tokens.length && j <= at + SINCE_PHRASE_WORDS; j++) {
    const t = tokens[j]!;
    if (/[,;:.!?()—–]/.test(text.slice(tokens[j - 1]!.end, t.start))) break;
    end = t.end;
    if (!t.stop && !VAGUE_MOMENT_WORDS.has(t.norm) && !isTemporal(tokens, j)) anchors.add(t.stem);
  }
  return anchors.size > 0 ? { start: tokens[at]!.start, end, anchors } : null;
}

/**
 * Whether two sentences count from the same moment: their "since" phrases share an anchor ("since
 * the pandemic" / "since before the Covid-19 pandemic").
 */
function countFromOneMoment(ra: Reading, rb: Reading): boolean {
  if (ra.since === null || rb.since === null) return false;
  for (const anchor of rb.since.anchors) if (ra.since.anchors.has(anchor)) return true;
  return false;
}

/**
 * Whether every name word of the shorter sentence that the other lacks lies inside one of `spans`
 * (what it credits, the moment it counts from), and it has a matched name beside them.
 */
function namesLackedOnlyWithin(shorter: SentenceProfile, reading: Reading, used: Uint8Array, spans: readonly TextRange[]): boolean {
  // Content words are the tokens that are not stop words, in order.
  let i = 0;
  let matchedNames = 0;
  for (const t of reading.tokens) {
    if (t.stop) continue;
    if (caseAt(shorter, i) > 0 && !isTemporalAt(shorter, i)) {
      if (used[i] !== 0) matchedNames++;
      else if (!spans.some((s) => t.start >= s.start && t.end <= s.end)) return false;
    }
    i++;
  }
  return matchedNames > 0;
}

/**
 * Whether two sentences relay one speaker's words through different sources ("Kim said …, North
 * Korea's official news agency said" / "The South Korean news agency Yonhap quoted Kim as saying
 * …"): the shorter one credits at least two named sources (the relay and the speaker), both
 * credit a common name, and every name of the shorter one that the other lacks is in whom it
 * credits. Which relay is right is for the discrepancy check; the statement is one.
 */
function relaysOneSpeaker(a: SentenceProfile, ra: Reading, b: SentenceProfile, rb: Reading, m: ContentMatch): boolean {
  const aShorter = a.content.length <= b.content.length;
  const [shorter, reading] = aShorter ? [a, ra] : [b, rb];
  if (reading.namedCredits < 2) return false;
  if (![...ra.creditedNames].some((n) => rb.creditedNames.has(n))) return false;
  return namesLackedOnlyWithin(shorter, reading, aShorter ? m.usedA : m.usedB, reading.credits);
}

/**
 * Whether two sentences say how long the same people have (not) done something, counted from one
 * moment: "Kim is making his first foreign trip since the pandemic" / "Kim has not travelled
 * outside of North Korea since before the Covid-19 pandemic". "First since" and "not since" are
 * one fact, which no word match shows; the moment (countFromOneMoment) and the names do. Names of
 * the shorter sentence that the other lacks may only qualify the moment ("Covid-19").
 */
function countsFromOneMoment(a: SentenceProfile, ra: Reading, b: SentenceProfile, rb: Reading): boolean {
  if (!countFromOneMoment(ra, rb)) return false;
  const m = matchContent(a, b);
  const aShorter = a.content.length <= b.content.length;
  const [shorter, reading] = aShorter ? [a, ra] : [b, rb];
  return namesLackedOnlyWithin(shorter, reading, aShorter ? m.usedA : m.usedB, [reading.since!]);
}

/** Whether the sentence has a time word (a weekday, a month, "today", …). */
function namesATime(p: SentenceProfile): boolean {
  for (let i = 0; i < p.content.length; i++) if (isTemporalAt(p, i)) return true;
  return false;
}

/** Name words two reports of one happening share at least: who, and where ("Kim … Khasan"). */
const WHO_WHERE_MIN_SHARED_NAMES = 2;

/** Distinct name words (time words aside) of `a` that have a counterpart in the other sentence. */
function sharedNameWords(a: SentenceProfile, m: ContentMatch): number {
  const shared = new Set<string>();
  for (let i = 0; i < a.content.length; i++) if (m.usedA[i] === 1 && caseAt(a, i) > 0 && !isTemporalAt(a, i)) shared.add(a.content[i]!);
  return shared.size;
}

/**
 * Links that rest on the stories' context: in stories of one event, a sentence's closest
 * counterpart in another story is likely to state the same fact (monolingual comparable-corpus
 * alignment, Barzilay & Elhadad 2003). A pair the pair decision leaves apart is linked when each
 * sentence is the other's best match in the other's story, the shorter sentence names someone or
 * something and no one and nothing the other does not (sharesAllNames) — or, when both relay one
 * speaker's words, nothing else than the sources it credits (relaysOneSpeaker) — and either the
 * pair scores at least CONTEXT_MIN_SCORE or the two report one happening: the same day, and who and where
 * ("Kim's personal train stopped in Khasan … early Tuesday" / "Kim had arrived
 * early on September 12 at Khasan"), or the same people since the same moment
 * (countsFromOneMoment). Two stories' ledes are linked when they open on the same fact
 * (sharesLedeOpening). Such links rank below every link the pair decision makes (their strength is
 * their score), and the merge checks count them as links.
 */
function contextLinks(table: SentenceTable, candidates: Int32Array, decisions: readonly PairDecision[], scorer: PairScorer): Link[] {
  const stories = table.stories.length;
  // Per sentence and other story: the candidate pair there with the strongest decision (the first on a tie), by its index.
  const best = new Map<number, number>();
  const consider = (k: number, partner: number, pair: number) => {
    const key = k * stories + table.storyOf[partner]!;
    const current = best.get(key);
    if (current === undefined || strength(decisions[pair]!) > strength(decisions[current]!)) best.set(key, pair);
  };
  for (let c = 0; c < candidates.length; c += 2) {
    consider(candidates[c]!, candidates[c + 1]!, c / 2);
    consider(candidates[c + 1]!, candidates[c]!, c / 2);
  }
  // Sentences with the same text share a profile, and so a reading.
  const readings = new Map<SentenceProfile, Reading>();
  const reading = (p: SentenceProfile) => {
    let r = readings.get(p);
    if (r === undefined) readings.set(p, (r = readSentence(p)));
    return r;
  };
  // Stories given together report one event: a story without a date reads a date without a year
  // in the year of the first story that has a date.
  const referenceDate = table.stories.find((s) => s.date)?.date ?? null;
  const days = new Map<number, string | null>();
  const dayOf = (k: number) => {
    let day = days.get(k);
    if (day === undefined) days.set(k, (day = dayStated(reading(table.profiles[k]!).tokens, table.stories[table.storyOf[k]!]!.date ?? referenceDate)));
    return day;
  };
  const isBest = (k: number, partner: number, pair: number) => best.get(k * stories + table.storyOf[partner]!) === pair;
  const inContext = (k: number, j: number, pair: number, score: number): boolean => {
    if (!isBest(k, j, pair) || !isBest(j, k, pair)) return false;
    const a = table.profiles[k]!;
    const b = table.profiles[j]!;
    if (score >= CONTEXT_MIN_SCORE) {
      const m = matchContent(a, b);
      return sharesAllNames(a, b, m) || relaysOneSpeaker(a, reading(a), b, reading(b), m);
    }
    // A weaker pair must report one happening: the same people since the same moment, or on the
    // same day, who and where. Most sentences have neither "since" nor a time word, which is told
    // without reading them.
    if (SINCE.test(a.text) && SINCE.test(b.text) && countsFromOneMoment(a, reading(a), b, reading(b))) return true;
    if (!namesATime(a) || !namesATime(b)) return false;
    const day = dayOf(k);
    if (day === null || day !== dayOf(j)) return false;
    const m = matchContent(a, b);
    return sharesAllNames(a, b, m) && sharedNameWords(a, m) >= WHO_WHERE_MIN_SHARED_NAMES;
  };
  const out: Link[] = [];
  for (let c = 0; c < candidates.length; c += 2) {
    const k = candidates[c]!;
    const j = candidates[c + 1]!;
    const d = decisions[c / 2]!;
    if (d.same) continue;
    const ledes = table.sentenceOf[k] === 0 && table.sentenceOf[j] === 0 && sharesLedeOpening(table.profiles[k]!, table.profiles[j]!);
    if (!ledes && !inContext(k, j, c / 2, d.score)) continue;
    const decision: PairDecision = { score: d.score, same: true, reason: "context" };
    scorer.overrule(k, j, decision);
    out.push({ k, j, decision, strength: d.score });
  }
  return out;
}

export function alignStories(stories: readonly FactStory[], options: AlignOptions = {}): Alignment {
  const table = buildSentenceTable(stories);
  return alignTable(table, options);
}

export function alignTable(table: SentenceTable, options: AlignOptions = {}): Alignment {
  const n = table.profiles.length;
  const candidates = candidatePairs(table, options);
  const scorer = new PairScorer(table);
  scorer.groupCopies(candidates);
  const links: Link[] = [];
  const decisions: PairDecision[] = [];
  for (let c = 0; c < candidates.length; c += 2) {
    const k = candidates[c]!;
    const j = candidates[c + 1]!;
    const decision = scorer.decide(k, j);
    decisions.push(decision);
    if (decision.same) links.push({ k, j, decision, strength: strength(decision) });
  }
  links.push(...contextLinks(table, candidates, decisions, scorer));
  links.sort((x, y) => y.strength - x.strength || y.decision.score - x.decision.score || x.k - y.k || x.j - y.j);

  // Greedy constrained agglomeration. `root` is a union-find forest; each root holds its
  // members (ascending) and the set of stories they come from.
  const root = Int32Array.from({ length: n }, (_, k) => k);
  const find = (k: number): number => {
    while (root[k] !== k) {
      root[k] = root[root[k]!]!;
      k = root[k]!;
    }
    return k;
  };
  const members = new Map<number, number[]>();
  const storiesOf = new Map<number, Set<number>>();
  const usedLinks = new Map<number, Link[]>();
  const membersOf = (r: number) => members.get(r) ?? [r];
  const storySet = (r: number) => storiesOf.get(r) ?? new Set([table.storyOf[r]!]);

  for (const link of links) {
    const rk = find(link.k);
    const rj = find(link.j);
    if (rk === rj) continue;
    const sk = storySet(rk);
    const sj = storySet(rj);
    let overlap = false;
    for (const s of sk) if (sj.has(s)) overlap = true;
    if (overlap) continue;
    const mk = membersOf(rk);
    const mj = membersOf(rj);
    if (mk.length > 1 || mj.length > 1) {
      let total = 0;
      let count = 0;
      let linked = 0;
      for (const x of mk.slice(0, MERGE_SAMPLE)) {
        for (const y of mj.slice(0, MERGE_SAMPLE)) {
          const d = scorer.decide(x, y);
          total += strength(d);
          count++;
          if (d.same) linked++;
        }
      }
      if (linked < MERGE_MIN_LINKED_SHARE * count || total / count < MERGE_MIN_AVERAGE) continue;
    }
    // Merge the later root into the earlier one, so roots stay canonical.
    const [keep, drop] = rk < rj ? [rk, rj] : [rj, rk];
    root[drop] = keep;
    members.set(keep, [...mk, ...mj].sort((x, y) => x - y));
    storiesOf.set(keep, new Set([...sk, ...sj]));
    usedLinks.set(keep, [...(usedLinks.get(rk) ?? []), ...(usedLinks.get(rj) ?? []), link]);
    members.delete(drop);
    storiesOf.delete(drop);
    usedLinks.delete(drop);
  }

  const clusters: FactCluster[] = [];
  for (let k = 0; k < n; k++) {
    if (find(k) !== k) continue;
    const ks = membersOf(k);
    const position = new Map(ks.map((x, i) => [x, i]));
    const clusterLinks: FactLink[] = (usedLinks.get(k) ?? [])
      .map((l) => ({ a: position.get(l.k)!, b: position.get(l.j)!, score: round(l.decision.score), reason: l.decision.reason ?? "paraphrase" }))
      .sort((x, y) => x.a - y.a || x.b - y.b);
    clusters.push({ id: `f${clusters.length + 1}`, members: ks.map((x) => refOf(table, x)), links: clusterLinks, discrepancies: [] });
  }

  return {
    clusters,
    stats: {
      stories: table.stories.length,
      sentences: n,
      candidatePairs: candidates.length / 2,
      scoredPairs: scorer.scored,
      links: links.length,
    },
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
