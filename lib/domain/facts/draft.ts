/**
 * The consolidated draft: one story from several, in which every sentence carries its sources.
 *
 * - Each fact cluster becomes one sentence, worded as its most complete member says it.
 * - A fact whose every word another fact's wording already says (a short sentence that the
 *   longer wording contains) is not repeated: its sources join that fact.
 * - The lede is the best-corroborated fact that opens at least one story. The rest follow in the
 *   order the sources tend to tell them: facts several sources give ("anchors") by their median
 *   relative position; a fact only one source gives right after the anchor that precedes it in
 *   that source (so "He added ..." stays after what he said), or, before the source's first
 *   anchor, after the anchor whose position it shares. Anchors that most of their stories tell
 *   one right after the other are a passage and stay together ("… headed for the Vostochny
 *   spaceport" / "At the forum, Putin declined to say what he intended to do there").
 * - Facts that sources told in one paragraph stay together; paragraphs hold at most three.
 * - Only cluster sentences appear, and clusters come from the cleaned body, so boilerplate
 *   never reaches the draft.
 * - A member that states a different value than the fact's wording (a discrepancy side the
 *   wording is not on) disputes the fact: it is listed in `disputedBy`, never in `sources`, so
 *   no wire is cited for a figure it contradicts.
 * - Every body sentence ends up as a fact's source or in `leftOut` with its reason.
 */
import { DEFAULT_MAX_POSTING, type SentenceTable } from "./align";
import { distinctStemOverlap, matchContent } from "./features";
import { caseAt, profileSentence } from "./profile";
import type { Discrepancy, DiscrepancySide, DisputingSource, Draft, DraftFact, FactCluster, FactStory, LeftOutSentence, SentenceRef } from "./types";

/** A fact is "said" by another fact's wording when this share of its content words is covered. */
const ABSORB_MIN_COVERAGE = 0.85;
const ABSORB_MIN_CONTENT_WORDS = 5;
const MAX_PARAGRAPH_FACTS = 3;

interface WorkingFact {
  cluster: FactCluster;
  /** Table indices of the members. */
  members: number[];
  wording: number;
  sources: SentenceRef[];
  discrepancies: Discrepancy[];
  position: number;
  absorbedInto: WorkingFact | null;
}

function indexMembers(table: SentenceTable): Map<string, number> {
  const index = new Map<string, number>();
  for (let k = 0; k < table.profiles.length; k++) {
    index.set(`${table.stories[table.storyOf[k]!]!.id}\u0000${table.sentenceOf[k]}`, k);
  }
  return index;
}

/**
 * The member whose words the other members back most: the most distinct content words that some
 * other member also says, then the most distinct content words (the most complete), then
 * canonical order. A lede that adds a second fact of its own ("…, while U.S. officials have
 * warned …") does not speak for the reports that share only its first half, and a sentence that
 * contains another's whole fact and more still wins over the shorter one.
 */
function bestSupportedWording(table: SentenceTable, members: readonly number[]): number {
  let wording = members[0]!;
  let bestSupported = -1;
  let bestSize = -1;
  const stems = members.map((k) => new Set(table.profiles[k]!.content));
  members.forEach((k, i) => {
    let supported = 0;
    for (const stem of stems[i]!) if (stems.some((other, o) => o !== i && other.has(stem))) supported++;
    const size = stems[i]!.size;
    if (supported > bestSupported || (supported === bestSupported && size > bestSize)) {
      bestSupported = supported;
      bestSize = size;
      wording = k;
    }
  });
  return wording;
}

export function buildDraft(table: SentenceTable, clusters: readonly FactCluster[]): Draft {
  const byRef = indexMembers(table);
  const storySize = table.stories.map((s) => s.sentences.length);
  const facts: WorkingFact[] = clusters.map((cluster) => {
    const members = cluster.members.map((m) => byRef.get(`${m.storyId}\u0000${m.sentence}`)!);
    const wording = bestSupportedWording(table, members);
    // Median relative position: one source that tells the fact late doesn't drag it down.
    const positions = members.map((k) => (table.sentenceOf[k]! + 0.5) / storySize[table.storyOf[k]!]!).sort((x, y) => x - y);
    const mid = positions.length >> 1;
    const position = positions.length % 2 === 1 ? positions[mid]! : (positions[mid - 1]! + positions[mid]!) / 2;
    return { cluster, members, wording, sources: [...cluster.members], discrepancies: [...cluster.discrepancies], position, absorbedInto: null };
  });

  absorbContainedFacts(table, facts);
  const kept = facts.filter((f) => f.absorbedInto === null);
  const lede = chooseLede(kept);
  const ordered = tellingOrder(table, kept, lede);
  const rest = ordered.filter((f) => f !== lede);
  const toDraftFact = (f: WorkingFact): DraftFact => {
    const disputedBy = disputesOf(table, f);
    const disputing = new Set(disputedBy.map((d) => `${d.storyId}\u0000${d.sentence}`));
    const sources = f.sources
      .filter((s) => !disputing.has(`${s.storyId}\u0000${s.sentence}`))
      .sort((a, b) => storyRank(table, a.storyId) - storyRank(table, b.storyId) || a.start - b.start);
    return {
      clusterId: f.cluster.id,
      text: table.profiles[f.wording]!.text.replace(/\s+/g, " ").trim(),
      sources,
      disputedBy,
      wordingFrom: { ...refOfIndex(table, f.wording) },
      singleSource: new Set(sources.map((s) => s.storyId)).size === 1,
      discrepancies: f.discrepancies,
    };
  };

  const paragraphs: DraftFact[][] = [];
  if (lede) paragraphs.push([toDraftFact(lede)]);
  let current: WorkingFact[] = [];
  for (const fact of rest) {
    const previous = current[current.length - 1];
    if (previous && (current.length >= MAX_PARAGRAPH_FACTS || !sharesSourceParagraph(table, previous, fact))) {
      paragraphs.push(current.map(toDraftFact));
      current = [];
    }
    current.push(fact);
  }
  if (current.length > 0) paragraphs.push(current.map(toDraftFact));

  const ledeFact = paragraphs[0]?.[0] ?? null;
  return {
    headline: chooseHeadline(table, lede, kept),
    lede: lede ? ledeFact : null,
    paragraphs,
    // Credited from the facts' sources: a wire that only disputes facts is not what the story is compiled from.
    creditLine: creditLine(table, paragraphs.flat()),
    leftOut: leftOutSentences(table, paragraphs),
  };
}

const refKey = (r: Pick<SentenceRef, "storyId" | "sentence">) => `${r.storyId}\u0000${r.sentence}`;

/** Whether `text` has `words` as whole words, ignoring case and spacing. */
function hasWords(text: string, words: string): boolean {
  const norm = (x: string) => ` ${x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
  const needle = norm(words);
  return needle.trim() !== "" && norm(text).includes(needle);
}

/**
 * The sources that state another value than the fact's wording. The wording's side of a
 * discrepancy is the one it is a mention of; for a discrepancy brought in by an absorbed fact
 * (the wording is no member there), the side whose words the wording has. A discrepancy the
 * wording takes no side in disputes nothing the fact says.
 */
function disputesOf(table: SentenceTable, f: WorkingFact): DisputingSource[] {
  const wording = refOfIndex(table, f.wording);
  const text = table.profiles[f.wording]!.text;
  const mentionedBy = (side: DiscrepancySide) => side.mentions.some((m) => refKey(m) === refKey(wording));
  const out: DisputingSource[] = [];
  const seen = new Set<string>();
  for (const d of f.discrepancies) {
    let ours = mentionedBy(d.sides[0]) ? 0 : mentionedBy(d.sides[1]) ? 1 : -1;
    if (ours < 0) {
      const has = d.sides.map((side) => side.mentions.some((m) => hasWords(text, m.text)));
      ours = has[0] && !has[1] ? 0 : has[1] && !has[0] ? 1 : -1;
    }
    if (ours < 0) continue;
    const own = d.sides[ours]!;
    const factValue = (own.mentions.find((m) => refKey(m) === refKey(wording)) ?? own.mentions[0])?.text ?? own.value;
    for (const m of d.sides[1 - ours]!.mentions) {
      if (refKey(m) === refKey(wording)) continue;
      const key = `${refKey(m)}\u0000${d.kind}\u0000${m.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ storyId: m.storyId, sentence: m.sentence, start: m.start, end: m.end, kind: d.kind, value: m.text, factValue });
    }
  }
  return out.sort((a, b) => storyRank(table, a.storyId) - storyRank(table, b.storyId) || a.start - b.start);
}

/**
 * The body sentences the draft neither words nor cites. Clustering gives every sentence a fact
 * and absorbed facts hand their sources on, so what remains is a sentence that only disputes a
 * fact; anything else would be a bug, and is still listed rather than silently lost.
 */
function leftOutSentences(table: SentenceTable, paragraphs: readonly DraftFact[][]): LeftOutSentence[] {
  const cited = new Set<string>();
  const disputes = new Map<string, { fact: DraftFact; dispute: DisputingSource }[]>();
  for (const fact of paragraphs.flat()) {
    cited.add(refKey(fact.wordingFrom));
    for (const s of fact.sources) cited.add(refKey(s));
    for (const d of fact.disputedBy) {
      const list = disputes.get(refKey(d)) ?? [];
      list.push({ fact, dispute: d });
      disputes.set(refKey(d), list);
    }
  }
  const out: LeftOutSentence[] = [];
  for (const story of table.stories) {
    story.sentences.forEach((sentence, i) => {
      const ref = { storyId: story.id, sentence: i, start: sentence.start, end: sentence.end };
      if (cited.has(refKey(ref))) return;
      const found = disputes.get(refKey(ref));
      if (found && found.length > 0) {
        const values = found.map(({ dispute }) => `"${dispute.value}" where the fact says "${dispute.factValue}"`);
        out.push({ ...ref, reason: `disputes a fact: states ${[...new Set(values)].join(", ")}`, clusterId: found[0]!.fact.clusterId });
      } else {
        out.push({ ...ref, reason: "in no fact", clusterId: null });
      }
    });
  }
  return out;
}

function compareClusterIds(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1)) || (a < b ? -1 : a > b ? 1 : 0);
}

const storyRanks = new WeakMap<SentenceTable, Map<string, number>>();

function storyRank(table: SentenceTable, storyId: string): number {
  let ranks = storyRanks.get(table);
  if (!ranks) {
    ranks = new Map(table.stories.map((s, i) => [s.id, i]));
    storyRanks.set(table, ranks);
  }
  return ranks.get(storyId) ?? -1;
}

function refOfIndex(table: SentenceTable, k: number): SentenceRef {
  const story = table.stories[table.storyOf[k]!]!;
  const sentence = story.sentences[table.sentenceOf[k]!]!;
  return { storyId: story.id, sentence: table.sentenceOf[k]!, start: sentence.start, end: sentence.end };
}

/**
 * A fact whose wording another (longer) fact's wording already covers is not repeated; its
 * sources support that fact instead. Checked from the smallest facts up, against longer ones only.
 */
function absorbContainedFacts(table: SentenceTable, facts: WorkingFact[]): void {
  const contentSize = (f: WorkingFact) => table.profiles[f.wording]!.content.length;
  const order = [...facts].sort((x, y) => contentSize(x) - contentSize(y) || compareClusterIds(x.cluster.id, y.cluster.id));
  const rankInOrder = new Map(order.map((f, i) => [f, i]));
  // Which facts' wordings contain each stem: a covering wording must contain most of the small
  // fact's stems, so looking up a few of its rarest stems finds every candidate.
  const withStem = new Map<string, WorkingFact[]>();
  for (const f of order) {
    for (const stem of new Set(table.profiles[f.wording]!.content)) {
      const list = withStem.get(stem);
      if (list) list.push(f);
      else withStem.set(stem, [f]);
    }
  }
  for (const small of order) {
    const p = table.profiles[small.wording]!;
    if (p.content.length < ABSORB_MIN_CONTENT_WORDS) continue;
    const distinct = [...new Set(p.content)];
    const postingSize = new Map(distinct.map((stem) => [stem, withStem.get(stem)?.length ?? 0]));
    const stems = distinct.sort((x, y) => postingSize.get(x)! - postingSize.get(y)! || (x < y ? -1 : 1));
    const mayMiss = Math.floor((1 - ABSORB_MIN_COVERAGE) * p.content.length);
    const candidates = new Set<WorkingFact>();
    // As for candidate pairs, a stem too many facts say proposes none: without that, a story made of a
    // few words repeated (hostile or broken input) makes every fact a candidate for every other.
    for (const stem of stems.slice(0, mayMiss + 1)) {
      if (postingSize.get(stem)! > DEFAULT_MAX_POSTING) continue;
      for (const f of withStem.get(stem) ?? []) candidates.add(f);
    }
    // Exact shared stems bound the match from below; allow four more for spelling variants and acronyms.
    const needShared = distinct.length - mayMiss - 4;
    const plausible: WorkingFact[] = [];
    for (const large of candidates) {
      if (large === small || large.absorbedInto !== null || contentSize(large) <= p.content.length) continue;
      if (distinctStemOverlap(p, table.profiles[large.wording]!) >= needShared) plausible.push(large);
    }
    // Largest first: the most complete wording takes the small fact.
    plausible.sort((x, y) => rankInOrder.get(y)! - rankInOrder.get(x)!);
    for (const large of plausible) {
      const m = matchContent(p, table.profiles[large.wording]!);
      if (m.matchedA / p.content.length < ABSORB_MIN_COVERAGE) continue;
      // A name or figure the longer wording doesn't have means it says something else.
      if (p.content.some((stem, i) => m.usedA[i] === 0 && (caseAt(p, i) > 0 || /^\d/.test(stem)))) continue;
      small.absorbedInto = large;
      large.sources.push(...small.sources);
      large.discrepancies.push(...small.discrepancies);
      break;
    }
  }
}

/** The fact that opens the most stories; ties go to the better corroborated, then to the earlier. */
function chooseLede(facts: WorkingFact[]): WorkingFact | null {
  let best: WorkingFact | null = null;
  let bestKey: [number, number, number] = [0, 0, 0];
  for (const f of facts) {
    const openings = new Set(f.sources.filter((s) => s.sentence === 0).map((s) => s.storyId)).size;
    const stories = new Set(f.sources.map((s) => s.storyId)).size;
    const key: [number, number, number] = [openings, stories, -f.position];
    if (best === null || key[0] > bestKey[0] || (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] > bestKey[2])))) {
      best = f;
      bestKey = key;
    }
  }
  return best;
}

function storiesOf(f: WorkingFact): number {
  return new Set(f.sources.map((s) => s.storyId)).size;
}

/**
 * See the module comment: anchors by median position, single-source facts after their anchor, and
 * passages kept whole: anchors that the sources tell one right after the other stay together.
 */
function tellingOrder(table: SentenceTable, facts: WorkingFact[], lede: WorkingFact | null): WorkingFact[] {
  const byPosition = (x: WorkingFact, y: WorkingFact) => x.position - y.position || compareClusterIds(x.cluster.id, y.cluster.id);
  const sorted = facts.filter((f) => f === lede || storiesOf(f) > 1).sort(byPosition);
  if (lede) {
    sorted.splice(sorted.indexOf(lede), 1);
    sorted.unshift(lede);
  }
  const next = passageFollowers(sorted, lede);
  const hasPredecessor = new Set(next.values());
  // Each passage goes where its first anchor goes.
  const anchors: WorkingFact[] = [];
  for (const head of sorted) {
    if (hasPredecessor.has(head)) continue;
    for (let f: WorkingFact | undefined = head; f; f = next.get(f)) anchors.push(f);
  }
  const anchorRank = new Map(anchors.map((f, i) => [f, i]));
  // A single-source fact told after a passage's anchor goes after the whole passage: the sources
  // that tell the passage tell nothing between its anchors.
  const passageEnd = (f: WorkingFact): number => {
    let end = f;
    for (let g = next.get(end); g; g = next.get(end)) end = g;
    return anchorRank.get(end)!;
  };
  // Before a story's first anchor, a fact goes after the last anchor told earlier (by position)
  // than it; anchors after the lede are sorted by position, so that is a binary search.
  const lastAnchorBefore = (position: number): number => {
    let lo = 1;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.position <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1 >= 0 && sorted.length > 0 ? passageEnd(sorted[lo - 1]!) : -1;
  };
  // For each story, the anchor most recently seen while reading it.
  const factOf = new Map<string, WorkingFact>();
  for (const f of facts) for (const s of f.sources) factOf.set(`${s.storyId}\u0000${s.sentence}`, f);
  const groupOf = new Map<WorkingFact, number>();
  for (const story of table.stories) {
    let last = -1;
    story.sentences.forEach((_, i) => {
      const f = factOf.get(`${story.id}\u0000${i}`);
      if (!f) return;
      if (anchorRank.has(f)) {
        last = passageEnd(f);
        return;
      }
      if (groupOf.has(f)) return;
      if (last >= 0) groupOf.set(f, last);
      else groupOf.set(f, lastAnchorBefore(f.position));
    });
  }
  const singles = facts.filter((f) => !anchorRank.has(f));
  const key = (f: WorkingFact): [number, number, number, number] => {
    const rank = anchorRank.get(f);
    if (rank !== undefined) return [rank, 0, 0, 0];
    const first = f.sources[0]!;
    return [groupOf.get(f) ?? anchors.length, 1, storyRank(table, first.storyId), first.sentence];
  };
  return [...anchors, ...singles].sort((x, y) => {
    const a = key(x);
    const b = key(y);
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
  });
}

/**
 * Which anchor follows which within a passage: g follows f when most of the stories that tell
 * either tell both, each g's sentence right after f's ("Some Russian news media speculate
 * he is headed for the Vostochny spaceport …" / "At the forum, Putin declined to say what he
 * intended to do there." / "The launch facility is about 900 kilometers …"). Read apart, "there"
 * and "the launch facility" lose what they refer to. An anchor follows at most one other and is
 * followed by at most one, the pair most stories tell that way first; the lede follows none.
 */
function passageFollowers(anchors: readonly WorkingFact[], lede: WorkingFact | null): Map<WorkingFact, WorkingFact> {
  // Per anchor and story: the sentences of that story the anchor's sources are.
  const sentencesIn = new Map<WorkingFact, Map<string, number[]>>();
  const anchorAt = new Map<string, WorkingFact>();
  for (const f of anchors) {
    const byStory = new Map<string, number[]>();
    for (const s of f.sources) {
      const list = byStory.get(s.storyId) ?? [];
      list.push(s.sentence);
      byStory.set(s.storyId, list);
      anchorAt.set(`${s.storyId}\u0000${s.sentence}`, f);
    }
    sentencesIn.set(f, byStory);
  }
  const rank = new Map(anchors.map((f, i) => [f, i]));
  const adjacent = new Map<WorkingFact, Map<WorkingFact, number>>();
  for (const f of anchors) {
    for (const [storyId, sentences] of sentencesIn.get(f)!) {
      for (const i of sentences) {
        const g = anchorAt.get(`${storyId}\u0000${i + 1}`);
        if (!g || g === f || g === lede) continue;
        const counts = adjacent.get(f) ?? new Map<WorkingFact, number>();
        counts.set(g, (counts.get(g) ?? 0) + 1);
        adjacent.set(f, counts);
      }
    }
  }
  // Most of each fact's stories tell both, and every story that tells both tells g right after f.
  // A pair that one story tells together and another apart, or that few of their stories tell
  // together, is no passage: gluing it would drag one fact to the other.
  const toldTogether = (f: WorkingFact, g: WorkingFact): boolean => {
    const ofF = sentencesIn.get(f)!;
    const ofG = sentencesIn.get(g)!;
    let both = 0;
    for (const [storyId, sentences] of ofF) {
      const later = ofG.get(storyId);
      if (!later) continue;
      if (Math.min(...later) !== Math.max(...sentences) + 1) return false;
      both++;
    }
    return both * 2 > ofF.size && both * 2 > ofG.size;
  };
  const pairs: Array<[WorkingFact, WorkingFact, number]> = [];
  for (const [f, counts] of adjacent) for (const [g, stories] of counts) if (toldTogether(f, g)) pairs.push([f, g, stories]);
  pairs.sort((a, b) => b[2] - a[2] || rank.get(a[0])! - rank.get(b[0])! || rank.get(a[1])! - rank.get(b[1])!);
  const next = new Map<WorkingFact, WorkingFact>();
  const previous = new Map<WorkingFact, WorkingFact>();
  for (const [f, g] of pairs) {
    if (next.has(f) || previous.has(g)) continue;
    // No loop: g's passage must not lead back to f.
    let end = g;
    while (next.has(end) && end !== f) end = next.get(end)!;
    if (end === f) continue;
    next.set(f, g);
    previous.set(g, f);
  }
  return next;
}

function sharesSourceParagraph(table: SentenceTable, a: WorkingFact, b: WorkingFact): boolean {
  const paragraphOf = (s: SentenceRef) => `${s.storyId}\u0000${table.stories[storyRank(table, s.storyId)]!.sentences[s.sentence]!.paragraph}`;
  const seen = new Set(a.sources.map(paragraphOf));
  return b.sources.some((s) => seen.has(paragraphOf(s)));
}

/**
 * A source headline when one fits: the one whose words the lede and the best-corroborated
 * facts say most of. Without headlines, the lede's main clause.
 */
function chooseHeadline(table: SentenceTable, lede: WorkingFact | null, facts: WorkingFact[]): string {
  const headlines = table.stories.map((s) => s.headline).filter((h): h is string => h !== null && h.trim() !== "");
  const storyCount = new Map(facts.map((f) => [f, storiesOf(f)]));
  const top = [...facts].sort((x, y) => storyCount.get(y)! - storyCount.get(x)!).slice(0, 5);
  if (lede && !top.includes(lede)) top.unshift(lede);
  let best: string | null = null;
  let bestScore = 0;
  for (const headline of headlines) {
    const p = profileSentence(headline);
    if (p.content.length === 0) continue;
    let score = 0;
    for (const f of top) {
      const m = matchContent(p, table.profiles[f.wording]!);
      score += (m.matchedA / p.content.length) * (f === lede ? 2 : 1);
    }
    if (score > bestScore) {
      best = headline.trim();
      bestScore = score;
    }
  }
  if (best) return best;
  if (!lede) return "";
  const text = table.profiles[lede.wording]!.text.trim();
  const clause = text.split(/[,;:—]\s/)[0] ?? text;
  return clause.replace(/[.!?]+$/, "");
}

function creditLine(table: SentenceTable, facts: readonly DraftFact[]): string {
  const contributions = new Map<string, number>();
  for (const f of facts) for (const s of f.sources) contributions.set(s.storyId, (contributions.get(s.storyId) ?? 0) + 1);
  const agencies = new Map<string, number>();
  let unattributed = 0;
  for (const story of table.stories as FactStory[]) {
    const n = contributions.get(story.id) ?? 0;
    if (n === 0) continue;
    if (story.agency) agencies.set(story.agency, (agencies.get(story.agency) ?? 0) + n);
    else unattributed++;
  }
  const names = [...agencies.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
  if (names.length === 0) {
    const stories = [...contributions.keys()].length;
    return stories <= 1 ? "From one report" : `Compiled from ${stories} reports`;
  }
  if (unattributed > 0) names.push("other");
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `Compiled from ${list} reports`;
}
