/** String hashing shared by sentence profiles and word relations (one function, so their hashes meet). */
const hashCache = new Map<string, number>();

/** FNV-1a over UTF-16 code units; deterministic and independent of input order. */
export function hashString(s: string): number {
  const hit = hashCache.get(s);
  if (hit !== undefined) return hit;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  if (hashCache.size > 500_000) hashCache.clear();
  hashCache.set(s, h | 0);
  return h | 0;
}
