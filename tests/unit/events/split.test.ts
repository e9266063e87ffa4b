import { describe, expect, it } from "vitest";
import { DEFAULT_CLUSTER_PARAMS, EventClusterer, eventTerms, isSplitCheckSize, splitCheckSizes, splitOff, type ClusterWire, type SplitMember, type TermStats } from "@/lib/domain/events";

const HOUR = 3_600_000;

/**
 * Two sibling events, told alike: one club puts two different players on injured reserve (months
 * apart in the real world, the same afternoon here). Each player's first report is like enough to
 * the other's to join it (the wrong join single-pass assignment makes); what follows tells them apart.
 */
const injury = (who: string, day: string, hurt: string, foe: string, extra: string) => (id: string, at: number, n: number): ClusterWire => ({
  id,
  arrivedAt: at,
  headline: `Saints put ${who} on injured reserve, season over`,
  sentences: [
    `The New Orleans Saints placed running back ${who} on injured reserve on ${day}, ending his season${n > 1 ? ` (${n})` : ""}.`,
    `${who.split(" ")[1]} ${hurt} against the ${foe}, coach Sean Payton said.`,
    extra,
  ],
});
const bush = injury("Reggie Bush", "Wednesday", "tore a knee ligament", "Carolina Panthers", "The Saints have lost four of their last five games, and Bush will have surgery in Birmingham, Alabama.");
const thomas = injury("Pierre Thomas", "Tuesday", "broke a rib", "Atlanta Falcons", "The Saints signed Joique Bell from the Philadelphia Eagles practice squad to replace Thomas before the Minnesota Vikings game.");

function membersOf(wires: readonly ClusterWire[], groups?: readonly string[]): { members: SplitMember[]; stats: TermStats } {
  const terms = wires.map((w) => eventTerms(w, DEFAULT_CLUSTER_PARAMS));
  const df = new Map<string, number>();
  for (const t of terms) for (const term of t.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const stats: TermStats = { wires: wires.length, documentFrequency: (term) => df.get(term) ?? 0 };
  return { members: wires.map((w, i) => ({ wireId: w.id, group: groups?.[i] ?? w.id, terms: terms[i]! })), stats };
}

describe("splitting an event that holds two", () => {
  it("checks an event as it grows, at 4, 6, 8, 12, 16, 24, … wires", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 18, 24, 32, 48, 64, 96].filter(isSplitCheckSize)).toEqual([4, 6, 8, 12, 16, 24, 32, 48, 64, 96]);
  });

  it("lists the check sizes up to a limit as isSplitCheckSize accepts them", () => {
    const upTo = (limit: number) => Array.from({ length: limit }, (_, i) => i + 1).filter(isSplitCheckSize);
    expect(splitCheckSizes(100)).toEqual(upTo(100));
    expect(splitCheckSizes(96)).toEqual(upTo(96));
    expect(splitCheckSizes(3)).toEqual([]);
    expect(splitCheckSizes(2 ** 31 - 1).every(isSplitCheckSize)).toBe(true);
  });

  it("splits off the group that is not the earliest wire's, and leaves one event alone", () => {
    const mixed = [bush("b1", 0, 1), thomas("t1", 1, 1), bush("b2", 2, 2), thomas("t2", 3, 2), thomas("t3", 4, 3), bush("b3", 5, 3)];
    const { members, stats } = membersOf(mixed);
    expect(splitOff(members, stats, DEFAULT_CLUSTER_PARAMS)?.sort()).toEqual(["t1", "t2", "t3"]);

    const one = [bush("b1", 0, 1), bush("b2", 1, 2), bush("b3", 2, 3), bush("b4", 3, 4), bush("b5", 4, 5), bush("b6", 5, 6)];
    const ofOne = membersOf(one);
    expect(splitOff(ofOne.members, ofOne.stats, DEFAULT_CLUSTER_PARAMS)).toBeNull();
  });

  it("does not split off a single stray wire, and keeps a wire item's versions together", () => {
    const stray = [bush("b1", 0, 1), bush("b2", 1, 2), bush("b3", 2, 3), thomas("t1", 3, 1)];
    const ofStray = membersOf(stray);
    expect(splitOff(ofStray.members, ofStray.stats, DEFAULT_CLUSTER_PARAMS)).toBeNull();

    // t1 has a second version: the item leaves whole, its versions counted as one report.
    const versions = [bush("b1", 0, 1), thomas("t1", 1, 1), bush("b2", 2, 2), thomas("t2", 3, 2), thomas("t1-v2", 4, 1), bush("b3", 5, 3)];
    const { members, stats } = membersOf(versions, ["b1", "item-t1", "b2", "t2", "item-t1", "b3"]);
    expect(splitOff(members, stats, DEFAULT_CLUSTER_PARAMS)?.sort()).toEqual(["t1", "t1-v2", "t2"]);
  });

  it("the clusterer splits an event that took a sibling event's first report, and never one an editor has placed wires in", () => {
    const arrivals = [bush("b1", 0, 1), thomas("t1", HOUR, 1), bush("b2", 2 * HOUR, 2), thomas("t2", 3 * HOUR, 2), bush("b3", 4 * HOUR, 3), thomas("t3", 5 * HOUR, 3)];
    const c = new EventClusterer();
    const assignments = arrivals.map((w) => c.add(w));
    // The wrong join this guards against: Thomas's first report joined Bush's event.
    expect(assignments[1]!.eventId).toBe(assignments[0]!.eventId);
    const split = assignments.find((a) => a.split);
    expect(split?.split?.wireIds.length).toBeGreaterThanOrEqual(2);
    expect(c.snapshot().map((e) => e.wireIds.sort())).toEqual([["b1", "b2", "b3"], ["t1", "t2", "t3"]]);

    const pinned = new EventClusterer();
    const [first, second, ...rest] = arrivals;
    const { eventId } = pinned.add(first!);
    pinned.add(second!);
    // An editor looks at the event and keeps it whole: splits Thomas's report off, then merges it back.
    pinned.mergeEvents(eventId, pinned.splitEvent(eventId, [second!.id]));
    for (const w of rest) pinned.add(w);
    expect(pinned.snapshot().some((e) => e.wireIds.includes("b1") && e.wireIds.includes("t1"))).toBe(true);
  });
});
