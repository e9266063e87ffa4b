/**
 * BCubed precision, recall and F1 of a clustering against gold classes (Bagga & Baldwin 1998;
 * Amigó et al. 2009): per item, the share of its cluster that is in its class (precision) and
 * the share of its class that is in its cluster (recall), averaged over items.
 */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

export function bcubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): BCubed {
  const clusterSize = new Map<string, number>();
  const classSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (const [item, cls] of gold) {
    const cluster = predicted.get(item);
    if (cluster === undefined) throw new Error(`item ${item} has no predicted cluster`);
    clusterSize.set(cluster, (clusterSize.get(cluster) ?? 0) + 1);
    classSize.set(cls, (classSize.get(cls) ?? 0) + 1);
    const key = `${cluster}\u0000${cls}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const [item, cls] of gold) {
    const cluster = predicted.get(item)!;
    const shared = both.get(`${cluster}\u0000${cls}`)!;
    precision += shared / clusterSize.get(cluster)!;
    recall += shared / classSize.get(cls)!;
  }
  const n = Math.max(gold.size, 1);
  precision /= n;
  recall /= n;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
