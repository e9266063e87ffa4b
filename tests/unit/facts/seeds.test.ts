import { beforeAll, describe, expect, it } from "vitest";
import { consolidate, type Consolidation } from "@/lib/domain/facts";
import { normalizeForMatching } from "@/lib/domain/text";
import { goldLinker, loadSeeds, MUST_LINK, MUST_NOT_LINK, type GoldPair, type SeedSet } from "../../../scripts/lib/seed-gold";
import { expectOneClusterPerSentence } from "./helpers";

describe("the five seed stories", () => {
  let seeds: SeedSet;
  let result: Consolidation;
  let linked: (g: GoldPair) => boolean;

  beforeAll(() => {
    seeds = loadSeeds();
    result = consolidate(seeds.stories);
    linked = goldLinker(seeds.stories, result);
  });

  it.each(MUST_LINK.map((g) => [g.why, g] as const))("links %s", (_why, g) => {
    expect(linked(g)).toBe(true);
  });

  it.each(MUST_NOT_LINK.map((g) => [g.why, g] as const))("keeps apart: %s", (_why, g) => {
    expect(linked(g)).toBe(false);
  });

  it("puts every sentence in exactly one cluster, at most one per story", () => {
    expectOneClusterPerSentence(seeds.stories, result);
  });

  it("drafts every fact once, with all its sources", () => {
    const facts = result.draft.paragraphs.flat();
    const sourcesInDraft = new Map<string, number>();
    for (const f of facts) for (const s of f.sources) sourcesInDraft.set(`${s.storyId}:${s.sentence}`, (sourcesInDraft.get(`${s.storyId}:${s.sentence}`) ?? 0) + 1);
    // Every sentence of every story supports exactly one sentence of the draft.
    for (const story of seeds.stories) story.sentences.forEach((_, i) => expect(sourcesInDraft.get(`${story.id}:${i}`), `${story.id}:${i}`).toBe(1));
    // And each draft sentence is worded as one of its sources says it.
    for (const f of facts) {
      const wording = seeds.stories.find((s) => s.id === f.wordingFrom.storyId)!.sentences[f.wordingFrom.sentence]!;
      expect(f.text).toBe(wording.text.replace(/\s+/g, " ").trim());
      expect(f.sources.some((s) => s.storyId === f.wordingFrom.storyId && s.sentence === f.wordingFrom.sentence)).toBe(true);
      expect(f.singleSource).toBe(new Set(f.sources.map((s) => s.storyId)).size === 1);
    }
  });

  it("opens with the best-corroborated lede and credits the agencies", () => {
    expect(result.draft.lede).not.toBeNull();
    expect(result.draft.paragraphs[0]).toEqual([result.draft.lede]);
    expect(result.draft.lede!.text).toContain("Kim Jong Un");
    expect(new Set(result.draft.lede!.sources.map((s) => s.storyId)).size).toBeGreaterThanOrEqual(3);
    expect(result.draft.headline.length).toBeGreaterThan(10);
    expect(result.draft.creditLine).toMatch(/^Compiled from AP, AFP and other reports$/);
  });

  it("keeps a passage the sources tell alike together, so its references keep their antecedents", () => {
    // AP (000) and its rewrite (004) both tell these three one after the other; "there" is the
    // spaceport, and "the launch facility" is too.
    const facts = result.draft.paragraphs.flat().map((f) => f.text);
    const at = (start: string) => facts.findIndex((t) => t.startsWith(start));
    const spaceport = at("Some Russian news media speculate he is headed for the Vostochny spaceport");
    expect(spaceport).toBeGreaterThan(0);
    expect(at("At the forum, Putin declined to say what he intended to do there.")).toBe(spaceport + 1);
    expect(at("The launch facility is about 900 kilometers")).toBe(spaceport + 2);
  });

  it("keeps boilerplate out of the draft", () => {
    const text = normalizeForMatching(result.draft.paragraphs.flat().map((f) => f.text).join(" "));
    for (const phrase of ["Subscribe Now", "We need your help now", "Alamy Stock Photo", "© AFP", "premium stories", "date 2023-09-12"]) {
      expect(text).not.toContain(normalizeForMatching(phrase));
    }
  });

  it("finds no conflicts where the reports agree (units, spellings, dates)", () => {
    expect(result.clusters.flatMap((c) => c.discrepancies)).toEqual([]);
  });
});
