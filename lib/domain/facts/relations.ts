/**
 * Word relations from WordNet (wordnet-relations.ts, built by scripts/build-wordnet-relations.ts):
 * two different stems that can state the same thing ("traveled aboard" / "boarded", "trip" /
 * "journey", "arrive" / "come"). Parsed on first use, once per process.
 */
import { hashString } from "./hash";
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

let hashesByStem: Map<string, Int32Array> | null = null;

/** Hashes (hashString) of the stems related to `stem`, undefined when it has none. */
export function relatedHashesOf(stem: string): Int32Array | undefined {
  if (hashesByStem === null) {
    table ??= load();
    hashesByStem = new Map();
    for (const [s, related] of table) hashesByStem.set(s, Int32Array.from(related, hashString));
  }
  return hashesByStem.get(stem);
}
