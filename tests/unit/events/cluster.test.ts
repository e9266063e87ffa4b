import { describe, expect, it } from "vitest";
import { bcubed, DEFAULT_CLUSTER_PARAMS, EventClusterer, eventTerms, lookupTerms, NAME_PREFIX, type ClusterWire, type TermStats } from "@/lib/domain/events";

const HOUR = 3_600_000;

const quake = (id: string, at: number, extra = ""): ClusterWire => ({
  id,
  arrivedAt: at,
  headline: "Earthquake of magnitude 6.1 strikes Sumatra, killing 12",
  sentences: [`A strong earthquake struck the Indonesian island of Sumatra on Monday, killing at least 12 people in Padang. ${extra}`, "Rescue teams searched collapsed houses in Padang."],
});
const election = (id: string, at: number): ClusterWire => ({
  id,
  arrivedAt: at,
  headline: "Voters in Chile elect Bachelet as president",
  sentences: ["Michelle Bachelet won Chile's presidential run-off on Sunday with 62 percent of the vote.", "Bachelet promised free university education."],
});
const otherQuake = (id: string, at: number): ClusterWire => ({
  id,
  arrivedAt: at,
  headline: "Earthquake of magnitude 5.8 hits Peru's Arequipa, 3 dead",
  sentences: ["An earthquake shook southern Peru on Thursday, killing three people near Arequipa and Ollantaytambo.", "Rescue teams searched collapsed houses in Arequipa."],
});

describe("incremental event clustering", () => {
  it("counts figures written in digits with the names, and spelled-out numbers as ordinary words", () => {
    const terms = eventTerms({ headline: null, sentences: ["The 2008 quake killed 12 people and four others were hurt."] }, DEFAULT_CLUSTER_PARAMS);
    expect(terms.has(`${NAME_PREFIX}2008`)).toBe(true);
    expect(terms.has(`${NAME_PREFIX}12`)).toBe(true);
    expect(terms.has("2008")).toBe(true);
    expect([...terms.keys()].some((term) => term.startsWith(NAME_PREFIX) && term.includes("4"))).toBe(false);
    expect([...terms.keys()].some((term) => term.startsWith(NAME_PREFIX) && term.includes("four"))).toBe(false);
  });

  it("puts reports of one event together and a different event apart", () => {
    const c = new EventClusterer();
    const first = c.add(quake("q1", 0));
    expect(first.created).toBe(true);
    expect(c.add(election("v1", 1 * HOUR)).created).toBe(true);
    const second = c.add(quake("q2", 2 * HOUR, "Officials feared the toll would rise."));
    expect(second).toMatchObject({ eventId: first.eventId, created: false });
    expect(second.similarity).toBeGreaterThanOrEqual(DEFAULT_CLUSTER_PARAMS.threshold);
    expect(c.add(election("v2", 3 * HOUR)).eventId).toBe(c.eventOf("v1"));
    expect(c.snapshot().map((e) => e.wireIds)).toEqual([["q1", "q2"], ["v1", "v2"]]);
  });

  it("tells two events of the same kind apart by their names and places", () => {
    const c = new EventClusterer();
    c.add(quake("q1", 0));
    c.add(quake("q2", HOUR));
    expect(c.add(otherQuake("p1", 2 * HOUR)).created).toBe(true);
  });

  it("starts a new event when the old one has gone quiet, and fades it before that", () => {
    const c = new EventClusterer();
    const { eventId } = c.add(quake("q1", 0));
    const quietMs = (DEFAULT_CLUSTER_PARAMS.quietDays + 1) * 24 * HOUR;
    const later = c.add(quake("q-next-year", quietMs));
    expect(later.created).toBe(true);
    expect(later.eventId).not.toBe(eventId);

    const fresh = new EventClusterer();
    fresh.add(quake("a", 0));
    const soon = fresh.add(quake("b", HOUR, "Aftershocks followed."));
    const fading = new EventClusterer();
    fading.add(quake("a", 0));
    const afterGrace = fading.add(quake("b", (DEFAULT_CLUSTER_PARAMS.graceHours + DEFAULT_CLUSTER_PARAMS.halfLifeHours) * HOUR, "Aftershocks followed."));
    // One half-life past the grace period: half the pull.
    expect(afterGrace.created).toBe(false);
    expect(afterGrace.similarity).toBeCloseTo(soon.similarity / 2, 5);
  });

  it("keeps versions of one wire item in one event, however much the text changed", () => {
    const c = new EventClusterer();
    const { eventId } = c.add({ ...quake("v1", 0), itemId: "urn:item:1" });
    c.add(election("e", HOUR));
    expect(c.add({ ...election("v2", 2 * HOUR), itemId: "urn:item:1" }).eventId).toBe(eventId);
  });

  it("gives a wire it has seen before the same event", () => {
    const c = new EventClusterer();
    const a = c.add(quake("q1", 0));
    expect(c.add(election("q1", HOUR)).eventId).toBe(a.eventId);
    expect(c.snapshot()).toHaveLength(1);
  });

  it("respects an editor's move, split and merge, and matches later wires against what events now hold", () => {
    const c = new EventClusterer();
    c.add(quake("q1", 0));
    c.add(quake("q2", HOUR));
    const quakeEvent = c.eventOf("q1")!;
    const split = c.splitEvent(quakeEvent, ["q2"]);
    expect(c.eventOf("q2")).toBe(split);
    expect(c.eventOf("q1")).toBe(quakeEvent);
    c.mergeEvents(quakeEvent, split);
    expect(c.snapshot().map((e) => e.wireIds)).toEqual([["q1", "q2"]]);

    c.add(election("v1", 2 * HOUR));
    const moved = c.moveWire("v1", quakeEvent);
    expect(moved).toBe(quakeEvent);
    expect(c.snapshot()).toHaveLength(1); // the election's own event emptied and is gone
    const own = c.moveWire("v1", null);
    expect(c.eventOf("v1")).toBe(own);
    // The quake event no longer holds the election's words: a new election report joins v1.
    expect(c.add(election("v2", 3 * HOUR)).eventId).toBe(own);
    expect(() => c.splitEvent(own, ["q1"])).toThrow(/not in event/);
    expect(() => c.moveWire("nope", null)).toThrow(/no wire/);
  });

  it("names as representative the wire closest to the event's centre", () => {
    const c = new EventClusterer();
    c.add(quake("q1", 0, "Officials feared the toll would rise in Padang."));
    c.add(quake("q2", HOUR));
    c.add(quake("q3", 2 * HOUR, "Sumatra sits on the Ring of Fire and has frequent quakes, the agency said, recalling 2004."));
    expect(c.snapshot()[0]!.representativeWireId).toBe("q2");
  });
});

describe("candidate lookup", () => {
  // 1,000 wires seen; "rare" terms in 2 of them, "place" in 60, "common" in 500 (over a tenth of the desk).
  const frequencies = new Map<string, number>([["common", 500], ["place", 60]]);
  const stats: TermStats = { wires: 1000, documentFrequency: (term) => frequencies.get(term) ?? (term.startsWith("rare") ? 2 : 0) };

  it("finds candidates by the wire's most distinctive terms only, so the postings read stay bounded as the desk grows", () => {
    const terms = new Map<string, number>([["common", 3], ["place", 1], ...Array.from({ length: 30 }, (_, i) => [`rare${String(i).padStart(2, "0")}`, 1] as [string, number])]);
    const lookup = lookupTerms(terms, stats, { ...DEFAULT_CLUSTER_PARAMS, maxLookupTerms: 20 });
    expect(lookup.size).toBe(20);
    expect(lookup.has("common")).toBe(false);
    // Ties between equally distinctive terms go by the term, so every instance picks the same ones.
    expect([...lookup.keys()].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `rare${String(i).padStart(2, "0")}`));
    const all = lookupTerms(terms, stats, { ...DEFAULT_CLUSTER_PARAMS, maxLookupTerms: 100 });
    expect(all.size).toBe(31);
    expect(all.has("place")).toBe(true);
  });
});

describe("BCubed", () => {
  it("is 1 for a perfect clustering and penalises merges and splits", () => {
    const gold = new Map([["a", "x"], ["b", "x"], ["c", "y"], ["d", "y"]]);
    expect(bcubed(new Map([["a", "1"], ["b", "1"], ["c", "2"], ["d", "2"]]), gold)).toEqual({ precision: 1, recall: 1, f1: 1 });
    const merged = bcubed(new Map([["a", "1"], ["b", "1"], ["c", "1"], ["d", "1"]]), gold);
    expect(merged.precision).toBeCloseTo(0.5);
    expect(merged.recall).toBe(1);
    const split = bcubed(new Map([["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"]]), gold);
    expect(split).toMatchObject({ precision: 1, recall: 0.5 });
    expect(() => bcubed(new Map(), gold)).toThrow(/no predicted cluster/);
  });
});
