/**
 * Incremental event clustering: each wire, as it arrives, joins the event it reports or starts a
 * new one. Single pass, so an assignment never waits for later wires and never changes once
 * made (editors change it, see `moveWire`).
 *
 * A wire is compared with the events that share at least one of its distinctive terms (an
 * inverted index, so the cost follows the few events that could match, not all events): cosine
 * of TF-IDF vectors, the wire against the event's centroid, with document frequencies counted
 * over the wires seen so far. An event that has gone quiet fades: after `graceHours` without a
 * new wire its similarity decays, and after `quietDays` it takes no more wires, so a later
 * event of the same kind (the next earthquake in the same place) starts afresh.
 */
import { eventTerms, NAME_PREFIX, type EventWireInput, type ProfileWeights } from "./profile";

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
}

/**
 * Chosen on ECB+ topics 1–22 (scripts/fit-event-clustering.ts); topics 23–45 are reported apart
 * so the figure is not fitted to the data it is measured on.
 */
export const DEFAULT_CLUSTER_PARAMS: ClusterParams = {
  headline: 1,
  lead: 1.5,
  body: 1,
  name: 1,
  nameMix: 0.3,
  leadSentences: 2,
  threshold: 0.25,
  graceHours: 48,
  halfLifeHours: 48,
  quietDays: 14,
  maxCandidateTermShare: 0.1,
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
}

export interface EventSummary {
  id: string;
  wireIds: string[];
  /** The wire whose headline best stands for the event. */
  representativeWireId: string;
  firstArrival: number;
  lastArrival: number;
}

interface EventState {
  id: string;
  wireIds: string[];
  /** Sum of the members' term counts (before IDF): the centroid, up to a factor. */
  termSums: Map<string, number>;
  firstArrival: number;
  lastArrival: number;
}

interface Weighted {
  vector: Map<string, number>;
  wordNorm: number;
  nameNorm: number;
}

const HOUR_MS = 3_600_000;
const MIN_WIRES_FOR_COMMON_TERMS = 50;

export class EventClusterer {
  private readonly documentFrequency = new Map<string, number>();
  private wires = 0;
  private readonly events = new Map<string, EventState>();
  private readonly eventsByTerm = new Map<string, Set<string>>();
  private readonly eventOfWire = new Map<string, string>();
  private readonly termsOfWire = new Map<string, Map<string, number>>();
  private readonly arrivalOfWire = new Map<string, number>();
  private readonly eventOfItem = new Map<string, string>();
  private readonly itemOfWire = new Map<string, string>();
  private nextId = 1;

  constructor(private readonly params: ClusterParams = DEFAULT_CLUSTER_PARAMS) {}

  /** Assigns a wire to an event and records it. A wire id seen before keeps its event. */
  add(wire: ClusterWire): Assignment {
    const known = this.eventOfWire.get(wire.id);
    if (known) return { wireId: wire.id, eventId: known, created: false, similarity: 1 };
    const terms = eventTerms(wire, this.params);
    this.countDocument(terms);
    const itemEvent = wire.itemId ? this.events.get(this.eventOfItem.get(wire.itemId) ?? "") : undefined;
    if (itemEvent) {
      this.join(itemEvent, wire.id, terms, wire.arrivedAt);
      return { wireId: wire.id, eventId: itemEvent.id, created: false, similarity: 1 };
    }
    if (wire.itemId) this.itemOfWire.set(wire.id, wire.itemId);
    const best = this.bestEvent(terms, wire.arrivedAt);
    if (best && best.similarity >= this.params.threshold) {
      this.join(best.event, wire.id, terms, wire.arrivedAt);
      return { wireId: wire.id, eventId: best.event.id, created: false, similarity: best.similarity };
    }
    const event = this.createEvent(wire.arrivedAt);
    this.join(event, wire.id, terms, wire.arrivedAt);
    return { wireId: wire.id, eventId: event.id, created: true, similarity: 0 };
  }

  eventOf(wireId: string): string | undefined {
    return this.eventOfWire.get(wireId);
  }

  /** Events in order of creation, each with its wires in the order they joined. */
  snapshot(): EventSummary[] {
    return [...this.events.values()].map((e) => ({
      id: e.id,
      wireIds: [...e.wireIds],
      representativeWireId: this.representative(e),
      firstArrival: e.firstArrival,
      lastArrival: e.lastArrival,
    }));
  }

  /**
   * An editor moves a wire to another event, or to a new one of its own (`toEventId` null). The
   * wire stays where the editor put it, and the two events' profiles follow the move, so later
   * wires are matched against what the events now hold.
   */
  moveWire(wireId: string, toEventId: string | null): string {
    const from = this.events.get(this.requireEventOf(wireId))!;
    const to = toEventId === null ? this.createEvent(this.arrivalOfWire.get(wireId)!) : this.events.get(toEventId);
    if (!to) throw new Error(`no event ${toEventId}`);
    if (to === from) return to.id;
    this.leave(from, wireId);
    this.join(to, wireId, this.termsOfWire.get(wireId)!, this.arrivalOfWire.get(wireId)!);
    return to.id;
  }

  /** An editor splits the given wires off into a new event; returns its id. */
  splitEvent(eventId: string, wireIds: readonly string[]): string {
    if (wireIds.length === 0) throw new Error("nothing to split off");
    for (const id of wireIds) if (this.eventOfWire.get(id) !== eventId) throw new Error(`wire ${id} is not in event ${eventId}`);
    const first = this.moveWire(wireIds[0]!, null);
    for (const id of wireIds.slice(1)) this.moveWire(id, first);
    return first;
  }

  /** An editor merges event `fromId` into `intoId`. */
  mergeEvents(intoId: string, fromId: string): void {
    const from = this.events.get(fromId);
    if (!from || !this.events.has(intoId)) throw new Error(`no event ${from ? intoId : fromId}`);
    for (const id of [...from.wireIds]) this.moveWire(id, intoId);
  }

  private requireEventOf(wireId: string): string {
    const id = this.eventOfWire.get(wireId);
    if (!id) throw new Error(`no wire ${wireId}`);
    return id;
  }

  /** The wire closest to its event's centroid: its headline stands for the event. */
  private representative(event: EventState): string {
    const centroid = this.weigh(event.termSums);
    let best = event.wireIds[0]!;
    let bestSimilarity = -1;
    for (const id of event.wireIds) {
      const similarity = this.cosine(this.weigh(this.termsOfWire.get(id)!), centroid);
      if (similarity > bestSimilarity + 1e-12) {
        best = id;
        bestSimilarity = similarity;
      }
    }
    return best;
  }

  private countDocument(terms: Map<string, number>): void {
    this.wires++;
    for (const term of terms.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
  }

  private idf(term: string): number {
    return Math.log((this.wires + 1) / ((this.documentFrequency.get(term) ?? 0) + 1)) + 1;
  }

  private candidates(terms: Map<string, number>, now: number): EventState[] {
    const maxDf = this.wires >= MIN_WIRES_FOR_COMMON_TERMS ? this.params.maxCandidateTermShare * this.wires : Infinity;
    const found = new Set<string>();
    for (const term of terms.keys()) {
      if ((this.documentFrequency.get(term) ?? 0) > maxDf) continue;
      for (const id of this.eventsByTerm.get(term) ?? []) found.add(id);
    }
    const quietMs = this.params.quietDays * 24 * HOUR_MS;
    return [...found].map((id) => this.events.get(id)!).filter((e) => now - e.lastArrival <= quietMs);
  }

  private bestEvent(terms: Map<string, number>, now: number): { event: EventState; similarity: number } | null {
    const wire = this.weigh(terms);
    if (wire.wordNorm === 0) return null;
    let best: { event: EventState; similarity: number } | null = null;
    for (const event of this.candidates(terms, now)) {
      const similarity = this.cosine(wire, this.weigh(event.termSums)) * this.decay(now - event.lastArrival);
      // Ties go to the candidate found first: an order fixed by the wire's terms and the order
      // events were made, so the same wires in the same order always give the same events.
      if (!best || similarity > best.similarity) best = { event, similarity };
    }
    return best;
  }

  private weigh(terms: Map<string, number>): Weighted {
    const vector = new Map<string, number>();
    let wordNorm = 0;
    let nameNorm = 0;
    for (const [term, tf] of terms) {
      const w = tf * this.idf(term);
      vector.set(term, w);
      if (term.startsWith(NAME_PREFIX)) nameNorm += w * w;
      else wordNorm += w * w;
    }
    return { vector, wordNorm: Math.sqrt(wordNorm), nameNorm: Math.sqrt(nameNorm) };
  }

  /** Cosine of ordinary words and of names, mixed; words alone when either side names no one. */
  private cosine(x: Weighted, y: Weighted): number {
    if (x.wordNorm === 0 || y.wordNorm === 0) return 0;
    const [small, large] = x.vector.size <= y.vector.size ? [x, y] : [y, x];
    let wordDot = 0;
    let nameDot = 0;
    for (const [term, w] of small.vector) {
      const v = large.vector.get(term);
      if (v === undefined) continue;
      if (term.startsWith(NAME_PREFIX)) nameDot += w * v;
      else wordDot += w * v;
    }
    const words = wordDot / (x.wordNorm * y.wordNorm);
    if (x.nameNorm === 0 || y.nameNorm === 0) return words;
    return (1 - this.params.nameMix) * words + this.params.nameMix * (nameDot / (x.nameNorm * y.nameNorm));
  }

  private decay(sinceLastMs: number): number {
    const over = sinceLastMs / HOUR_MS - this.params.graceHours;
    return over <= 0 ? 1 : Math.pow(0.5, over / this.params.halfLifeHours);
  }

  private createEvent(now: number): EventState {
    const event: EventState = { id: `e${this.nextId++}`, wireIds: [], termSums: new Map(), firstArrival: now, lastArrival: now };
    this.events.set(event.id, event);
    return event;
  }

  private join(event: EventState, wireId: string, terms: Map<string, number>, now: number): void {
    event.wireIds.push(wireId);
    if (now > event.lastArrival) event.lastArrival = now;
    if (now < event.firstArrival) event.firstArrival = now;
    for (const [term, tf] of terms) {
      event.termSums.set(term, (event.termSums.get(term) ?? 0) + tf);
      let ids = this.eventsByTerm.get(term);
      if (!ids) this.eventsByTerm.set(term, (ids = new Set()));
      ids.add(event.id);
    }
    this.eventOfWire.set(wireId, event.id);
    this.termsOfWire.set(wireId, terms);
    this.arrivalOfWire.set(wireId, now);
    const item = this.itemOfWire.get(wireId);
    if (item) this.eventOfItem.set(item, event.id);
  }

  private leave(event: EventState, wireId: string): void {
    event.wireIds = event.wireIds.filter((id) => id !== wireId);
    for (const [term, tf] of this.termsOfWire.get(wireId)!) {
      const left = (event.termSums.get(term) ?? 0) - tf;
      if (left > 1e-9) event.termSums.set(term, left);
      else {
        event.termSums.delete(term);
        this.eventsByTerm.get(term)?.delete(event.id);
      }
    }
    if (event.wireIds.length === 0) this.events.delete(event.id);
    else {
      event.firstArrival = Math.min(...event.wireIds.map((id) => this.arrivalOfWire.get(id)!));
      event.lastArrival = Math.max(...event.wireIds.map((id) => this.arrivalOfWire.get(id)!));
    }
  }
}
