/**
 * Measuring event clustering on ECB+: each folder is one event, each topic two similar events.
 * The wires arrive interleaved in a shuffled order (seeded, so every run prints the same
 * figures), a minute apart, and the clustering is scored with BCubed against the folders.
 */
import path from "node:path";
import { bcubed, EventClusterer, type BCubed, type ClusterParams } from "../../lib/domain/events";
import { ecbEventFolders, parseWireFile } from "./fact-stories";

export interface EcbArticle {
  file: string;
  topic: number;
  event: string;
  headline: string | null;
  dateline: string | null;
  sentences: string[];
}

export function loadEcbArticles(ecbDir: string): EcbArticle[] {
  return ecbEventFolders(ecbDir).flatMap(({ topic, event, files }) =>
    files.map((file) => {
      const parsed = parseWireFile(file);
      return { file: path.relative(ecbDir, file), topic, event, headline: parsed.headline, dateline: parsed.dateline, sentences: parsed.sentences.map((s) => s.text) };
    }),
  );
}

/** Fisher–Yates with a small linear congruential generator: the same seed, the same order. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const ARRIVAL_ORDERS = [1, 2, 3];

/** BCubed of one incremental run over `articles` in the order of `seed`. */
export function clusterRun(articles: readonly EcbArticle[], params: ClusterParams | undefined, seed: number): BCubed {
  const clusterer = new EventClusterer(params);
  seededShuffle(articles, seed).forEach((a, i) => clusterer.add({ id: a.file, headline: a.headline, dateline: a.dateline, sentences: a.sentences, arrivedAt: i * 60_000 }));
  const predicted = new Map(articles.map((a) => [a.file, clusterer.eventOf(a.file)!]));
  return bcubed(predicted, new Map(articles.map((a) => [a.file, a.event])));
}

/** BCubed averaged over the fixed arrival orders. */
export function clusterScore(articles: readonly EcbArticle[], params?: ClusterParams): BCubed {
  const runs = ARRIVAL_ORDERS.map((seed) => clusterRun(articles, params, seed));
  const mean = (pick: (b: BCubed) => number) => runs.reduce((sum, b) => sum + pick(b), 0) / runs.length;
  return { precision: mean((b) => b.precision), recall: mean((b) => b.recall), f1: mean((b) => b.f1) };
}

/** Topics parameters are chosen on; the rest are held out. */
export const FIT_TOPICS = { from: 1, to: 22 };
