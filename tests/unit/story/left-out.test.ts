import { describe, expect, it } from "vitest";
import { applyOperation } from "@/lib/domain/story";
import { leftOutSentences } from "@/lib/domain/story/left-out";
import { makeDoc, makeFact, src } from "./support";

const wires = [
  { id: "ap", sentences: [{ index: 0, start: 0, end: 40 }, { index: 1, start: 41, end: 80 }] },
  { id: "afp", sentences: [{ index: 0, start: 0, end: 44 }, { index: 1, start: 45, end: 90 }] },
];

describe("leftOutSentences", () => {
  const doc = makeDoc([
    [
      "p1",
      [
        makeFact("a", { text: "About 900 people left on Tuesday.", sources: [src("ap", 0, 40)], disputedBy: [{ ...src("afp", 0, 44), value: "1,200 people" }, { ...src("afp", 0, 44), value: "Wednesday" }] }),
        makeFact("b", { sources: [src("ap", 41, 80)] }),
      ],
    ],
  ]);

  it("lists every sentence no fact cites, with the values a disputing one states and the fact it disputes", () => {
    expect(leftOutSentences(doc, wires)).toEqual([
      {
        wireStoryId: "afp",
        index: 0,
        start: 0,
        end: 44,
        reason: "disputes Fact 1: states “1,200 people”, “Wednesday”",
        disputes: [
          { factId: "a", value: "1,200 people" },
          { factId: "a", value: "Wednesday" },
        ],
      },
      { wireStoryId: "afp", index: 1, start: 45, end: 90, reason: "in no fact", disputes: [] },
    ]);
  });

  it("brings a sentence back when the fact citing it is deleted, and drops it once a fact cites it", () => {
    const deleted = applyOperation(doc, { type: "deleteFact", factId: "b", baseVersion: 1 }).doc;
    expect(leftOutSentences(deleted, wires).map((s) => [s.wireStoryId, s.index])).toEqual([
      ["ap", 1],
      ["afp", 0],
      ["afp", 1],
    ]);
    const added = applyOperation(doc, { type: "addFact", factId: "c", paragraphId: "p1", afterFactId: "b", text: "Other.", sources: [src("afp", 45, 90)], ownReportingNote: null }).doc;
    expect(leftOutSentences(added, wires).map((s) => [s.wireStoryId, s.index])).toEqual([["afp", 0]]);
  });
});
