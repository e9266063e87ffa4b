/**
 * Second thoughts on an event: does it hold two events? Single-pass assignment decides on a
 * wire's arrival, and the decision that goes wrong is nearly always an early one: the second
 * report of a sibling event (another player put on injured reserve by the same team, the next
 * Doctor Who actor) joins an event of one or two wires because the two share the team, the role
 * and the wording. What that event later gathers shows it: its wires fall into two groups, each
 * alike within and unlike the other. So as an event grows it is checked now and then (at 4, 6, 8,
 * 12, 16, … wires: a bounded amortised cost per join), and split when its wires fall into two
 * groups whose centroids are less alike than `splitThreshold`.
 *
 * The groups come from two-means over the event's wire items (a wire item's versions move
 * together), seeded with the item least like the event and the item least like that one. The
 * group holding the event's earliest wire keeps the event; the other becomes a new one.
 */
import { addTerms, mixedCosine, cosineParts, weighTerms, type TermStats, type Weighted } from "./cluster";
import type { TermCounts } from "./profile";

export interface SplitParams {
  nameMix: number;
  /** An event splits in two when its two groups' centroids are less alike than this (mixed cosine). */
  splitThreshold: number;
  /** Each group must hold at least this many wires: one stray wire is not an event of its own. */
  splitMinWires: number;
}

export interface SplitMember {
  wireId: string;
  /** Versions of one wire item share a group key and stay together. */
  group: string;
  terms: ReadonlyMap<string, number>;
}

const FIRST_CHECK = 4;
const MAX_ROUNDS = 10;

/** Whether an event that has just grown to `wires` is checked: 4, 6, 8, 12, 16, 24, 32, … */
export function isSplitCheckSize(wires: number): boolean {
  if (wires < FIRST_CHECK || !Number.isInteger(wires)) return false;
  const odd = wires / (wires & -wires);
  return odd === 1 || odd === 3;
}

/** The check sizes up to `limit`, in order: what isSplitCheckSize accepts, for a query to match against. */
export function splitCheckSizes(limit: number): number[] {
  const sizes: number[] = [];
  for (let power = FIRST_CHECK; power <= limit; power *= 2) {
    sizes.push(power);
    if (power + power / 2 <= limit) sizes.push(power + power / 2);
  }
  return sizes;
}

/**
 * The wires that leave the event, when it holds two; null when it holds one. `members` in order
 * of arrival (the first stays); deterministic for the same members and counts.
 */
export function splitOff(members: readonly SplitMember[], stats: TermStats, params: SplitParams): string[] | null {
  const groups = groupMembers(members);
  if (groups.length < 2 || members.length < 2 * params.splitMinWires) return null;
  const similarity = (x: Weighted, y: Weighted) => mixedCosine(cosineParts(x, y), params);
  const vectors = groups.map((g) => weighTerms(g.terms, stats));
  const whole = weighTerms(sumTerms(groups), stats);
  const seedA = leastAlike(vectors, whole, similarity, -1);
  const seedB = leastAlike(vectors, vectors[seedA]!, similarity, seedA);
  let side = vectors.map((v) => (similarity(v, vectors[seedA]!) >= similarity(v, vectors[seedB]!) ? 0 : 1));
  // The two centroids of `side`, as they stand when the rounds end.
  let [c0, c1] = centroids(groups, side, stats);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = vectors.map((v) => (similarity(v, c0) >= similarity(v, c1) ? 0 : 1));
    if (next.every((s, i) => s === side[i])) break;
    side = next;
    [c0, c1] = centroids(groups, side, stats);
  }
  const wiresOn = (s: number) => groups.reduce((n, g, i) => n + (side[i] === s ? g.wireIds.length : 0), 0);
  if (wiresOn(0) < params.splitMinWires || wiresOn(1) < params.splitMinWires) return null;
  if (similarity(c0, c1) >= params.splitThreshold) return null;
  const leaving = side[0] === 0 ? 1 : 0;
  return groups.flatMap((g, i) => (side[i] === leaving ? g.wireIds : []));
}

interface Group {
  wireIds: string[];
  terms: TermCounts;
}

function groupMembers(members: readonly SplitMember[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const m of members) {
    let group = byKey.get(m.group);
    if (!group) byKey.set(m.group, (group = { wireIds: [], terms: new Map() }));
    group.wireIds.push(m.wireId);
    addTerms(group.terms, m.terms, 1);
  }
  return [...byKey.values()];
}

function sumTerms(groups: readonly Group[]): TermCounts {
  const sums: TermCounts = new Map();
  for (const g of groups) addTerms(sums, g.terms, 1);
  return sums;
}

function centroids(groups: readonly Group[], side: readonly number[], stats: TermStats): [Weighted, Weighted] {
  return [0, 1].map((s) => weighTerms(sumTerms(groups.filter((_, i) => side[i] === s)), stats)) as [Weighted, Weighted];
}

/** The index of the vector least like `to` (the first of equals), other than `skip`. */
function leastAlike(vectors: readonly Weighted[], to: Weighted, similarity: (x: Weighted, y: Weighted) => number, skip: number): number {
  let best = -1;
  let lowest = Infinity;
  vectors.forEach((v, i) => {
    if (i === skip) return;
    const s = similarity(v, to);
    if (s < lowest - 1e-12) {
      lowest = s;
      best = i;
    }
  });
  return best;
}
