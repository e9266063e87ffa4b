/**
 * Performance of the consolidation engine on synthetic story sets built from MSRP sentences:
 * 100, 400 and 1,600 stories of 30 sentences. Each size runs in a fresh child process so the
 * peak RSS is that size's own. Prints one JSON line per size, e.g.
 *   {"stories":400,"sentences":12000,"seconds":1.9,"peakRssMB":210, ...}
 * where "seconds" is the clustering (profiling, candidate generation, scoring, clustering), and
 * "consolidateSeconds" the whole run including discrepancies and the draft; peak RSS covers the
 * whole run. "cpuSeconds" is the process's CPU time (the machine may be shared).
 *
 * Stories are filled with the two sentences of MSRP pairs placed in different stories, so there
 * are real matches (paraphrases, near-duplicates, hard negatives) to find, not just noise.
 * Pairs are reused, shuffled, when a size needs more sentences than the corpus has (1,600
 * stories need 48,000 sentences; MSRP has 11,602). A reused sentence loses one word, a different
 * one each round, so it is a near-duplicate (as a rewrite is), not a verbatim copy the engine
 * could score once for all copies.
 *
 * A last line runs a degenerate input: two stories of 12,000 sentences each, every sentence ten
 * words from the same fourteen (what a results table or a broken feed looks like). Every stem is
 * in thousands of sentences, which is where work that grows with the square of the input shows.
 *
 *   npm run bench [-- --sizes 100,400,1600] [--msrp-dir DIR]
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { consolidate, parsePairsTsv, type FactStory } from "../lib/domain/facts";
import { storiesFromSentences } from "./lib/fact-stories";
import { argValue, runMain } from "./lib/main";
import { capture } from "./lib/run";
import { corpusPath } from "./lib/shared-folder";

const SENTENCES_PER_STORY = 30;
const DEFAULT_SIZES = [100, 400, 1600];

const msrpDir = argValue("--msrp-dir") ?? corpusPath("msrp");

/** Deterministic PRNG (mulberry32), so every run builds the same sets. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticStories(pairs: Array<[string, string]>, storyCount: number, seed = 1): FactStory[] {
  const rand = random(seed);
  const bodies: string[][] = Array.from({ length: storyCount }, () => []);
  const needed = storyCount * SENTENCES_PER_STORY;
  let placed = 0;
  let order: number[] = [];
  let round = -1;
  while (placed < needed) {
    if (order.length === 0) {
      round++;
      order = pairs.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
    }
    const [a, b] = pairs[order.pop()!]!.map((text) => (round === 0 ? text : dropWord(text, round, rand))) as [string, string];
    // Two different stories that still have room.
    const open = () => {
      for (let tries = 0; tries < 50; tries++) {
        const s = Math.floor(rand() * storyCount);
        if (bodies[s]!.length < SENTENCES_PER_STORY) return s;
      }
      return bodies.findIndex((body) => body.length < SENTENCES_PER_STORY);
    };
    const x = open();
    if (x < 0) break;
    bodies[x]!.push(a);
    placed++;
    if (placed >= needed) break;
    let y = open();
    for (let tries = 0; y === x && tries < 50; tries++) y = open();
    if (y < 0 || y === x) continue;
    bodies[y]!.push(b);
    placed++;
  }
  return storiesFromSentences(bodies, (s) => `s${String(s).padStart(5, "0")}`);
}

/** A near-duplicate: the text without one word (never the first), chosen by the round and the PRNG. */
function dropWord(text: string, round: number, rand: () => number): string {
  const words = text.split(" ");
  if (words.length < 4) return `${text} (${round})`;
  const at = 1 + ((Math.floor(rand() * (words.length - 1)) + round) % (words.length - 1));
  return [...words.slice(0, at), ...words.slice(at + 1)].join(" ");
}

function loadPairs(): Array<[string, string]> {
  const files = ["msr_paraphrase_train.txt", "msr_paraphrase_test.txt"].map((f) => path.join(msrpDir, f));
  if (!files.every(existsSync)) throw new Error(`bench: MSRP corpus not found in ${msrpDir} (pass --msrp-dir)`);
  return files.flatMap((f) => parsePairsTsv(readFileSync(f, "utf8")).map((p) => [p.text1.trim(), p.text2.trim()] as [string, string]));
}

const FEW_WORDS = "Kim Putin train Russia arrived Vladivostok forum artillery officials said Tuesday 1,200 people talks".split(" ");
const FEW_WORDS_SENTENCES = 12_000;

/** Two stories whose sentences are all made of the same few words. */
function fewWordStories(seed = 1): FactStory[] {
  const rand = random(seed);
  const sentence = () => `${Array.from({ length: 10 }, () => FEW_WORDS[Math.floor(rand() * FEW_WORDS.length)]!).join(" ")}.`;
  return storiesFromSentences(
    [0, 1].map(() => Array.from({ length: FEW_WORDS_SENTENCES }, sentence)),
    (s) => `few${s}`,
  );
}

function runOne(storyCount: number | "few-words"): void {
  const stories = storyCount === "few-words" ? fewWordStories() : syntheticStories(loadPairs(), storyCount);
  const sentences = stories.reduce((n, s) => n + s.sentences.length, 0);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const timings = { alignMs: 0, discrepanciesMs: 0, draftMs: 0 };
  const result = consolidate(stories, { timings });
  const totalSeconds = (performance.now() - started) / 1000;
  // CPU time as well as wall time: on a shared machine, wall time includes waiting for the core.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const s = (ms: number) => Math.round(ms / 10) / 100;
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  const multi = result.clusters.filter((c) => c.members.length > 1).length;
  process.stdout.write(
    JSON.stringify({
      stories: storyCount,
      sentences,
      // "seconds" is clustering as the issue defines it: profiling, candidate generation, scoring
      // and clustering. The whole consolidation (adding discrepancies and the draft) follows.
      seconds: s(timings.alignMs),
      peakRssMB,
      consolidateSeconds: Math.round(totalSeconds * 100) / 100,
      discrepanciesSeconds: s(timings.discrepanciesMs),
      draftSeconds: s(timings.draftMs),
      cpuSeconds: Math.round(cpuSeconds * 100) / 100,
      candidatePairs: result.stats.candidatePairs,
      scoredPairs: result.stats.scoredPairs,
      distinctSentences: new Set(stories.flatMap((s) => s.sentences.map((x) => x.text))).size,
      links: result.stats.links,
      multiSourceClusters: multi,
    }) + "\n",
  );
}

async function main(): Promise<void> {
  const child = argValue("--child");
  if (child) {
    runOne(child === "few-words" ? child : Number(child));
    return;
  }
  const sizes = (argValue("--sizes") ?? DEFAULT_SIZES.join(",")).split(",").map(Number);
  loadPairs(); // fail early, in the parent, when the corpus is missing
  // One child per size: each size's peak memory and timings are its own, not the previous one's.
  for (const size of [...sizes, "few-words"]) {
    process.stdout.write(await capture(process.execPath, ["--import", "tsx", __filename, "--child", String(size), "--msrp-dir", msrpDir]));
  }
}

runMain(main);
