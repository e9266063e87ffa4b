import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareSentences, LINK_THRESHOLD } from "@/lib/domain/facts";
import { PAIR_MODEL } from "@/lib/domain/facts/pair-model";
import { FEATURE_NAMES } from "@/lib/domain/facts/features";

const same = (a: string, b: string) => compareSentences(a, b);

describe("the pair decision", () => {
  it("links near-verbatim copies, with spelling variants, units and typos", () => {
    expect(same("Many had assumed he and Putin would meet in Vladivostok, a Russian city close to the border.", "Many had assumed Kim and Putin would meet in Vladisvostok, a Russian city close to the border.")).toMatchObject({ same: true });
    expect(same("The launch facility is about 900 kilometers (550 miles) northwest of Ussuriysk.", "The launching facility is about 900 km (550 miles) northwest of Ussuriysk.")).toMatchObject({ same: true });
    expect(same("Kim rolled into Russia on an armoured train on Tuesday to see President Vladimir Putin.", "Kim rolled into Russia on an armored train on Tuesday to see President Vladimir Putin.").reason).toBe("near-verbatim");
  });

  it("links paraphrases", () => {
    const d = same("At the forum, Putin declined to say what he intended to do there.", "Putin declined during the forum to say what he intended to do there.");
    expect(d.same).toBe(true);
    expect(d.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });

  it("links a sentence to one that contains its fact plus more", () => {
    const d = same(
      "Kim is expected to seek economic aid and military technology for his isolated country.",
      "Kim is expected to seek economic aid and military technology for his impoverished country, and, in a twist, appears to have something Putin desperately needs: munitions for Russia's war in Ukraine.",
    );
    expect(d).toMatchObject({ same: true, reason: "containment" });
  });

  it("links sentences that share their main clause or a quotation", () => {
    expect(
      same(
        "Peskov said Putin and Kim will meet after the Vladivostok forum, but the reports didn't specify when or where.",
        "Peskov said Putin and Kim will meet after the Vladivostok forum, and that the meeting would include a lunch in Kim's honour.",
      ),
    ).toMatchObject({ same: true, reason: "shared-clause" });
    expect(
      same(
        'State Department spokesman Matthew Miller said Washington will monitor the meeting closely, reminding both countries that "any transfer of arms from North Korea to Russia would be a violation of multiple U.N. Security Council resolutions."',
        'Miller renewed US warnings that a Moscow weapons deal with Pyongyang could trigger sanctions, noting: "any transfer of arms from North Korea to Russia would be in violation of multiple United Nations Security Council resolutions."',
      ),
    ).toMatchObject({ same: true });
  });

  it("links a sentence that another repeats word for word inside more, however it is punctuated", () => {
    expect(same("comcast hit with fcc's biggest cable fine", "comcast hit with fcc's biggest cable fine comcast is being forced to pay the largest fine the fcc has ever imposed")).toMatchObject({ same: true, reason: "containment" });
    // Four content words are a topic, not a fact of their own.
    expect(same("Kim boarded his train", "Kim boarded his train after the talks collapsed and Putin left").reason).not.toBe("containment");
  });

  it("does not link sentences that only share a topic or an entity", () => {
    expect(same("Putin arrived in Vladivostok.", "Kim arrived in Russia.").same).toBe(false);
    expect(same("Putin arrived in the eastern city of Vladivostok on Monday to attend an international forum.", "North Korean leader Kim Jong Un arrived in Russia ahead of an expected meeting with Putin.").same).toBe(false);
    expect(same("Russian Defense Minister Sergei Shoigu will be part of the Russian delegation, Peskov said.", "Deputy foreign minister Andrei Rudenko said Russia may discuss humanitarian aid with the North Korean delegation.").same).toBe(false);
  });

  it("links the same fact with a different figure, so the difference can be flagged", () => {
    expect(same("The US has sent weapons to Ukraine in the past 17 months, officials said.", "The US has sent weapons to Ukraine in the past 18 months, officials said.").same).toBe(true);
  });

  it("is symmetric and bounded", () => {
    // "journey", "trip", "travel", "tour" and "ride" are related to one another in WordNet in
    // overlapping ways: greedy matching must not depend on which sentence comes first.
    const words = ["Kim", "Putin", "arrived", "in", "Russia", "train", "the", "forum", "on", "Tuesday", "said", "17", "months", "Vladivostok", "meeting", "journey", "trip", "travel", "tour", "ride", "came"];
    const sentence = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 14 }).map((w) => w.join(" ") + ".");
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        const x = same(a, b);
        const y = same(b, a);
        expect(x.score).toBe(y.score);
        expect(x.same).toBe(y.same);
        expect(x.score).toBeGreaterThanOrEqual(0);
        expect(x.score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it("uses a model trained on exactly the features the engine computes", () => {
    expect(PAIR_MODEL.featureNames).toEqual([...FEATURE_NAMES]);
    expect(PAIR_MODEL.weights).toHaveLength(FEATURE_NAMES.length);
    expect(PAIR_MODEL.threshold).toBeGreaterThan(0);
    expect(PAIR_MODEL.threshold).toBeLessThan(1);
  });
});
