/**
 * Nothing is lost: every sentence of every story's cleaned body is cited by a draft fact (as its
 * wording or a source) or listed in `leftOut` with a reason, never both; a fact never cites a
 * sentence that disputes it. Checked on the sample stories (any subset, any order, the demo's
 * fictional wire included), on every parsable wire-format example, and on the ECB+ clusters.
 */
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/domain/errors";
import { consolidate, type Consolidation, type FactStory } from "@/lib/domain/facts";
import { ecbTopics, storyFromFile } from "../../../scripts/lib/fact-stories";
import { REPO_ROOT, seedFiles } from "../../../scripts/lib/shared-folder";
import { describeWithCorpus } from "../../support/shared-folder";
import { walkFiles } from "../../support/files";

const DEMO_WIRE = path.join(REPO_ROOT, "prisma", "seed-data", "demo", "fictional-wire.txt");

const key = (storyId: string, sentence: number) => `${storyId}\u0000${sentence}`;

function expectNothingLost(stories: readonly FactStory[], result: Consolidation): void {
  const cited = new Set<string>();
  for (const fact of result.draft.paragraphs.flat()) {
    const sources = new Set(fact.sources.map((s) => key(s.storyId, s.sentence)));
    expect(sources.has(key(fact.wordingFrom.storyId, fact.wordingFrom.sentence)), `fact ${fact.clusterId} is worded from a sentence it cites`).toBe(true);
    for (const d of fact.disputedBy) expect(sources.has(key(d.storyId, d.sentence)), `fact ${fact.clusterId} cites a sentence that disputes it`).toBe(false);
    for (const s of sources) cited.add(s);
  }
  const leftOut = new Set<string>();
  for (const l of result.draft.leftOut) {
    expect(l.reason.trim()).not.toBe("");
    expect(cited.has(key(l.storyId, l.sentence)), "a sentence is both cited and left out").toBe(false);
    leftOut.add(key(l.storyId, l.sentence));
  }
  const lost: string[] = [];
  for (const story of stories) {
    story.sentences.forEach((sentence, i) => {
      if (!cited.has(key(story.id, i)) && !leftOut.has(key(story.id, i))) lost.push(`${story.id}: ${sentence.text}`);
    });
  }
  expect(lost).toEqual([]);
}

const seeds: FactStory[] = seedFiles().map((file) => storyFromFile(path.basename(file), file));
// The demo's fictional wire (see prisma/seed-data/README.md): written to disagree with the samples.
const demoWires: FactStory[] = [storyFromFile("demo/fictional-wire.txt", DEMO_WIRE)];

describe("nothing is lost: the sample stories", () => {
  it("accounts for every body sentence of the five samples, the AFP standfirst cited", () => {
    const result = consolidate(seeds);
    expectNothingLost(seeds, result);
    const afp = seeds.find((s) => s.id.startsWith("003"))!;
    const standfirst = afp.sentences.findIndex((s) => s.text.startsWith("Experts suggest Putin is seeking artillery shells and antitank missiles from North Korea for Moscow’s war on Ukraine."));
    expect(standfirst).toBeGreaterThanOrEqual(0);
    const citing = result.draft.paragraphs.flat().filter((f) => f.sources.some((s) => s.storyId === afp.id && s.sentence === standfirst));
    expect(citing).toHaveLength(1);
    expect(citing[0]!.text).toContain("Experts suggest Putin is seeking artillery shells");
  });

  it("holds for any subset of the samples and the demo wire, in any order", () => {
    const pool = [...seeds, ...demoWires];
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: 1 }), (stories) => {
        expectNothingLost(stories, consolidate(stories));
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

describeWithCorpus("wire-formats", "nothing is lost: the wire-format examples", (WIRE_FORMATS) => {
  it("accounts for every body sentence of every parsable example, consolidated by format", () => {
    const byFormat = new Map<string, FactStory[]>();
    for (const file of walkFiles(WIRE_FORMATS).filter((f) => !f.endsWith(".md")).sort()) {
      let story: FactStory;
      try {
        story = storyFromFile(path.relative(WIRE_FORMATS, file), file);
      } catch (error) {
        if (isAppError(error)) continue; // refused formats say why; they have no body to lose
        throw error;
      }
      const format = path.relative(WIRE_FORMATS, file).split(path.sep)[0]!;
      byFormat.set(format, [...(byFormat.get(format) ?? []), story]);
    }
    expect(byFormat.size).toBeGreaterThanOrEqual(3);
    expect([...byFormat.values()].flat().length).toBeGreaterThan(20);
    for (const stories of byFormat.values()) expectNothingLost(stories, consolidate(stories));
  }, 120_000);
});

describeWithCorpus("news-clusters/ecbplus", "nothing is lost: the ECB+ clusters", (ECB) => {
  it("accounts for every body sentence of every cluster text, both events of a topic together", () => {
    const topics = ecbTopics(ECB);
    expect(topics.length).toBeGreaterThan(40);
    for (const stories of topics) expectNothingLost(stories, consolidate(stories));
  }, 300_000);
});
