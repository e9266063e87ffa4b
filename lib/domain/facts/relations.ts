/**
 * Word relations from WordNet (wordnet-relations.ts, built by scripts/build-wordnet-relations.ts):
 * two different stems that can state the same thing ("traveled aboard" / "boarded", "trip" /
 * "journey", "arrive" / "come"). Parsed on first use, once per process.
 */
import { WORDNET_RELATIONS } from "./wordnet-relations";

let table: Map<string, ReadonlySet<string>> | null = null;

function load(): Map<string, ReadonlySet<string>> {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let set = map.get(a);
    if (!set) map.set(a, (set = new Set()));
    set.add(b);
  };
  for (const entry of WORDNET_RELATIONS.split(";")) {
    const colon = entry.indexOf(":");
    if (colon <= 0) continue;
    const stem = entry.slice(0, colon);
    for (const other of entry.slice(colon + 1).split(",")) {
      add(stem, other);
      add(other, stem);
    }
  }
  return map;
}

/** Whether two different stems are related in WordNet (symmetric). */
export function areRelated(a: string, b: string): boolean {
  table ??= load();
  return table.get(a)?.has(b) ?? false;
}

/** Whether the stem has any relation at all (a cheap filter before pairwise checks). */
export function hasRelations(stem: string): boolean {
  table ??= load();
  return table.has(stem);
}

/** The stems related to `stem` (none: an empty list). */
export function relatedStems(stem: string): Iterable<string> {
  table ??= load();
  return table.get(stem) ?? [];
}
