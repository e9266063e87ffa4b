import { describe, expect, it } from "vitest";
import type { FactStory } from "@/lib/domain/facts/types";
import { groupWireSentences, sentenceKey } from "@/lib/domain/story/wire-facts";

function wire(id: string, agency: string | null, texts: string[]): FactStory {
  let at = 0;
  const sentences = texts.map((text, paragraph) => {
    const start = at;
    at += text.length + 1;
    return { start, end: start + text.length, text, paragraph };
  });
  return { id, agency, headline: null, date: "2023-09-12", sentences };
}

const AP = wire("ap", "AP", [
  "North Korea’s Kim Jong Un rolled through Russia on an armored train Tuesday toward a meeting with President Vladimir Putin.",
  "Kim is expected to seek economic aid and military technology for his impoverished country.",
  "The Kremlin said the two leaders would dine together after the talks.",
]);
const AFP = wire("afp", "AFP", [
  "Kim is expected to seek economic aid and military technology for his impoverished country.",
  "A brass band played as the train pulled into the station at Khasan.",
]);
const PAPER = wire("paper", null, [
  "North Korea’s Kim Jong Un rolled into Russia on an armoured train Tuesday toward a meeting with President Vladimir Putin.",
  "Kim is expected to seek economic aid and military technology for his impoverished country.",
]);

const key = (w: FactStory, n: number) => sentenceKey(w.id, w.sentences[n]!.start, w.sentences[n]!.end);

describe("groupWireSentences", () => {
  const groups = groupWireSentences([AP, AFP, PAPER]);

  it("gives the sentences of one fact one group number in every wire, numbered in reading order", () => {
    expect(groups.get(key(AP, 0))).toEqual({ group: 0, alsoIn: ["paper"], otherValueIn: [] });
    expect(groups.get(key(PAPER, 0))).toEqual({ group: 0, alsoIn: ["ap"], otherValueIn: [] });
    expect(groups.get(key(AP, 1))).toEqual({ group: 1, alsoIn: ["afp", "paper"], otherValueIn: [] });
    expect(groups.get(key(AFP, 0))!.group).toBe(1);
    expect(groups.get(key(PAPER, 1))!.group).toBe(1);
  });

  it("leaves out sentences that no other wire states", () => {
    expect(groups.has(key(AP, 2))).toBe(false);
    expect(groups.has(key(AFP, 1))).toBe(false);
    expect(groups.size).toBe(5);
  });

  it("numbers the groups by the wires' order, whatever order the engine found them in", () => {
    const reversed = groupWireSentences([PAPER, AFP, AP]);
    expect(reversed.get(key(PAPER, 0))!.group).toBe(0);
    expect(reversed.get(key(PAPER, 1))!.group).toBe(1);
    expect(reversed.get(key(AP, 1))!.alsoIn).toEqual(["paper", "afp"]);
  });

  it("does not count a wire that tells the fact with another value as saying it, and quotes its value", () => {
    const evacuation = (id: string, agency: string, text: string) => wire(id, agency, [text]);
    const ap = evacuation("ap", "AP", "About 900 people were evacuated from the flooded villages near Lake Maggiore on Tuesday, officials said.");
    const afp = evacuation("afp", "AFP", "Some 1,200 people were evacuated from the flooded villages near Lake Maggiore on Wednesday, officials said.");
    const paper = evacuation("paper", "Reuters", "About 900 people were evacuated from the flooded villages near Lake Maggiore on Tuesday, local officials said.");
    const told = groupWireSentences([ap, afp, paper]);
    const apGroup = told.get(key(ap, 0))!;
    expect(apGroup.alsoIn).toEqual(["paper"]);
    // Each value as AFP's sentence writes it, with where that sentence is.
    const afpSentence = { wireStoryId: "afp", start: 0, end: afp.sentences[0]!.end };
    expect(apGroup.otherValueIn).toEqual([
      { ...afpSentence, value: "1,200 people" },
      { ...afpSentence, value: "Wednesday" },
    ]);
    const afpGroup = told.get(key(afp, 0))!;
    expect(afpGroup.group).toBe(apGroup.group);
    expect(afpGroup.alsoIn).toEqual([]);
    expect(afpGroup.otherValueIn.map((other) => [other.wireStoryId, other.value])).toEqual([
      ["ap", "900 people"],
      ["ap", "Tuesday"],
      ["paper", "900 people"],
      ["paper", "Tuesday"],
    ]);
  });
});
