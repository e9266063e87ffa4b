/**
 * Hand-labelled alignment of the five sample stories (one event, five reports), asserted by the
 * unit tests and printed by `npm run eval`. The pairs are data, in seed-gold.tsv beside this file:
 * a sentence is named by its story (file prefix) and a snippet unique within that story's body,
 * so the gold survives changes in segmentation details.
 *
 * - link: near-verbatim copies and paraphrases of one fact (including one sentence that contains
 *   another's fact plus more). The engine must put each pair in one cluster.
 * - apart: sentences that share a topic or an entity but state different facts.
 * - hard: the same fact in quite different words; reported by eval, not asserted, because lexical
 *   evidence alone does not reach them reliably (see the report's limitations).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Consolidation, FactStory } from "../../lib/domain/facts";
import { normalizeForMatching } from "../../lib/domain/text";
import { clusterIndex, storyFromFile } from "./fact-stories";
import { SEEDS_DIR, seedFiles } from "./shared-folder";

export interface SentenceKey {
  story: string;
  snippet: string;
}

export interface GoldPair {
  a: SentenceKey;
  b: SentenceKey;
  why: string;
}

function readGold(): Record<"link" | "apart" | "hard", GoldPair[]> {
  const gold = { link: [] as GoldPair[], apart: [] as GoldPair[], hard: [] as GoldPair[] };
  for (const line of readFileSync(path.join(__dirname, "seed-gold.tsv"), "utf8").split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const [kind, storyA, snippetA, storyB, snippetB, why] = line.split("\t");
    if (!(kind === "link" || kind === "apart" || kind === "hard") || !storyA || !snippetA || !storyB || !snippetB || !why) {
      throw new Error(`seed-gold.tsv: malformed line: ${line}`);
    }
    gold[kind].push({ a: { story: storyA, snippet: snippetA }, b: { story: storyB, snippet: snippetB }, why });
  }
  return gold;
}

const GOLD = readGold();
export const MUST_LINK: readonly GoldPair[] = GOLD.link;
export const MUST_NOT_LINK: readonly GoldPair[] = GOLD.apart;
export const HARD_PARAPHRASES: readonly GoldPair[] = GOLD.hard;

export interface SeedSet {
  dir: string;
  files: string[];
  stories: FactStory[];
}

/** The five sample stories, parsed; story ids are the file prefixes ("000" … "004"). */
export function loadSeeds(): SeedSet {
  const files = seedFiles();
  return { dir: SEEDS_DIR, files, stories: files.map((file) => storyFromFile(path.basename(file).slice(0, 3), file)) };
}

/** Position of the sentence a key names; throws when the snippet is missing or ambiguous. */
export function findSentence(stories: readonly FactStory[], key: SentenceKey): number {
  const story = stories.find((s) => s.id === key.story);
  if (!story) throw new Error(`no story ${key.story}`);
  const needle = normalizeForMatching(key.snippet);
  const hits = story.sentences.flatMap((s, i) => (normalizeForMatching(s.text).includes(needle) ? [i] : []));
  if (hits.length !== 1) throw new Error(`snippet "${key.snippet}" found ${hits.length} times in ${key.story}`);
  return hits[0]!;
}

/** Whether a consolidation of `stories` puts the two sentences of a gold pair in one cluster. */
export function goldLinker(stories: readonly FactStory[], result: Pick<Consolidation, "clusters">): (pair: GoldPair) => boolean {
  const clusterOf = clusterIndex(result.clusters);
  const clusterOfKey = (key: SentenceKey) => clusterOf.get(`${key.story}:${findSentence(stories, key)}`);
  return (pair) => clusterOfKey(pair.a) === clusterOfKey(pair.b);
}
