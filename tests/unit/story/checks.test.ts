import { describe, expect, it } from "vitest";
import { citedTexts, factBadges, unsupportedMentions } from "@/lib/domain/story";
import { makeDiscrepancy, makeFact, src } from "./support";

const texts = (mentions: ReturnType<typeof unsupportedMentions>) => mentions.map((m) => `${m.kind}:${m.text}`);

describe("unsupportedMentions", () => {
  const sources = [
    "The US derided the summit as a sign that Putin was begging for help with his 17-month-long assault on Ukraine.",
    "Officials said the war in Ukraine has lasted 17 months.",
  ];

  it("flags a number the sources state differently", () => {
    const mentions = unsupportedMentions("Putin has waged an 18-month assault on Ukraine.", sources);
    expect(texts(mentions)).toEqual(["number:18-month"]);
    expect(mentions[0]).toMatchObject({ start: 19, end: 27 });
    expect(unsupportedMentions("Putin has waged a 17-month assault on Ukraine.", sources)).toEqual([]);
  });

  const distance = "The train crossed the Razdolnaya River, about 60 kilometres north of Vladivostok.";
  const greeted = "He was met on a red carpet by regional Gov. Oleg Kozhemyako and Natural Resources Minister Alexander Kozlov.";
  const arrival = "Russia's RIA Novosti showed Kim arriving after dark on September 12, 2023 at a station near Vladivostok.";

  // [what the case shows, the fact's text, the source sentences, the unsupported mentions as kind:text]
  it.each<[string, string, string[], string[]]>([
    ["the same distance in km", "The train crossed the river 60 km north of Vladivostok.", [distance], []],
    ["the same distance spelled otherwise", "The train crossed the river 60 kilometers north of Vladivostok.", [distance], []],
    ["another distance", "The train crossed the river 80 km north of Vladivostok.", [distance], ["number:80 km"]],
    ["a person the source names", "Kim was greeted by Oleg Kozhemyako at the station.", [greeted], []],
    ["a person no source names", "Kim was greeted by Defence Minister Sergei Shoigu at the station.", [greeted], ["name:Defence Minister Sergei Shoigu"]],
    ["a title the source leaves out (not a new name)", "Kim was greeted by Governor Oleg Kozhemyako at the station.", [greeted], []],
    ["a date without the year", "Kim arrived on 12 September.", [arrival], []],
    ["the year alone", "Kim's visit in 2023 was his first since the pandemic began.", [arrival], []],
    ["another date", "Kim arrived on September 13.", [arrival], ["date:September 13"]],
    ["another weekday", "Kim arrived on Wednesday evening.", ["Kim arrived on Tuesday."], ["date:Wednesday"]],
    ["another count", "The convoy had 42 carriages.", ["The convoy had 40 carriages."], ["number:42 carriages"]],
    ["a count worded with another noun", "Around 500 residents gathered.", ["About 500 people gathered at the station."], []],
    ["another bare figure", "The vote was 42.", ["The vote was 41."], ["number:42"]],
    ["plain prose", "the talks went on late into the night.", ["Talks ended early."], []],
  ])("%s", (_case, text, source, expected) => {
    expect(texts(unsupportedMentions(text, source))).toEqual(expected);
  });

  it("lists each unsupported mention once, in text order; everything when there is no source", () => {
    const mentions = unsupportedMentions("Kim met Sergei Shoigu on Wednesday and met Sergei Shoigu again after 3 hours.", []);
    expect(texts(mentions)).toEqual(["name:Sergei Shoigu", "date:Wednesday", "number:3 hours"]);
  });
});

describe("citedTexts", () => {
  it("slices the cited sentences out of the wire stories, skipping unknown stories", () => {
    const stories = new Map([["w1", "First sentence. Second sentence."]]);
    expect(citedTexts([src("w1", 16, 32), src("w9", 0, 5), src("w1", 0, 15)], (id) => stories.get(id))).toEqual(["Second sentence.", "First sentence."]);
  });
});

describe("factBadges", () => {
  it("single-sourced: exactly one distinct wire story", () => {
    expect(factBadges(makeFact("a", { sources: [src("w1", 0, 5), src("w1", 10, 20)] })).singleSourced).toBe(true);
    expect(factBadges(makeFact("a", { sources: [src("w1", 0, 5), src("w2", 0, 5)] })).singleSourced).toBe(false);
    expect(factBadges(makeFact("a", { sources: [], ownReportingNote: "Seen." })).singleSourced).toBe(false);
  });

  it("disputed while a discrepancy is unresolved; own reporting when there is a note", () => {
    const resolved = makeDiscrepancy("x2", { resolution: { chosenSide: 0, note: null, resolvedBy: "u", resolvedAt: "2023-09-13T00:00:00Z" } });
    expect(factBadges(makeFact("a", { discrepancies: [resolved] }))).toEqual({ singleSourced: true, disputed: false, ownReporting: false });
    expect(factBadges(makeFact("a", { discrepancies: [resolved, makeDiscrepancy("x1")], ownReportingNote: "Called them." }))).toEqual({
      singleSourced: true,
      disputed: true,
      ownReporting: true,
    });
  });
});
