/**
 * Incremental event clustering: each wire, as it arrives, joins the event it reports or starts a
 * new one. Single pass, so an assignment never waits for later wires; it changes when an editor
 * corrects it (see `moveWire` in clusterer.ts), or when the event turns out to hold two events
 * and is split (split.ts).
 *
 * A wire is compared with the events that share at least one of its distinctive terms (an
 * inverted index, so the cost follows the few events that could match, not all events): cosine
 * of TF-IDF vectors, the wire against the event's centroid, with document frequencies counted
 * over the wires seen so far. An event that has gone quiet fades: after `graceHours` without a
 * new wire its similarity decays, and after `quietDays` it takes no more wires, so a later
 * event of the same kind (the next earthquake in the same place) starts afresh.
 */
import { NAME_PREFIX, type EventWireInput, type ProfileWeights } from "./profile";

export interface ClusterParams extends ProfileWeights {
  /** Share of the similarity that comes from names (the rest from ordinary words), when both sides name anyone. */
  nameMix: number;
  /** Decayed cosine at or above which a wire joins an event. */
  threshold: number;
  /** An event keeps its full pull this long after its latest wire. */
  graceHours: number;
  /** After the grace period, similarity halves every this many hours. */
  halfLifeHours: number;
  /** An event quiet for longer takes no new wires. */
  quietDays: number;
  /** Terms in more than this share of wires (once there are 50) are too common to find candidates by. */
  maxCandidateTermShare: number;
  /**
   * Candidates are found by the wire's this many most distinctive terms (highest weight): what
   * keeps the postings an assignment reads bounded as the desk grows.
   */
  maxLookupTerms: number;
  /**
   * Only this many candidate events, the ones sharing the most weight of the wire's terms, are
   * compared in full: what keeps an assignment's cost bounded however many events share a word.
   */
  maxCandidates: number;
  /** Of those, only the ones sharing at least this share of the best candidate's weight. */
  minSharedShare: number;
  /** An event whose wires fall into two groups less alike than this is split in two (split.ts). */
  splitThreshold: number;
  /** Each part of a split holds at least this many wires. */
  splitMinWires: number;
}

/**
 * Chosen on ECB+ topics 1–22 (scripts/fit-event-clustering.ts); topics 23–45 are reported apart
 * so the figure is not fitted to the data it is measured on.
 */
export const DEFAULT_CLUSTER_PARAMS: ClusterParams = {
  headline: 1,
  lead: 2,
  body: 1,
  name: 2,
  nameMix: 0.7,
  leadSentences: 2,
  threshold: 0.2,
  graceHours: 48,
  halfLifeHours: 48,
  quietDays: 14,
  maxCandidateTermShare: 0.1,
  maxLookupTerms: 20,
  maxCandidates: 5,
  minSharedShare: 0.25,
  splitThreshold: 0.4,
  splitMinWires: 2,
};

export interface ClusterWire extends EventWireInput {
  id: string;
  /** The wire item this is a version of (its guid); versions of one item stay in one event. */
  itemId?: string | null;
  /** Arrival time, ms since the epoch. */
  arrivedAt: number;
}

export interface Assignment {
  wireId: string;
  eventId: string;
  /** True when the wire started the event. */
  created: boolean;
  /** Decayed similarity to the event it joined; 0 when it started one. */
  similarity: number;
  /** When joining showed that the event held two, the wires split off into a new event (the wire may be one of them). */
  split?: EventSplit;
}

export interface EventSplit {
  fromEventId: string;
  newEventId: string;
  wireIds: string[];
}

export interface EventSummary {
  id: string;
  wireIds: string[];
  /** The wire whose headline best stands for the event. */
  representativeWireId: string;
  firstArrival: number;
  lastArrival: number;
}

/**
 * What the clusterer knows of the wires seen so far: how many, and in how many each term occurs.
 * The inbox keeps these counts in the database; the command line and the evaluation in memory.
 */
export interface TermStats {
  wires: number;
  documentFrequency(term: string): number;
}

/** An event as assignment sees it: its centroid (term sums before IDF) and when it last grew. */
export interface EventProfile {
  id: string;
  termSums: ReadonlyMap<string, number>;
  lastArrival: number;
}

export interface EventChoice {
  eventId: string;
  /** Decayed cosine of the wire and the event. */
  similarity: number;
}

export interface Weighted {
  vector: Map<string, number>;
  wordNorm: number;
  nameNorm: number;
}

const HOUR_MS = 3_600_000;
const MIN_WIRES_FOR_COMMON_TERMS = 50;

export function inverseDocumentFrequency(stats: TermStats, term: string): number {
  return Math.log((stats.wires + 1) / (stats.documentFrequency(term) + 1)) + 1;
}

/**
 * The terms a wire's candidate events are found by, each with its weight in the wire (term
 * count × IDF): all but those too common to tell events apart. Candidates are ranked by the
 * weight they share with the wire (`rankCandidates`); stats include the wire itself.
 */
export function lookupTerms(terms: ReadonlyMap<string, number>, stats: TermStats, params: ClusterParams): Map<string, number> {
  const maxDf = stats.wires >= MIN_WIRES_FOR_COMMON_TERMS ? params.maxCandidateTermShare * stats.wires : Infinity;
  const lookup: Array<[string, number]> = [];
  for (const [term, tf] of terms) {
    const df = stats.documentFrequency(term);
    if (df <= maxDf) lookup.push([term, tf * inverseDocumentFrequency(stats, term)]);
  }
  if (lookup.length > params.maxLookupTerms) lookup.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).length = params.maxLookupTerms;
  return new Map(lookup);
}

/** The moment before which an event's latest wire makes it too quiet to take new ones. */
export function quietBefore(now: number, params: ClusterParams): number {
  return now - params.quietDays * 24 * HOUR_MS;
}

/**
 * The candidates worth comparing in full: the `maxCandidates` sharing the most lookup weight
 * with the wire, ties to the event made first (`seq`), so the same wires in the same order
 * always give the same events.
 */
export function rankCandidates<T extends { shared: number; seq: number }>(candidates: readonly T[], params: ClusterParams): T[] {
  const ranked = [...candidates].sort((a, b) => b.shared - a.shared || a.seq - b.seq).slice(0, params.maxCandidates);
  const floor = (ranked[0]?.shared ?? 0) * params.minSharedShare;
  return ranked.filter((c) => c.shared >= floor);
}

/**
 * What a cosine of a wire and an event is made of: dot products and norms of the IDF-weighted
 * vectors, ordinary words and names apart. The database sums these in SQL over an event's
 * profile rows; the in-memory clusterer over its maps.
 */
export interface CosineParts {
  wordDot: number;
  nameDot: number;
  wire: { wordNorm: number; nameNorm: number };
  event: { wordNorm: number; nameNorm: number };
}

/** Cosine of ordinary words and of names, mixed; words alone when either side names no one. */
export function mixedCosine(parts: CosineParts, params: Pick<ClusterParams, "nameMix">): number {
  const { wire, event } = parts;
  if (wire.wordNorm === 0 || event.wordNorm === 0) return 0;
  const words = parts.wordDot / (wire.wordNorm * event.wordNorm);
  if (wire.nameNorm === 0 || event.nameNorm === 0) return words;
  return (1 - params.nameMix) * words + params.nameMix * (parts.nameDot / (wire.nameNorm * event.nameNorm));
}

/** A wire's similarity to an event: the cosine, faded once the event has been quiet past the grace period. */
export function eventSimilarity(parts: CosineParts, lastArrival: number, now: number, params: ClusterParams): number {
  return mixedCosine(parts, params) * decay(now - lastArrival, params);
}

/**
 * The event a wire joins, from its candidates' similarities in ranked order: the highest (the
 * first of equals), if it reaches the threshold; null when the wire starts an event of its own.
 */
export function pickEvent(scored: readonly EventChoice[], params: ClusterParams): EventChoice | null {
  let best: EventChoice | null = null;
  for (const choice of scored) if (!best || choice.similarity > best.similarity) best = choice;
  return best && best.similarity >= params.threshold ? best : null;
}

/** `pickEvent` over candidates whose profiles are in memory. */
export function chooseEvent(
  terms: ReadonlyMap<string, number>,
  candidates: readonly EventProfile[],
  stats: TermStats,
  now: number,
  params: ClusterParams,
): EventChoice | null {
  const wire = weighTerms(terms, stats);
  if (wire.wordNorm === 0) return null;
  const open = candidates.filter((event) => event.lastArrival >= quietBefore(now, params));
  return pickEvent(
    open.map((event) => ({ eventId: event.id, similarity: eventSimilarity(cosineParts(wire, weighTerms(event.termSums, stats)), event.lastArrival, now, params) })),
    params,
  );
}

/** The member closest to its event's centroid: its headline stands for the event. */
export function representativeWire(
  members: ReadonlyArray<{ id: string; terms: ReadonlyMap<string, number> }>,
  termSums: ReadonlyMap<string, number>,
  stats: TermStats,
  params: ClusterParams,
): string | null {
  const centroid = weighTerms(termSums, stats);
  let best: string | null = null;
  let bestSimilarity = -1;
  for (const member of members) {
    const similarity = mixedCosine(cosineParts(weighTerms(member.terms, stats), centroid), params);
    if (similarity > bestSimilarity + 1e-12) {
      best = member.id;
      bestSimilarity = similarity;
    }
  }
  return best;
}

/** A term map weighted by IDF, with the norms of its ordinary words and of its names. */
export function weighTerms(terms: ReadonlyMap<string, number>, stats: TermStats): Weighted {
  const vector = new Map<string, number>();
  let wordNorm = 0;
  let nameNorm = 0;
  for (const [term, tf] of terms) {
    const w = tf * inverseDocumentFrequency(stats, term);
    vector.set(term, w);
    if (term.startsWith(NAME_PREFIX)) nameNorm += w * w;
    else wordNorm += w * w;
  }
  return { vector, wordNorm: Math.sqrt(wordNorm), nameNorm: Math.sqrt(nameNorm) };
}

export function cosineParts(x: Weighted, y: Weighted): CosineParts {
  const [small, large] = x.vector.size <= y.vector.size ? [x, y] : [y, x];
  let wordDot = 0;
  let nameDot = 0;
  for (const [term, w] of small.vector) {
    const v = large.vector.get(term);
    if (v === undefined) continue;
    if (term.startsWith(NAME_PREFIX)) nameDot += w * v;
    else wordDot += w * v;
  }
  return { wordDot, nameDot, wire: { wordNorm: x.wordNorm, nameNorm: x.nameNorm }, event: { wordNorm: y.wordNorm, nameNorm: y.nameNorm } };
}

function decay(sinceLastMs: number, params: ClusterParams): number {
  const over = sinceLastMs / HOUR_MS - params.graceHours;
  return over <= 0 ? 1 : Math.pow(0.5, over / params.halfLifeHours);
}

/** Adds (sign 1) or takes away (sign -1) a wire's terms from an event's term sums; returns the terms the event no longer has. */
export function addTerms(termSums: Map<string, number>, terms: ReadonlyMap<string, number>, sign: 1 | -1): string[] {
  const gone: string[] = [];
  for (const [term, tf] of terms) {
    const sum = (termSums.get(term) ?? 0) + sign * tf;
    if (sum > 1e-9) termSums.set(term, sum);
    else {
      termSums.delete(term);
      gone.push(term);
    }
  }
  return gone;
}
