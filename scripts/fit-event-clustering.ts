/**
 * Chooses the event-clustering parameters on ECB+ topics 1–22 only (a grid over the join and
 * split thresholds, the name mix, the name weight and the field weights), and prints the best setting with its
 * held-out figure on topics 23–45. Copy the setting into DEFAULT_CLUSTER_PARAMS
 * (lib/domain/events/cluster.ts); `npm run eval` then measures it.
 *
 *   npx tsx scripts/fit-event-clustering.ts [--ecb-dir DIR]
 */
import { DEFAULT_CLUSTER_PARAMS, type ClusterParams } from "../lib/domain/events";
import { clusterScore, FIT_TOPICS, loadEcbArticles } from "./lib/event-eval";
import { argValue, runMain } from "./lib/main";
import { corpusPath } from "./lib/shared-folder";

const GRID: { [K in keyof ClusterParams]?: number[] } = {
  threshold: [0.15, 0.2, 0.25, 0.3, 0.35],
  splitThreshold: [0.35, 0.4, 0.45, 0.5],
  nameMix: [0.5, 0.7],
  name: [1, 2],
  headline: [1, 2],
  lead: [1.5, 2],
};

function* settings(keys: Array<keyof ClusterParams>, base: ClusterParams): Generator<ClusterParams> {
  if (keys.length === 0) {
    yield base;
    return;
  }
  const [key, ...rest] = keys;
  for (const value of GRID[key!]!) yield* settings(rest, { ...base, [key!]: value });
}

function main(): void {
  const articles = loadEcbArticles(argValue("--ecb-dir") ?? corpusPath("news-clusters/ecbplus"));
  const fit = articles.filter((a) => a.topic >= FIT_TOPICS.from && a.topic <= FIT_TOPICS.to);
  const heldOut = articles.filter((a) => a.topic > FIT_TOPICS.to);
  let best: { params: ClusterParams; f1: number } | null = null;
  for (const params of settings(Object.keys(GRID) as Array<keyof ClusterParams>, DEFAULT_CLUSTER_PARAMS)) {
    const { f1 } = clusterScore(fit, params);
    if (!best || f1 > best.f1 + 1e-9) best = { params, f1 };
  }
  const chosen = Object.fromEntries(Object.keys(GRID).map((k) => [k, best!.params[k as keyof ClusterParams]]));
  console.log(`best on topics ${FIT_TOPICS.from}–${FIT_TOPICS.to}: ${JSON.stringify(chosen)}  BCubed F1 ${best!.f1.toFixed(4)}`);
  console.log(`held out, topics ${FIT_TOPICS.to + 1}–45: BCubed F1 ${clusterScore(heldOut, best!.params).f1.toFixed(4)}`);
}

runMain(main);
