import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffAfter, diffBefore } from "@/lib/domain/diff";
import { diffSentences, wordSimilarity, type SentenceRow } from "@/lib/domain/diff/sentences";

const V1 = ["Kim arrived in Russia on Tuesday.", "About 900 people were evacuated.", "Putin is in Vladivostok.", "The talks start on Wednesday."];

function sides(rows: SentenceRow[]) {
  return {
    before: rows.flatMap((row) => (row.kind === "same" ? [row.text] : row.kind === "added" ? [] : [row.before])),
    after: rows.flatMap((row) => (row.kind === "same" ? [row.text] : row.kind === "removed" ? [] : [row.after])),
  };
}

describe("diffSentences", () => {
  it("keeps unchanged sentences, shows a reworded one word by word, and names what was dropped and added", () => {
    const v2 = ["Kim arrived in Russia on Tuesday.", "About 1,200 people were evacuated.", "The talks start on Wednesday.", "Kremlin officials declined to comment."];
    const rows = diffSentences(V1, v2);
    expect(rows.map((row) => row.kind)).toEqual(["same", "changed", "removed", "same", "added"]);
    const changed = rows[1] as Extract<SentenceRow, { kind: "changed" }>;
    expect(changed.words.filter((s) => s.op !== "equal").map((s) => `${s.op}:${s.text}`)).toEqual(["delete:900", "insert:1,200"]);
    expect(diffBefore(changed.words)).toBe(V1[1]);
    expect(diffAfter(changed.words)).toBe(v2[1]);
  });

  it("does not take two different sentences for one reworded sentence", () => {
    const rows = diffSentences(["The dam held."], ["Officials gave no figure for those who left."]);
    expect(rows.map((row) => row.kind)).toEqual(["removed", "added"]);
  });

  it("reads as all the same for identical versions, and as all added from nothing", () => {
    expect(diffSentences(V1, V1).every((row) => row.kind === "same")).toBe(true);
    expect(diffSentences([], V1).map((row) => row.kind)).toEqual(["added", "added", "added", "added"]);
  });

  it("always puts back both versions, in order", () => {
    const sentence = fc.constantFrom(...V1, "About 1,200 people were evacuated.", "Kremlin officials declined to comment.", "Putin is in Moscow.");
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 12 }), fc.array(sentence, { maxLength: 12 }), (a, b) => {
        expect(sides(diffSentences(a, b))).toEqual({ before: a, after: b });
      }),
      { numRuns: 500 },
    );
  });
});

describe("wordSimilarity", () => {
  it("is 1 for the same words in any case and 0 with none in common", () => {
    expect(wordSimilarity("About 900 people", "about 900 PEOPLE")).toBe(1);
    expect(wordSimilarity("The dam held", "Officials declined")).toBe(0);
    expect(wordSimilarity("", "text")).toBe(0);
  });
});
