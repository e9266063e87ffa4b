/**
 * Hand-labelled alignment of the five seed stories (one event, five reports), used by the unit
 * tests and printed by `npm run eval`. Sentences are named by story (file prefix) and a snippet
 * unique within that story's body, so the gold survives changes in segmentation details.
 *
 * - MUST_LINK: near-verbatim copies and paraphrases of one fact (including one sentence that
 *   contains another's fact plus more). The engine must put each pair in one cluster.
 * - MUST_NOT_LINK: sentences that share a topic or an entity but state different facts.
 * - HARD_PARAPHRASES: the same fact in quite different words; reported by eval, not asserted,
 *   because lexical evidence alone does not reach them reliably (see the report's limitations).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { storyFromParsedWire, type FactStory } from "@/lib/domain/facts";
import { normalizeForMatching } from "@/lib/domain/text";
import { parseWire } from "@/lib/domain/wire";

export interface SentenceKey {
  story: string;
  snippet: string;
}

export interface GoldPair {
  a: SentenceKey;
  b: SentenceKey;
  why: string;
}

const k = (story: string, snippet: string): SentenceKey => ({ story, snippet });

export const MUST_LINK: GoldPair[] = [
  { a: k("000", "rolled through Russia on an armored train"), b: k("004", "rolled into Russia on an armoured train"), why: "near-verbatim lede, armored/armoured" },
  { a: k("000", "Kim is expected to seek economic aid"), b: k("004", "Kim is expected to seek economic aid"), why: "near-verbatim, grueling/gruelling" },
  { a: k("000", "a chance for the North Korean leader"), b: k("004", "a chance for the North Korean leader"), why: "near-verbatim, U.N./UN" },
  { a: k("000", "For Putin, it's an opportunity"), b: k("004", "For Putin, it's an opportunity"), why: "verbatim; in 004 the sentence is broken across paragraphs" },
  { a: k("000", "Any arms deal with North Korea"), b: k("004", "Any arms deal with North Korea"), why: "verbatim" },
  { a: k("000", "Many had assumed he and Putin"), b: k("004", "Many had assumed Kim and Putin"), why: "near-verbatim with the typo Vladisvostok" },
  { a: k("000", "But Kremlin spokesman Dmitry Peskov confirmed only"), b: k("004", "But Kremlin spokesman Dmitry Peskov confirmed only"), why: "verbatim" },
  { a: k("000", "published a photo it said showed the train"), b: k("004", "published a photo that it said showed the train"), why: "near-verbatim, kilometers/kilometres, sizable/sizeable" },
  { a: k("000", "Some Russian news media speculate"), b: k("004", "Some Russian news media speculate"), why: "near-verbatim" },
  { a: k("000", "Putin declined to say"), b: k("004", "Putin declined during the forum"), why: "near-verbatim, reordered" },
  { a: k("000", "The launch facility is about 900 kilometers"), b: k("004", "The launching facility is about 900 km"), why: "near-verbatim, kilometers/km" },
  { a: k("002", "Kim boarded his personal train"), b: k("004", "Kim boarded his personal train"), why: "verbatim" },
  { a: k("002", "Officials identified in North Korean state media photos"), b: k("004", "Officials identified in North Korean state media photos"), why: "verbatim" },
  { a: k("001", "Jo Chun Ryong"), b: k("002", "Jo Chun Ryong"), why: "near-verbatim" },
  { a: k("001", "After decades of hot-and-cold relations"), b: k("002", "After decades of complicated, hot-and-cold relations"), why: "near-verbatim" },
  { a: k("001", "Yonhap later published a photo"), b: k("000", "published a photo it said showed the train"), why: "near-verbatim, 60 kilometers (about 40 miles)" },
  { a: k("001", "We urge [North Korea]"), b: k("002", "We urge the DPRK"), why: "the same quotation, [North Korea]/DPRK, plus attribution" },
  { a: k("002", "arrived in Russia on Tuesday for a meeting"), b: k("000", "rolled through Russia on an armored train"), why: "paraphrase of the lede" },
  { a: k("002", "Kim is expected to seek Russian economic aid"), b: k("000", "Kim is expected to seek economic aid"), why: "paraphrase" },
  { a: k("001", "for his isolated country"), b: k("000", "Kim is expected to seek economic aid"), why: "containment: the short sentence's fact plus more" },
  { a: k("002", "as confirming Kim had entered Russia"), b: k("000", "But Kremlin spokesman Dmitry Peskov confirmed only"), why: "paraphrase" },
  { a: k("001", "Dmitry Peskov on September 12 confirmed"), b: k("000", "But Kremlin spokesman Dmitry Peskov confirmed only"), why: "shared main clause, differently dated" },
  { a: k("002", "the reports didn't specify when or where"), b: k("004", "Peskov said Putin and Kim will meet after the Vladivostok forum"), why: "shared clause, different additions" },
  { a: k("001", "Peskov said the two will meet after the forum"), b: k("004", "Peskov said Putin and Kim will meet after the Vladivostok forum"), why: "containment" },
  { a: k("002", "Matthew Miller said Washington will monitor"), b: k("003", "Miller renewed US warnings"), why: "the same quotation in two framings" },
];

export const MUST_NOT_LINK: GoldPair[] = [
  { a: k("002", "Putin arrived in the eastern city of Vladivostok"), b: k("001", "North Korean leader Kim Jong Un arrived in Russia"), why: "Putin arrived in Vladivostok is not Kim arrived in Russia" },
  { a: k("002", "Putin arrived in the eastern city of Vladivostok"), b: k("000", "rolled through Russia on an armored train"), why: "different travellers, different places" },
  { a: k("000", "Kim then left for his destination"), b: k("002", "the reports didn't specify when or where"), why: "same ending, different facts" },
  { a: k("002", "in the past 17 months"), b: k("003", "18-month-long assault"), why: "share the war's length, state different facts" },
  { a: k("001", "Sergei Shoigu will be part of the Russian delegation"), b: k("002", "Andrei Rudenko said Russia may discuss humanitarian aid"), why: "both about the delegation, different facts" },
  { a: k("002", "Putin's first meeting with Kim was held in 2019"), b: k("000", "Many had assumed he and Putin"), why: "share the 2019 meeting, different central facts" },
  { a: k("001", "had shown footage of Kim arriving after dark"), b: k("000", "Kim's personal train stopped in Khasan"), why: "two different arrival reports" },
  { a: k("003", "preference for train travel"), b: k("000", "Kim's personal train stopped in Khasan"), why: "share the train, different facts" },
  { a: k("002", "may also seek badly needed energy and food supplies"), b: k("000", "Kim is expected to seek economic aid"), why: "both about what Kim seeks, different facts" },
];

export const HARD_PARAPHRASES: GoldPair[] = [
  { a: k("001", "KCNA said Kim had traveled aboard"), b: k("002", "Kim boarded his personal train"), why: "traveled aboard / boarded, KCNA / Korean Central News Agency" },
  { a: k("000", "Kim said his decision to visit Russia four years after"), b: k("001", "quoted Kim as saying his first trip to Russia in four years"), why: "reworded, and credited to different agencies" },
  { a: k("001", "The Kremlin last week confirmed"), b: k("003", "The Kremlin also confirmed today"), why: "reworded, dated differently" },
  { a: k("001", "had arrived early on September 12 at Khasan"), b: k("000", "Kim's personal train stopped in Khasan"), why: "arrived / train stopped" },
  { a: k("001", "Kim is making his first foreign trip since the pandemic"), b: k("003", "Kim has not travelled outside of North Korea since before"), why: "the same fact, positive and negative" },
  { a: k("001", "North Korean leader Kim Jong Un arrived in Russia"), b: k("002", "arrived in Russia on Tuesday for a meeting"), why: "lede with a different second half" },
];

/** Where the seed stories are: the shared corpus, or the copy in prisma/seed-data. */
export function seedDirectory(): string | null {
  const candidates = [path.resolve(__dirname, "../../../../shared/seeds"), path.resolve(__dirname, "../../../prisma/seed-data")];
  return candidates.find((dir) => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(".txt"))) ?? null;
}

export interface SeedSet {
  dir: string;
  files: string[];
  stories: FactStory[];
}

/** The five seed stories, parsed; story ids are the file prefixes ("000" … "004"). */
export function loadSeeds(dir: string): SeedSet {
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  const stories = files.map((f) => storyFromParsedWire(f.slice(0, 3), parseWire({ bytes: new Uint8Array(readFileSync(path.join(dir, f))), filename: f })));
  return { dir, files, stories };
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
