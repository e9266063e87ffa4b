/**
 * The incremental clusterer in memory: what the command line (`npm run cluster`) and the
 * evaluation run, and what the database's assignment (lib/server/events) must agree with.
 */
import {
  addTerms,
  chooseEvent,
  DEFAULT_CLUSTER_PARAMS,
  quietBefore,
  rankCandidates,
  representativeWire,
  lookupTerms,
  type Assignment,
  type ClusterParams,
  type ClusterWire,
  type EventProfile,
  type EventSummary,
  type TermStats,
} from "./cluster";
import { eventTerms } from "./profile";
import { isSplitCheckSize, splitOff } from "./split";

interface EventState extends EventProfile {
  seq: number;
  wireIds: string[];
  termSums: Map<string, number>;
  firstArrival: number;
}

export class EventClusterer {
  private readonly documentFrequency = new Map<string, number>();
  private readonly stats: TermStats;
  private wires = 0;
  private readonly events = new Map<string, EventState>();
  private readonly eventsByTerm = new Map<string, Set<string>>();
  private readonly eventOfWire = new Map<string, string>();
  private readonly termsOfWire = new Map<string, Map<string, number>>();
  private readonly arrivalOfWire = new Map<string, number>();
  private readonly eventOfItem = new Map<string, string>();
  private readonly itemOfWire = new Map<string, string>();
  /** Wires an editor placed: an event holding one is the editor's, and is never split (split.ts). */
  private readonly placedByEditor = new Set<string>();
  private nextSeq = 1;

  constructor(private readonly params: ClusterParams = DEFAULT_CLUSTER_PARAMS) {
    const wires = () => this.wires;
    this.stats = {
      get wires() {
        return wires();
      },
      documentFrequency: (term) => this.documentFrequency.get(term) ?? 0,
    };
  }

  /** Assigns a wire to an event and records it. A wire id seen before keeps its event. */
  add(wire: ClusterWire): Assignment {
    const known = this.eventOfWire.get(wire.id);
    if (known) return { wireId: wire.id, eventId: known, created: false, similarity: 1 };
    const terms = eventTerms(wire, this.params);
    this.countDocument(terms);
    if (wire.itemId) this.itemOfWire.set(wire.id, wire.itemId);
    const itemEvent = wire.itemId ? this.events.get(this.eventOfItem.get(wire.itemId) ?? "") : undefined;
    if (itemEvent) {
      this.join(itemEvent, wire.id, terms, wire.arrivedAt);
      return this.afterJoin({ wireId: wire.id, eventId: itemEvent.id, created: false, similarity: 1 });
    }
    const choice = chooseEvent(terms, this.candidates(terms, wire.arrivedAt), this.stats, wire.arrivedAt, this.params);
    if (choice) {
      this.join(this.events.get(choice.eventId)!, wire.id, terms, wire.arrivedAt);
      return this.afterJoin({ wireId: wire.id, eventId: choice.eventId, created: false, similarity: choice.similarity });
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
      representativeWireId:
        representativeWire(
          e.wireIds.map((id) => ({ id, terms: this.termsOfWire.get(id)! })),
          e.termSums,
          this.stats,
          this.params,
        ) ?? e.wireIds[0]!,
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
    const to = this.place(wireId, toEventId);
    this.placedByEditor.add(wireId);
    return to;
  }

  private place(wireId: string, toEventId: string | null): string {
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

  /**
   * After a wire joined an event, at the event's check sizes: splits it when its wires fall into
   * two events (split.ts), unless an editor has placed any of them.
   */
  private afterJoin(assignment: Assignment): Assignment {
    const event = this.events.get(assignment.eventId)!;
    if (!isSplitCheckSize(event.wireIds.length) || event.wireIds.some((id) => this.placedByEditor.has(id))) return assignment;
    const members = [...event.wireIds]
      .sort((a, b) => this.arrivalOfWire.get(a)! - this.arrivalOfWire.get(b)!)
      .map((id) => ({ wireId: id, group: this.itemOfWire.get(id) ?? id, terms: this.termsOfWire.get(id)! }));
    const leaving = splitOff(members, this.stats, this.params);
    if (!leaving) return assignment;
    const newEventId = this.place(leaving[0]!, null);
    for (const id of leaving.slice(1)) this.place(id, newEventId);
    return { ...assignment, eventId: this.eventOfWire.get(assignment.wireId)!, split: { fromEventId: event.id, newEventId, wireIds: leaving } };
  }

  private requireEventOf(wireId: string): string {
    const id = this.eventOfWire.get(wireId);
    if (!id) throw new Error(`no wire ${wireId}`);
    return id;
  }

  private countDocument(terms: Map<string, number>): void {
    this.wires++;
    for (const term of terms.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
  }

  private candidates(terms: Map<string, number>, now: number): EventState[] {
    const shared = new Map<string, number>();
    for (const [term, weight] of lookupTerms(terms, this.stats, this.params)) {
      for (const id of this.eventsByTerm.get(term) ?? []) shared.set(id, (shared.get(id) ?? 0) + weight);
    }
    const since = quietBefore(now, this.params);
    const open = [...shared]
      .map(([id, weight]) => ({ event: this.events.get(id)!, shared: weight }))
      .filter((c) => c.event.lastArrival >= since)
      .map((c) => ({ ...c, seq: c.event.seq }));
    return rankCandidates(open, this.params).map((c) => c.event);
  }

  private createEvent(now: number): EventState {
    const seq = this.nextSeq++;
    const event: EventState = { id: `e${seq}`, seq, wireIds: [], termSums: new Map(), firstArrival: now, lastArrival: now };
    this.events.set(event.id, event);
    return event;
  }

  private join(event: EventState, wireId: string, terms: Map<string, number>, now: number): void {
    event.wireIds.push(wireId);
    if (now > event.lastArrival) event.lastArrival = now;
    if (now < event.firstArrival) event.firstArrival = now;
    addTerms(event.termSums, terms, 1);
    for (const term of terms.keys()) {
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
    for (const term of addTerms(event.termSums, this.termsOfWire.get(wireId)!, -1)) this.eventsByTerm.get(term)?.delete(event.id);
    if (event.wireIds.length === 0) this.events.delete(event.id);
    else {
      event.firstArrival = Math.min(...event.wireIds.map((id) => this.arrivalOfWire.get(id)!));
      event.lastArrival = Math.max(...event.wireIds.map((id) => this.arrivalOfWire.get(id)!));
    }
  }
}
