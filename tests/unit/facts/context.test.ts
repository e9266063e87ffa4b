import { describe, expect, it } from "vitest";
import { alignStories, compareSentences, consolidate, LINK_THRESHOLD, type FactStory } from "@/lib/domain/facts";
import { story } from "./helpers";

// Two wires' reports of one fact, too reworded for the pair decision on its own (traveled aboard /
// boarded, KCNA / Korean Central News Agency), from the sample stories.
const KCNA_SHORT = "KCNA said Kim had traveled aboard his personal armored train accompanied by members of the ruling party, government, and military.";
const KCNA_LONG =
  "North Korea’s official Korean Central News Agency said Kim boarded his personal train bound for Russia on Sunday afternoon, accompanied by members of the ruling party, government and military.";

const OTHER_A = [
  "Putin is expected to press Kim for artillery shells to use in the war in Ukraine.",
  "The two leaders last met in Vladivostok in 2019.",
];
const OTHER_B = [
  "Russian Defense Minister Sergei Shoigu will be part of the Russian delegation, Peskov said.",
  "The summit comes as Washington warns against any arms deal.",
];

function clusterOf(stories: FactStory[], a: [string, number], b: [string, number]) {
  const { clusters } = alignStories(stories);
  const find = ([id, i]: [string, number]) => clusters.find((c) => c.members.some((m) => m.storyId === id && m.sentence === i));
  return { together: find(a) === find(b), cluster: find(a)! };
}

describe("links from the stories' context", () => {
  it("links two sentences that are each other's best match across two stories, though the pair decision alone does not", () => {
    const pair = compareSentences(KCNA_SHORT, KCNA_LONG);
    expect(pair.same).toBe(false);
    expect(pair.score).toBeGreaterThanOrEqual(LINK_THRESHOLD / 2);

    const stories = [story("a", [...OTHER_A, KCNA_SHORT]), story("b", [KCNA_LONG, ...OTHER_B])];
    const { together, cluster } = clusterOf(stories, ["a", 2], ["b", 0]);
    expect(together).toBe(true);
    expect(cluster.links.map((l) => l.reason)).toEqual(["context"]);
  });

  it("does not link them when one is a closer match to another sentence of the other story", () => {
    const closer = "KCNA said Kim had traveled aboard his personal armored train with members of the ruling party, the government and the military.";
    const stories = [story("a", [...OTHER_A, KCNA_SHORT]), story("b", [KCNA_LONG, closer, ...OTHER_B])];
    expect(clusterOf(stories, ["a", 2], ["b", 0]).together).toBe(false);
    expect(clusterOf(stories, ["a", 2], ["b", 1]).together).toBe(true);
  });

  it("does not link sentences about different people or sources, however alike their wording", () => {
    const left = "The Korean Central News Agency said Kim then left for his destination, but it didn’t specify where.";
    const right = "Peskov said Putin and Kim will meet after the Vladivostok forum, but the reports didn’t specify when or where.";
    expect(compareSentences(left, right).score).toBeGreaterThanOrEqual(LINK_THRESHOLD / 2);
    const stories = [story("a", [...OTHER_A, left]), story("b", [right, ...OTHER_B])];
    expect(clusterOf(stories, ["a", 2], ["b", 0]).together).toBe(false);
  });

  it("does not link sentences that name no one: a shared name anchors the link", () => {
    const left = "Agencies still would be able to voluntarily engage in the consultation process, the secretary emphasized.";
    const right = "“That's what the consultation process does.";
    const pair = compareSentences(left, right);
    expect(pair.same).toBe(false);
    expect(pair.score).toBeGreaterThanOrEqual(LINK_THRESHOLD / 2);
    const stories = [story("a", [left]), story("b", [right])];
    expect(clusterOf(stories, ["a", 0], ["b", 0]).together).toBe(false);
  });

  it("cites the wire that credits KCNA for the fact the Korean Central News Agency reported, with no conflict of sources", () => {
    const stories = [story("a", [...OTHER_A, KCNA_SHORT], { agency: "AP" }), story("b", [KCNA_LONG, ...OTHER_B], { agency: "AFP" })];
    const result = consolidate(stories);
    const fact = result.draft.paragraphs.flat().find((f) => f.sources.some((s) => s.storyId === "b" && s.sentence === 0));
    expect(fact?.sources.map((s) => s.storyId).sort()).toEqual(["a", "b"]);
    expect(fact?.disputedBy).toEqual([]);
    expect(result.clusters.flatMap((c) => c.discrepancies)).toEqual([]);
  });

  describe("one happening: the same day, who and where", () => {
    // Two wires' reports of Kim's arrival at Khasan, from the sample stories: "arrived" / "train stopped", a date / a weekday.
    const KCNA_KHASAN =
      "North Korea's official Korean Central News Agency (KCNA) announced that Kim had arrived early on September 12 at Khasan, a settlement farther south, on the Tumen River in Russia's Primorsky region, where the Russian, Chinese, and North Korean borders converge.";
    const AP_KHASAN = "Kim’s personal train stopped in Khasan, a station on the Russia-North Korea border, early Tuesday where it was met by a military honor guard and a brass band.";
    const stories = (apSentence: string, dates: { a?: string; b?: string } = { b: "2023-09-12" }) => [
      story("a", [...OTHER_A, KCNA_KHASAN], { date: dates.a ?? null }),
      story("b", [apSentence, ...OTHER_B], { date: dates.b ?? null }),
    ];

    it("links two sentences that name the same day and share who and where, though they score far below the context threshold", () => {
      expect(compareSentences(KCNA_KHASAN, AP_KHASAN).score).toBeLessThan(LINK_THRESHOLD / 2);
      const { together, cluster } = clusterOf(stories(AP_KHASAN), ["a", 2], ["b", 0]);
      expect(together).toBe(true);
      expect(cluster.links.map((l) => l.reason)).toEqual(["context"]);
    });

    it("reads a date without a year in the year of a story that has a date", () => {
      expect(clusterOf(stories(AP_KHASAN, { a: "2023-09-13" }), ["a", 2], ["b", 0]).together).toBe(true);
      // No story has a date: September 12 falls on no known weekday, and the day is no evidence.
      expect(clusterOf(stories(AP_KHASAN, {}), ["a", 2], ["b", 0]).together).toBe(false);
    });

    it("does not link them when the days differ", () => {
      const otherDay = AP_KHASAN.replace("early Tuesday", "early Wednesday");
      expect(clusterOf(stories(otherDay), ["a", 2], ["b", 0]).together).toBe(false);
    });
  });

  describe("one speaker's words relayed by different sources", () => {
    // From the sample stories: AP credits North Korea's news agency, 001 credits Yonhap; both quote Kim.
    const AP_QUOTE =
      "Kim said his decision to visit Russia four years after his previous visit — his first foreign trip since the COVID-19 pandemic — showed how Pyongyang is “prioritizing the strategic importance” of its relations with Moscow, North Korea’s official news agency said Wednesday.";
    const YONHAP_QUOTE = "The South Korean news agency Yonhap quoted Kim as saying his first trip to Russia in four years was a clear show of strategic importance.";

    it("links them: the names only one has are the sources it credits, and both credit Kim", () => {
      const pair = compareSentences(AP_QUOTE, YONHAP_QUOTE);
      expect(pair.same).toBe(false);
      expect(pair.score).toBeGreaterThanOrEqual(LINK_THRESHOLD / 2);
      const stories = [story("a", [...OTHER_A, AP_QUOTE], { agency: "AP" }), story("b", [YONHAP_QUOTE, ...OTHER_B], { agency: "AFP" })];
      expect(clusterOf(stories, ["a", 2], ["b", 0]).together).toBe(true);
      const fact = consolidate(stories).draft.paragraphs.flat().find((f) => f.sources.some((s) => s.storyId === "b" && s.sentence === 0));
      expect(fact?.sources.map((s) => s.storyId).sort()).toEqual(["a", "b"]);
      expect(fact?.disputedBy).toEqual([]);
    });

    it("does not link them when the relayed speaker is someone else", () => {
      const putin = YONHAP_QUOTE.replace("quoted Kim as saying his", "quoted Putin as saying Kim's");
      const stories = [story("a", [...OTHER_A, AP_QUOTE]), story("b", [putin, ...OTHER_B])];
      expect(clusterOf(stories, ["a", 2], ["b", 0]).together).toBe(false);
    });
  });

  describe("the same people since the same moment", () => {
    // From the sample stories: "first trip since" and "has not travelled since" state one fact.
    const FIRST_SINCE = "Kim is making his first foreign trip since the pandemic, during which North Korea imposed tight border controls for more than three years.";
    const NOT_SINCE = "Kim has not travelled outside of North Korea since before the Covid-19 pandemic.";
    const stories = (left: string, right: string) => [story("a", [...OTHER_A, left]), story("b", [right, ...OTHER_B])];

    it("links them, though they score far below the context threshold and only one names Covid-19", () => {
      expect(compareSentences(FIRST_SINCE, NOT_SINCE).score).toBeLessThan(LINK_THRESHOLD / 2);
      const { together, cluster } = clusterOf(stories(FIRST_SINCE, NOT_SINCE), ["a", 2], ["b", 0]);
      expect(together).toBe(true);
      expect(cluster.links.map((l) => l.reason)).toEqual(["context"]);
    });

    it("does not link them when they count from different moments", () => {
      const other = NOT_SINCE.replace("since before the Covid-19 pandemic", "since his father's death");
      expect(clusterOf(stories(FIRST_SINCE, other), ["a", 2], ["b", 0]).together).toBe(false);
      // "Early" places a moment without saying which.
      const early = [FIRST_SINCE.replace("the pandemic", "early May"), NOT_SINCE.replace("before the Covid-19 pandemic", "early December")] as const;
      expect(clusterOf(stories(...early), ["a", 2], ["b", 0]).together).toBe(false);
    });

    it("does not link them when the shorter names someone the other does not, outside the moment", () => {
      const putin = NOT_SINCE.replace("Kim has", "Putin has");
      expect(clusterOf(stories(FIRST_SINCE, putin), ["a", 2], ["b", 0]).together).toBe(false);
    });
  });
});
