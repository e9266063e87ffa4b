import { describe, expect, it } from "vitest";
import { alignStories, compareSentences, consolidate, profileSentence, type FactStory } from "@/lib/domain/facts";
import { sharesLedeOpening } from "@/lib/domain/facts/similarity";
import { story } from "./helpers";

// The ledes of three sample wires (AP 000, 001, AP's rewrite 004): one fact, told with different second halves.
const LEDE_001 =
  "North Korean leader Kim Jong Un arrived in Russia ahead of an expected meeting with Russian President Vladimir Putin touting the broad significance of the trip, while U.S. officials have warned Moscow may be seeking weaponry and ammunition to bolster its war in Ukraine.";
const LEDE_002 =
  "North Korea’s Kim Jong Un arrived in Russia on Tuesday for a meeting with President Vladimir Putin where they are expected to offer each other increased support in their escalating standoffs with the West.";
const LEDE_AP =
  "North Korea’s Kim Jong Un rolled through Russia on an armored train Tuesday toward a meeting with President Vladimir Putin, a rare encounter between isolated leaders driven together by their need for support in escalating standoffs with the West.";
const LEDE_AP_REWRITE =
  "North Korea’s Kim Jong Un rolled into Russia on an armoured train Tuesday to see President Vladimir Putin, a rare encounter between isolated leaders driven together by their need for support in escalating standoffs with the West.";
const PUTIN_ARRIVED = "Putin arrived in the eastern city of Vladivostok on Monday to attend an international forum that runs through Wednesday.";

const BODY_A = ["Russian Defense Minister Sergei Shoigu will be part of the Russian delegation, Peskov said."];
const BODY_B = ["The summit comes as Washington warns against any arms deal."];

function together(stories: FactStory[], a: [string, number], b: [string, number]): boolean {
  const { clusters } = alignStories(stories);
  const find = ([id, i]: [string, number]) => clusters.find((c) => c.members.some((m) => m.storyId === id && m.sentence === i));
  return find(a) === find(b);
}

describe("ledes of stories of one event", () => {
  it("open on the same fact when their opening clauses share the actors and a word of what happened", () => {
    expect(compareSentences(LEDE_001, LEDE_002).same).toBe(false);
    expect(sharesLedeOpening(profileSentence(LEDE_001), profileSentence(LEDE_002))).toBe(true);
    expect(sharesLedeOpening(profileSentence(PUTIN_ARRIVED), profileSentence(LEDE_002))).toBe(false);
  });

  it("are one fact though the pair decision keeps them apart, and only as ledes", () => {
    expect(together([story("a", [LEDE_001, ...BODY_A]), story("b", [LEDE_002, ...BODY_B])], ["a", 0], ["b", 0])).toBe(true);
    // The same two sentences further down their stories are not known to state the story's main fact.
    expect(together([story("a", [...BODY_A, LEDE_001]), story("b", [...BODY_B, LEDE_002])], ["a", 1], ["b", 1])).toBe(false);
  });

  it("stay apart when they are about someone else", () => {
    expect(together([story("a", [PUTIN_ARRIVED, ...BODY_A]), story("b", [LEDE_002, ...BODY_B])], ["a", 0], ["b", 0])).toBe(false);
  });

  it("are worded as the lede the other reports back most, with no dispute over what only one lede adds", () => {
    const stories = [
      story("000", [LEDE_AP, ...BODY_A], { agency: "AP" }),
      story("001", [LEDE_001, ...BODY_B], { agency: "AP" }),
      story("004", [LEDE_AP_REWRITE], { agency: "AFP" }),
    ];
    const result = consolidate(stories);
    const lede = result.draft.paragraphs.flat().find((f) => f.sources.some((s) => s.storyId === "001" && s.sentence === 0));
    expect(lede?.text).toBe(LEDE_AP);
    expect(lede?.sources.map((s) => s.storyId).sort()).toEqual(["000", "001", "004"]);
    // "its war in Ukraine." and "standoffs with the West." end different statements: not two places for one fact.
    expect(lede?.disputedBy).toEqual([]);
    expect(result.clusters.flatMap((c) => c.discrepancies)).toEqual([]);
  });
});
