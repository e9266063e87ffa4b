import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { consolidate, type Consolidation } from "@/lib/domain/facts";
import { expectOneClusterPerSentence, story } from "./helpers";

/** Sentences about one event: copies, paraphrases, different facts sharing entities, figures and dates. */
const POOL = [
  "North Korea's Kim Jong Un rolled through Russia on an armored train Tuesday toward a meeting with President Vladimir Putin.",
  "North Korea's Kim Jong Un arrived in Russia on Tuesday for a meeting with President Vladimir Putin.",
  "Kim is expected to seek economic aid and military technology for his isolated country.",
  "Kim is expected to seek economic aid and military technology for his impoverished country, and appears to have munitions Putin needs.",
  "Putin arrived in the eastern city of Vladivostok on Monday to attend an international forum.",
  "Kremlin spokesman Dmitry Peskov confirmed only that Kim has entered Russia.",
  "Kremlin spokesman Dmitry Peskov on September 12 confirmed that Kim had entered Russia.",
  "The US has sent weapons to Ukraine in the past 17 months, officials said.",
  "The US has sent weapons to Ukraine in the past 18 months, officials said.",
  "Yonhap published a photo of the train in Ussuriysk, a city about 60 kilometers (about 40 miles) north of Vladivostok.",
  "Yonhap published a photo of the train in Ussuriysk, a city about 60 kilometres north of Vladivostok.",
  "Kim boarded his personal train bound for Russia on Sunday afternoon, state media said.",
  "Kim boarded his personal train bound for Russia on Monday afternoon, state media said.",
  "Russian Defense Minister Sergei Shoigu will be part of the Russian delegation, Peskov said.",
  "“We urge the DPRK to abide by its commitments,” said White House spokesperson Adrienne Watson.",
  "Any arms deal with North Korea would violate the sanctions, which Russia supported in the past.",
];

const storySet = fc
  .array(fc.array(fc.tuple(fc.integer({ min: 0, max: POOL.length - 1 }), fc.boolean()), { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 5 })
  .map((bodies) =>
    bodies.map((body, s) =>
      story(
        `story-${String.fromCharCode(97 + s)}`,
        // Some sentences lose their second word: near-verbatim copies.
        body.map(([i, cut]) => (cut ? POOL[i]!.split(" ").filter((_, w) => w !== 1).join(" ") : POOL[i]!)),
        { agency: s % 2 === 0 ? "AP" : null, date: s === 0 ? "2023-09-12" : null },
      ),
    ),
  );

/** Everything in a result that must not depend on input order, in a comparable form. */
function canonical(result: Consolidation): unknown {
  return {
    clusters: result.clusters.map((c) => ({ id: c.id, members: c.members, links: c.links, discrepancies: c.discrepancies })),
    draft: result.draft,
  };
}

describe("consolidation properties", () => {
  it("puts every sentence in exactly one cluster, one sentence per story at most", () => {
    fc.assert(
      fc.property(storySet, (stories) => {
        expectOneClusterPerSentence(stories, consolidate(stories));
      }),
      { numRuns: 60 },
    );
  });

  it("gives the same result whatever the order of the stories", () => {
    fc.assert(
      fc.property(
        storySet.chain((stories) => fc.tuple(fc.constant(stories), fc.shuffledSubarray(stories, { minLength: stories.length, maxLength: stories.length }))),
        ([stories, shuffled]) => {
          expect(canonical(consolidate(shuffled))).toEqual(canonical(consolidate(stories)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reports offsets that point into the stories", () => {
    fc.assert(
      fc.property(storySet, (stories) => {
        const result = consolidate(stories);
        const byId = new Map(stories.map((s) => [s.id, s]));
        const members = new Set<string>();
        for (const c of result.clusters) {
          for (const m of c.members) {
            const sentence = byId.get(m.storyId)!.sentences[m.sentence]!;
            expect([m.start, m.end]).toEqual([sentence.start, sentence.end]);
            expect(byId.get(m.storyId)!.text.slice(m.start, m.end)).toBe(sentence.text);
            members.add(`${m.storyId}:${m.sentence}`);
          }
          for (const d of c.discrepancies) {
            for (const side of d.sides) {
              for (const m of side.mentions) {
                expect(m.spanStart).toBeGreaterThanOrEqual(m.start);
                expect(m.spanEnd).toBeLessThanOrEqual(m.end);
                expect(byId.get(m.storyId)!.text.slice(m.spanStart, m.spanEnd)).toBe(m.text);
              }
            }
          }
        }
        for (const f of result.draft.paragraphs.flat()) for (const s of f.sources) expect(members.has(`${s.storyId}:${s.sentence}`)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
