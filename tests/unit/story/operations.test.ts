import { describe, expect, it } from "vitest";
import {
  applyOperation,
  applyOperations,
  documentProblems,
  parseStoryOperation,
  parseStoryOperations,
  submitOperation,
  submitOperations,
  type StoryOperation,
} from "@/lib/domain/story";
import { stampResolutions } from "@/lib/domain/story/session";
import type { SourceRef, StoryDocument } from "@/lib/domain/story/types";
import { content, deepFreeze, expectAppError, factById, factIds, makeDiscrepancy, makeDoc, makeFact, sampleDoc, src } from "./support";

/** Applies, checks the invariants every result keeps, and that the inverse restores the original. */
function apply(doc: StoryDocument, op: StoryOperation) {
  deepFreeze(doc);
  const result = applyOperation(doc, op);
  expect(documentProblems(result.doc)).toEqual([]);
  const back = applyOperations(result.doc, result.inverse);
  expect(content(back.doc)).toEqual(content(doc));
  return result;
}

describe("editText", () => {
  it("changes the text, bumps the version and shares everything else", () => {
    const doc = sampleDoc();
    const r = apply(doc, { type: "editText", factId: "c", baseVersion: 1, text: "The train crossed the Razdolnaya River." });
    const c = factById(r.doc, "c");
    expect(c.text).toBe("The train crossed the Razdolnaya River.");
    expect(c.version).toBe(2);
    expect(c.sources).toBe(factById(doc, "c").sources);
    expect(r.touched).toEqual(["c"]);
    expect(r.doc.paragraphs[1]).toBe(doc.paragraphs[1]);
    expect(factById(r.doc, "a")).toBe(factById(doc, "a"));
    expect(r.inverse).toEqual([{ type: "editText", factId: "c", baseVersion: 2, text: "The train crossed the river." }]);
  });

  it("refuses empty text, unknown facts and stale versions", () => {
    const doc = sampleDoc();
    expectAppError(() => applyOperation(doc, { type: "editText", factId: "c", baseVersion: 1, text: "  \n" }), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, { type: "editText", factId: "zz", baseVersion: 1, text: "x" }), "NOT_FOUND");
    expectAppError(() => applyOperation(doc, { type: "editText", factId: "d", baseVersion: 3, text: "x" }), "CONFLICT");
    expectAppError(() => applyOperation(doc, { type: "editText", factId: "c", baseVersion: -1, text: "x" }), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, { type: "editText", factId: "c", baseVersion: 1, text: "x".repeat(5001) }), "INVALID_INPUT");
  });
});

describe("setMeta", () => {
  it("changes only the given fields and bumps metaVersion", () => {
    const doc = sampleDoc();
    const r = apply(doc, { type: "setMeta", baseMetaVersion: 1, headline: "Kim meets Putin", dateline: null });
    expect(r.doc).toMatchObject({ headline: "Kim meets Putin", standfirst: "", dateline: null, metaVersion: 2 });
    expect(r.inverse).toEqual([{ type: "setMeta", baseMetaVersion: 2, headline: "Kim arrives in Russia", dateline: "SEOUL" }]);
    expect(r.touched).toEqual([]);
  });

  it("refuses a stale metaVersion, an empty change and a blank dateline", () => {
    const doc = sampleDoc();
    expectAppError(() => applyOperation(doc, { type: "setMeta", baseMetaVersion: 0, headline: "x" }), "CONFLICT");
    expectAppError(() => applyOperation(doc, { type: "setMeta", baseMetaVersion: 1 }), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, { type: "setMeta", baseMetaVersion: 1, dateline: " " }), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, { type: "setMeta", baseMetaVersion: 1, headline: "h".repeat(301) }), "INVALID_INPUT");
  });
});

describe("addFact", () => {
  const add = (extra: Partial<Extract<StoryOperation, { type: "addFact" }>> = {}): StoryOperation => ({
    type: "addFact",
    factId: "n",
    paragraphId: "p1",
    afterFactId: "a",
    text: "Kim was met by a brass band.",
    sources: [src("w2", 60, 90)],
    ownReportingNote: null,
    ...extra,
  });

  it("inserts after the anchor, at the start, or into an empty paragraph, at version 1", () => {
    const doc = sampleDoc();
    const r = apply(doc, add());
    expect(factIds(r.doc)).toEqual([["a", "n", "b", "c"], ["d"], []]);
    expect(factById(r.doc, "n")).toMatchObject({ version: 1, discrepancies: [], ownReportingNote: null });
    expect(r.inverse).toEqual([{ type: "deleteFact", factId: "n", baseVersion: 1 }]);
    expect(r.touched).toEqual(["n"]);
    expect(factIds(apply(doc, add({ afterFactId: null })).doc)[0]).toEqual(["n", "a", "b", "c"]);
    expect(factIds(apply(doc, add({ paragraphId: "p3", afterFactId: null })).doc)[2]).toEqual(["n"]);
  });

  it("accepts a fact without sources when it has an own-reporting note", () => {
    const r = apply(sampleDoc(), add({ sources: [], ownReportingNote: "Our reporter was at the station." }));
    expect(factById(r.doc, "n").ownReportingNote).toBe("Our reporter was at the station.");
  });

  it("continues from previousVersion when re-creating a deleted fact", () => {
    expect(factById(apply(sampleDoc(), add({ previousVersion: 7 })).doc, "n").version).toBe(8);
  });

  it("refuses a fact with neither source nor note, a taken id, a missing paragraph or anchor, empty text", () => {
    const doc = sampleDoc();
    expectAppError(() => applyOperation(doc, add({ sources: [], ownReportingNote: null })), "UNPROCESSABLE");
    expectAppError(() => applyOperation(doc, add({ sources: [], ownReportingNote: "   " })), "UNPROCESSABLE");
    expectAppError(() => applyOperation(doc, add({ factId: "b" })), "CONFLICT");
    expectAppError(() => applyOperation(doc, add({ paragraphId: "p9" })), "NOT_FOUND");
    expectAppError(() => applyOperation(doc, add({ afterFactId: "d" })), "CONFLICT");
    expectAppError(() => applyOperation(doc, add({ text: "" })), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, add({ sources: [src("w1", 5, 5)] })), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, add({ sources: [src("w1", 0, 5), src("w1", 0, 5)] })), "INVALID_INPUT");
  });
});

describe("deleteFact", () => {
  it("removes the fact; undo puts it back in place, at a higher version", () => {
    const doc = sampleDoc();
    const r = apply(doc, { type: "deleteFact", factId: "b", baseVersion: 1 });
    expect(factIds(r.doc)[0]).toEqual(["a", "c"]);
    expect(r.inverse).toEqual([
      {
        type: "addFact",
        factId: "b",
        paragraphId: "p1",
        afterFactId: "a",
        text: "The embassy confirmed the visit.",
        sources: [],
        ownReportingNote: "Called the embassy at 10:00.",
        discrepancies: [],
        previousVersion: 1,
      },
    ]);
    expect(factById(applyOperations(r.doc, r.inverse).doc, "b").version).toBe(2);
  });

  it("leaves an empty paragraph when the last fact goes", () => {
    expect(factIds(apply(sampleDoc(), { type: "deleteFact", factId: "d", baseVersion: 4 }).doc)).toEqual([["a", "b", "c"], [], []]);
  });

  it("refuses unknown facts and stale versions", () => {
    expectAppError(() => applyOperation(sampleDoc(), { type: "deleteFact", factId: "q", baseVersion: 1 }), "NOT_FOUND");
    expectAppError(() => applyOperation(sampleDoc(), { type: "deleteFact", factId: "d", baseVersion: 1 }), "CONFLICT");
  });
});

describe("mergeFacts", () => {
  it("joins texts, unites sources and discrepancies, keeps the first id and removes the second", () => {
    const doc = makeDoc([
      [
        "p1",
        [
          makeFact("a", { text: "Kim arrived. ", sources: [src("w1", 0, 10), src("w2", 0, 9)], discrepancies: [makeDiscrepancy("x1")] }),
          makeFact("b", { text: "He met Putin.", sources: [src("w2", 0, 9), src("w3", 5, 20)], discrepancies: [makeDiscrepancy("x1"), makeDiscrepancy("x2")], version: 3 }),
        ],
      ],
    ]);
    const r = apply(doc, { type: "mergeFacts", first: { factId: "a", baseVersion: 1 }, second: { factId: "b", baseVersion: 3 } });
    expect(factIds(r.doc)).toEqual([["a"]]);
    const merged = factById(r.doc, "a");
    expect(merged.text).toBe("Kim arrived. He met Putin.");
    expect(merged.sources).toEqual([src("w1", 0, 10), src("w2", 0, 9), src("w3", 5, 20)]);
    expect(merged.discrepancies.map((d) => d.id)).toEqual(["x1", "x2"]);
    expect(merged.version).toBe(2);
    expect(r.touched).toEqual(["a", "b"]);
  });

  it("merges across paragraphs and keeps both own-reporting notes", () => {
    const doc = sampleDoc();
    const r = apply(doc, { type: "mergeFacts", first: { factId: "d", baseVersion: 4 }, second: { factId: "b", baseVersion: 1 } });
    expect(factIds(r.doc)).toEqual([["a", "c"], ["d"], []]);
    expect(factById(r.doc, "d")).toMatchObject({ text: "Putin waited in Vladivostok. The embassy confirmed the visit.", ownReportingNote: "Called the embassy at 10:00." });
  });

  it("refuses merging a fact with itself, unknown facts and stale versions", () => {
    const doc = sampleDoc();
    expectAppError(() => applyOperation(doc, { type: "mergeFacts", first: { factId: "a", baseVersion: 1 }, second: { factId: "a", baseVersion: 1 } }), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, { type: "mergeFacts", first: { factId: "a", baseVersion: 1 }, second: { factId: "zz", baseVersion: 1 } }), "NOT_FOUND");
    expectAppError(() => applyOperation(doc, { type: "mergeFacts", first: { factId: "a", baseVersion: 1 }, second: { factId: "d", baseVersion: 2 } }), "CONFLICT");
  });
});

describe("splitFact", () => {
  const doc = () =>
    makeDoc([
      [
        "p1",
        [
          makeFact("a", {
            text: "Kim arrived on Tuesday. The war has lasted 17 months.",
            sources: [src("w1", 0, 60), src("w2", 0, 58)],
            discrepancies: [makeDiscrepancy("x1")],
          }),
          makeFact("b"),
        ],
      ],
    ]);

  it("splits at a character index: both parts keep the sources, the discrepancy follows its text", () => {
    const r = apply(doc(), { type: "splitFact", factId: "a", baseVersion: 1, newFactId: "a2", at: 23 });
    expect(factIds(r.doc)).toEqual([["a", "a2", "b"]]);
    const [first, second] = [factById(r.doc, "a"), factById(r.doc, "a2")];
    expect(first).toMatchObject({ text: "Kim arrived on Tuesday.", version: 2, discrepancies: [] });
    expect(second).toMatchObject({ text: "The war has lasted 17 months.", version: 1, sources: first.sources });
    expect(second.discrepancies.map((d) => d.id)).toEqual(["x1"]);
    expect(r.touched).toEqual(["a", "a2"]);
  });

  it("splits into two given texts", () => {
    const r = apply(doc(), { type: "splitFact", factId: "a", baseVersion: 1, newFactId: "a2", at: { first: "Kim arrived on Tuesday.", second: "The war is 17 months old." } });
    expect(factById(r.doc, "a2").text).toBe("The war is 17 months old.");
  });

  it("refuses split points that leave an empty part, a taken id, a stale version", () => {
    expectAppError(() => applyOperation(doc(), { type: "splitFact", factId: "a", baseVersion: 1, newFactId: "a2", at: 0 }), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc(), { type: "splitFact", factId: "a", baseVersion: 1, newFactId: "a2", at: 200 }), "INVALID_INPUT");
    expectAppError(() => applyOperation(makeDoc([["p", [makeFact("a", { text: "Kim   " })]]]), { type: "splitFact", factId: "a", baseVersion: 1, newFactId: "a2", at: 4 }), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc(), { type: "splitFact", factId: "a", baseVersion: 1, newFactId: "a2", at: { first: "Kim.", second: " " } }), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc(), { type: "splitFact", factId: "a", baseVersion: 1, newFactId: "b", at: 23 }), "CONFLICT");
    expectAppError(() => applyOperation(doc(), { type: "splitFact", factId: "a", baseVersion: 1, newFactId: "a", at: 23 }), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc(), { type: "splitFact", factId: "a", baseVersion: 2, newFactId: "a2", at: 23 }), "CONFLICT");
  });
});

describe("moveFact", () => {
  it("reorders within a paragraph", () => {
    const r = apply(sampleDoc(), { type: "moveFact", factId: "a", baseVersion: 1, toParagraphId: "p1", afterFactId: "c" });
    expect(factIds(r.doc)[0]).toEqual(["b", "c", "a"]);
    expect(factById(r.doc, "a").version).toBe(2);
    expect(r.inverse).toEqual([{ type: "moveFact", factId: "a", baseVersion: 2, toParagraphId: "p1", afterFactId: null }]);
  });

  it("moves between paragraphs, to the start or after a fact", () => {
    expect(factIds(apply(sampleDoc(), { type: "moveFact", factId: "c", baseVersion: 1, toParagraphId: "p2", afterFactId: null }).doc)).toEqual([["a", "b"], ["c", "d"], []]);
    expect(factIds(apply(sampleDoc(), { type: "moveFact", factId: "b", baseVersion: 1, toParagraphId: "p2", afterFactId: "d" }).doc)).toEqual([["a", "c"], ["d", "b"], []]);
    expect(factIds(apply(sampleDoc(), { type: "moveFact", factId: "b", baseVersion: 1, toParagraphId: "p3", afterFactId: null }).doc)).toEqual([["a", "c"], ["d"], ["b"]]);
  });

  it("refuses an anchor elsewhere, a missing paragraph, a stale version, itself as anchor", () => {
    const doc = sampleDoc();
    expectAppError(() => applyOperation(doc, { type: "moveFact", factId: "a", baseVersion: 1, toParagraphId: "p2", afterFactId: "c" }), "CONFLICT");
    expectAppError(() => applyOperation(doc, { type: "moveFact", factId: "a", baseVersion: 1, toParagraphId: "p7", afterFactId: null }), "NOT_FOUND");
    expectAppError(() => applyOperation(doc, { type: "moveFact", factId: "a", baseVersion: 0, toParagraphId: "p2", afterFactId: null }), "CONFLICT");
    expectAppError(() => applyOperation(doc, { type: "moveFact", factId: "a", baseVersion: 1, toParagraphId: "p1", afterFactId: "a" }), "INVALID_INPUT");
  });
});

describe("paragraphs", () => {
  it("adds a paragraph at the start or after another, and removes an empty one", () => {
    const doc = sampleDoc();
    const added = apply(doc, { type: "addParagraph", paragraphId: "p9", afterParagraphId: "p1" });
    expect(added.doc.paragraphs.map((p) => p.id)).toEqual(["p1", "p9", "p2", "p3"]);
    expect(added.inverse).toEqual([{ type: "removeEmptyParagraph", paragraphId: "p9" }]);
    expect(apply(doc, { type: "addParagraph", paragraphId: "p0", afterParagraphId: null }).doc.paragraphs[0]!.id).toBe("p0");
    const removed = apply(doc, { type: "removeEmptyParagraph", paragraphId: "p3" });
    expect(removed.doc.paragraphs.map((p) => p.id)).toEqual(["p1", "p2"]);
    expect(removed.inverse).toEqual([{ type: "addParagraph", paragraphId: "p3", afterParagraphId: "p2" }]);
  });

  it("refuses a taken id, a missing anchor, removing a paragraph with facts or one that does not exist", () => {
    const doc = sampleDoc();
    expectAppError(() => applyOperation(doc, { type: "addParagraph", paragraphId: "p2", afterParagraphId: null }), "CONFLICT");
    expectAppError(() => applyOperation(doc, { type: "addParagraph", paragraphId: "p9", afterParagraphId: "p8" }), "CONFLICT");
    expectAppError(() => applyOperation(doc, { type: "removeEmptyParagraph", paragraphId: "p2" }), "CONFLICT");
    expectAppError(() => applyOperation(doc, { type: "removeEmptyParagraph", paragraphId: "p8" }), "NOT_FOUND");
  });
});

describe("sources", () => {
  it("attaches at the end or at an index, and detaches", () => {
    const doc = sampleDoc();
    const atEnd = apply(doc, { type: "attachSource", factId: "c", baseVersion: 1, source: src("w4", 3, 9) });
    expect(factById(atEnd.doc, "c").sources).toEqual([src("w1", 41, 80), src("w4", 3, 9)]);
    expect(atEnd.inverse).toEqual([{ type: "detachSource", factId: "c", baseVersion: 2, source: src("w4", 3, 9) }]);
    const atStart = apply(doc, { type: "attachSource", factId: "c", baseVersion: 1, source: src("w4", 3, 9), index: 0 });
    expect(factById(atStart.doc, "c").sources[0]).toEqual(src("w4", 3, 9));
    const detached = apply(doc, { type: "detachSource", factId: "a", baseVersion: 1, source: src("w1", 0, 40) });
    expect(factById(detached.doc, "a").sources).toEqual([src("w2", 10, 50)]);
    expect(detached.inverse).toEqual([{ type: "attachSource", factId: "a", baseVersion: 2, source: src("w1", 0, 40), index: 0 }]);
  });

  it("gives an own-reporting fact its first source, and lets a noted fact lose its last one", () => {
    const doc = sampleDoc();
    const r = apply(doc, { type: "attachSource", factId: "b", baseVersion: 1, source: src("w2", 0, 9) });
    apply(r.doc, { type: "detachSource", factId: "b", baseVersion: 2, source: src("w2", 0, 9) });
  });

  it("refuses a duplicate source, a bad range, detaching an uncited source or the last evidence", () => {
    const doc = sampleDoc();
    expectAppError(() => applyOperation(doc, { type: "attachSource", factId: "a", baseVersion: 1, source: src("w1", 0, 40) }), "UNPROCESSABLE");
    expectAppError(() => applyOperation(doc, { type: "attachSource", factId: "a", baseVersion: 1, source: src("w1", 9, 3) }), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, { type: "attachSource", factId: "a", baseVersion: 1, source: src("w4", 0, 3), index: 5 }), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, { type: "detachSource", factId: "a", baseVersion: 1, source: src("w4", 0, 3) }), "NOT_FOUND");
    expectAppError(() => applyOperation(doc, { type: "detachSource", factId: "c", baseVersion: 1, source: src("w1", 41, 80) }), "UNPROCESSABLE");
    expectAppError(() => applyOperation(doc, { type: "detachSource", factId: "c", baseVersion: 0, source: src("w1", 41, 80) }), "CONFLICT");
  });
});

describe("discrepancies", () => {
  const resolve = (extra: Partial<Extract<StoryOperation, { type: "resolveDiscrepancy" }>> = {}): StoryOperation => ({
    type: "resolveDiscrepancy",
    factId: "a",
    baseVersion: 1,
    discrepancyId: "x1",
    chosenSide: 0,
    note: null,
    by: "u-editor",
    at: "2023-09-13T09:30:00.000Z",
    ...extra,
  });

  it("resolves with a note only; undo reopens", () => {
    const noted = apply(sampleDoc(), resolve({ chosenSide: null, note: "Ministry says 17." }));
    const a = factById(noted.doc, "a");
    expect(a.discrepancies[0]!.resolution).toEqual({ chosenSide: null, note: "Ministry says 17.", resolvedBy: "u-editor", resolvedAt: "2023-09-13T09:30:00.000Z" });
    expect(a.text).toBe("Kim has been at war for 17 months.");
    expect(a.sources).toEqual(factById(sampleDoc(), "a").sources);
    expect(noted.inverse).toEqual([{ type: "reopenDiscrepancy", factId: "a", baseVersion: 2, discrepancyId: "x1" }]);
  });

  it("choosing a side rewrites the value in the text; its wires support the fact, the others dispute it; one undo puts all back", () => {
    const doc = makeDoc([
      [
        "p1",
        [
          makeFact("a", {
            text: "About 900 people were evacuated on Tuesday.",
            sources: [src("ap", 0, 40), src("rt", 0, 42)],
            disputedBy: [src("afp", 0, 44)].map((s) => ({ ...s, value: "1,200 people" })),
            discrepancies: [
              makeDiscrepancy("x1", {
                sides: [
                  { value: "900 people", sources: [src("ap", 0, 40), src("rt", 0, 42)] },
                  { value: "1,200 people", sources: [src("afp", 0, 44)] },
                ],
              }),
            ],
          }),
        ],
      ],
    ]);
    const r = apply(doc, resolve({ chosenSide: 1 }));
    const a = factById(r.doc, "a");
    expect(a.text).toBe("About 1,200 people were evacuated on Tuesday.");
    expect(a.sources).toEqual([src("afp", 0, 44)]);
    expect(a.disputedBy).toEqual([
      { ...src("ap", 0, 40), value: "900 people" },
      { ...src("rt", 0, 42), value: "900 people" },
    ]);
    expect(a.discrepancies[0]!.resolution).toMatchObject({ chosenSide: 1, resolvedBy: "u-editor" });
    expect(r.inverse).toHaveLength(1);
    expect(r.inverse[0]).toMatchObject({ type: "restoreFact", factId: "a" });
    // Choosing the value the text already states keeps the text and the majority as sources.
    const kept = apply(doc, resolve({ chosenSide: 0 }));
    expect(factById(kept.doc, "a")).toMatchObject({ text: doc.paragraphs[0]!.facts[0]!.text, sources: [src("ap", 0, 40), src("rt", 0, 42)] });
    expect(factById(kept.doc, "a").disputedBy).toEqual([{ ...src("afp", 0, 44), value: "1,200 people" }]);
  });

  it("a wire that still disputes another value of the fact does not become its source; the same wires' other disagreements are chosen with it", () => {
    const fact = (wednesday: SourceRef[]) =>
      makeFact("a", {
        text: "About 900 people were evacuated on Tuesday.",
        sources: [src("ap", 0, 40), src("rt", 0, 42)],
        disputedBy: [
          { ...src("afp", 0, 44), value: "1,200 people" },
          { ...src("afp", 0, 44), value: "Wednesday" },
        ],
        discrepancies: [
          makeDiscrepancy("x1", { sides: [{ value: "900 people", sources: [src("ap", 0, 40), src("rt", 0, 42)] }, { value: "1,200 people", sources: [src("afp", 0, 44)] }] }),
          makeDiscrepancy("x2", { kind: "weekday", sides: [{ value: "Tuesday", sources: [src("ap", 0, 40), src("rt", 0, 42)] }, { value: "Wednesday", sources: wednesday }] }),
        ],
      });
    // AFP states both other values: choosing its figure chooses its weekday too, or no wire would state the fact.
    const r = apply(makeDoc([["p1", [fact([src("afp", 0, 44)])]]]), resolve({ chosenSide: 1 }));
    const a = factById(r.doc, "a");
    expect(a.text).toBe("About 1,200 people were evacuated on Wednesday.");
    expect(a.sources).toEqual([src("afp", 0, 44)]);
    expect(a.disputedBy?.map((d) => [d.wireStoryId, d.value])).toEqual([
      ["ap", "900 people"],
      ["rt", "900 people"],
      ["ap", "Tuesday"],
      ["rt", "Tuesday"],
    ]);
    expect(a.discrepancies.map((d) => d.resolution?.chosenSide)).toEqual([1, 1]);
    expect(r.inverse).toEqual([{ type: "restoreFact", factId: "a", baseVersion: 2, content: expect.objectContaining({ text: "About 900 people were evacuated on Tuesday." }) }]);
    // When the other disagreement is not the same wires', nothing can be chosen along: refused, nothing changes.
    const other = makeDoc([["p1", [fact([src("afp", 0, 44), src("dpa", 0, 30)])]]]);
    expectAppError(() => applyOperation(other, resolve({ chosenSide: 1 })), "UNPROCESSABLE");
    // With an own-reporting note the fact keeps its evidence, and only the chosen value changes.
    const noted = makeDoc([["p1", [{ ...fact([src("afp", 0, 44), src("dpa", 0, 30)]), ownReportingNote: "Police confirmed 1,200 to our reporter." }]]]);
    const n = factById(apply(noted, resolve({ chosenSide: 1 })).doc, "a");
    expect(n.text).toBe("About 1,200 people were evacuated on Tuesday.");
    expect(n.sources).toEqual([]);
    expect(n.disputedBy?.map((d) => [d.wireStoryId, d.value])).toEqual([
      ["afp", "Wednesday"],
      ["ap", "900 people"],
      ["rt", "900 people"],
    ]);
  });

  it("a measure and its conversion are resolved together, whichever side is chosen", () => {
    const majority = [src("ap", 0, 90), src("rt", 0, 88)];
    const demo = [src("demo", 0, 95)];
    const doc = makeDoc([
      [
        "p1",
        [
          makeFact("a", {
            text: "The launch facility is about 900 kilometers (550 miles) northwest of Ussuriysk on Tuesday.",
            sources: majority,
            disputedBy: [
              { ...demo[0]!, value: "1,200 kilometers" },
              { ...demo[0]!, value: "750 miles" },
              { ...demo[0]!, value: "Wednesday" },
            ],
            discrepancies: [
              makeDiscrepancy("km", { sides: [{ value: "900 kilometers / 900 km", sources: majority, stated: ["900 kilometers", "900 km"] }, { value: "1,200 kilometers", sources: demo }] }),
              makeDiscrepancy("mi", { sides: [{ value: "550 miles", sources: majority }, { value: "750 miles", sources: demo }] }),
              makeDiscrepancy("day", { kind: "weekday", sides: [{ value: "Tuesday", sources: majority }, { value: "Wednesday", sources: demo }] }),
            ],
          }),
        ],
      ],
    ]);
    const resolutions = (r: ReturnType<typeof apply>) => factById(r.doc, "a").discrepancies.map((d) => d.resolution?.chosenSide ?? null);
    // The value the text already states: its conversion is resolved with it, the text and sources stay, one undo step.
    const kept = apply(doc, resolve({ discrepancyId: "km", chosenSide: 0 }));
    expect(factById(kept.doc, "a")).toMatchObject({ text: doc.paragraphs[0]!.facts[0]!.text, sources: majority });
    expect(resolutions(kept)).toEqual([0, 0, null]);
    expect(factById(kept.doc, "a").discrepancies[1]!.resolution).toEqual({ chosenSide: 0, note: null, resolvedBy: "u-editor", resolvedAt: "2023-09-13T09:30:00.000Z" });
    expect(kept.inverse).toEqual([{ type: "restoreFact", factId: "a", baseVersion: 2, content: expect.objectContaining({ discrepancies: doc.paragraphs[0]!.facts[0]!.discrepancies }) }]);
    // The same from the conversion's side.
    expect(resolutions(apply(doc, resolve({ discrepancyId: "mi", chosenSide: 0 })))).toEqual([0, 0, null]);
    // The other value rewrites both numbers in one step.
    const changed = apply(doc, resolve({ discrepancyId: "km", chosenSide: 1 }));
    expect(factById(changed.doc, "a").text).toBe("The launch facility is about 1,200 kilometers (750 miles) northwest of Ussuriysk on Wednesday.");
    expect(resolutions(changed)[1]).toBe(1);
    // Each wire that now disputes the fact is quoted with its own words, not the side's joined ones.
    expect(factById(changed.doc, "a").disputedBy?.map((d) => [d.wireStoryId, d.value])).toEqual([
      ["ap", "900 kilometers"],
      ["rt", "900 km"],
      ["ap", "550 miles"],
      ["rt", "550 miles"],
      ["ap", "Tuesday"],
      ["rt", "Tuesday"],
    ]);
  });

  it("never cites a sentence that disputes the fact", () => {
    const doc = makeDoc([["p1", [makeFact("a", { sources: [src("ap", 0, 40)], disputedBy: [{ ...src("afp", 0, 44), value: "1,200 people" }] })]]]);
    expectAppError(() => applyOperation(doc, { type: "attachSource", factId: "a", baseVersion: 1, source: src("afp", 0, 44) }), "UNPROCESSABLE");
    expectAppError(
      () => applyOperation(doc, { type: "addFact", factId: "n", paragraphId: "p1", afterFactId: null, text: "New.", sources: [src("afp", 0, 44)], ownReportingNote: null, disputedBy: [{ ...src("afp", 0, 44), value: "x" }] }),
      "UNPROCESSABLE",
    );
    expectAppError(
      () => applyOperation(doc, { type: "addFact", factId: "n", paragraphId: "p1", afterFactId: null, text: "New.", sources: [src("ap", 0, 40)], ownReportingNote: null, disputedBy: [{ ...src("afp", 0, 44), value: " " }] }),
      "INVALID_INPUT",
    );
    // Undo of a delete brings the disputing sources back with the fact.
    const deleted = apply(doc, { type: "deleteFact", factId: "a", baseVersion: 1 });
    expect(deleted.inverse[0]).toMatchObject({ type: "addFact", disputedBy: [{ ...src("afp", 0, 44), value: "1,200 people" }] });
  });

  it("re-resolving keeps the previous resolution for undo; reopening clears it and keeps the text", () => {
    const first = applyOperation(sampleDoc(), resolve());
    const second = apply(first.doc, resolve({ baseVersion: 2, chosenSide: null, note: "Checked.", by: "u-chief" }));
    expect(second.inverse[0]).toMatchObject({ type: "restoreFact", content: { discrepancies: [{ resolution: { chosenSide: 0, resolvedBy: "u-editor" } }] } });
    const noted = applyOperation(sampleDoc(), resolve({ chosenSide: null, note: "First look." }));
    const renoted = apply(noted.doc, resolve({ baseVersion: 2, chosenSide: null, note: "Checked.", by: "u-chief" }));
    expect(renoted.inverse[0]).toMatchObject({ type: "resolveDiscrepancy", chosenSide: null, note: "First look.", by: "u-editor" });
    const reopened = apply(first.doc, { type: "reopenDiscrepancy", factId: "a", baseVersion: 2, discrepancyId: "x1" });
    expect(factById(reopened.doc, "a").discrepancies[0]!.resolution).toBeNull();
    expect(factById(reopened.doc, "a").text).toBe(factById(first.doc, "a").text);
  });

  it("refuses no side and no note, a side out of range, unknown discrepancies, bad timestamps, reopening an open one", () => {
    const doc = sampleDoc();
    expectAppError(() => applyOperation(doc, resolve({ chosenSide: null, note: " " })), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, resolve({ chosenSide: 2 })), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, resolve({ discrepancyId: "x9" })), "NOT_FOUND");
    expectAppError(() => applyOperation(doc, resolve({ at: "yesterday" })), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, resolve({ by: "" })), "INVALID_INPUT");
    expectAppError(() => applyOperation(doc, { type: "reopenDiscrepancy", factId: "a", baseVersion: 1, discrepancyId: "x1" }), "UNPROCESSABLE");
  });
});

describe("setOwnReportingNote and restoreFact", () => {
  it("sets and clears a note where the fact keeps a source", () => {
    const doc = sampleDoc();
    const set = apply(doc, { type: "setOwnReportingNote", factId: "c", baseVersion: 1, note: "Confirmed by our correspondent." });
    expect(factById(set.doc, "c").ownReportingNote).toBe("Confirmed by our correspondent.");
    const cleared = apply(set.doc, { type: "setOwnReportingNote", factId: "c", baseVersion: 2, note: "  " });
    expect(factById(cleared.doc, "c").ownReportingNote).toBeNull();
  });

  it("refuses clearing the note of a fact without sources", () => {
    expectAppError(() => applyOperation(sampleDoc(), { type: "setOwnReportingNote", factId: "b", baseVersion: 1, note: null }), "UNPROCESSABLE");
  });

  it("refuses a discrepancy side that does not give one stated value per source", () => {
    const sides = (stated: unknown) => [
      { value: "900 kilometers / 900 km", sources: [src("w9", 1, 2), src("w8", 1, 2)], stated },
      { value: "1,200 km", sources: [src("w7", 1, 2)] },
    ];
    const restore = (stated: unknown) =>
      applyOperation(sampleDoc(), {
        type: "restoreFact",
        factId: "c",
        baseVersion: 1,
        content: { text: "Restored.", sources: [src("w9", 1, 2)], ownReportingNote: null, discrepancies: [makeDiscrepancy("d1", { sides: sides(stated) as never })] },
      });
    expectAppError(() => restore(["900 kilometers"]), "INVALID_INPUT");
    expectAppError(() => restore(["900 kilometers", " "]), "INVALID_INPUT");
    expect(factById(restore(["900 kilometers", "900 km"]).doc, "c").discrepancies[0]!.sides[0]!.stated).toEqual(["900 kilometers", "900 km"]);
  });

  it("restores a fact's whole content, with the evidence rule", () => {
    const doc = sampleDoc();
    const r = apply(doc, { type: "restoreFact", factId: "c", baseVersion: 1, content: { text: "Restored.", sources: [src("w9", 1, 2)], ownReportingNote: null, discrepancies: [] } });
    expect(factById(r.doc, "c")).toEqual({ id: "c", text: "Restored.", sources: [src("w9", 1, 2)], ownReportingNote: null, discrepancies: [], version: 2 });
    expectAppError(() => applyOperation(doc, { type: "restoreFact", factId: "c", baseVersion: 1, content: { text: "x", sources: [], ownReportingNote: null, discrepancies: [] } }), "UNPROCESSABLE");
  });
});

describe("applyOperations", () => {
  it("is all or nothing", () => {
    const doc = deepFreeze(sampleDoc());
    expectAppError(
      () =>
        applyOperations(doc, [
          { type: "editText", factId: "a", baseVersion: 1, text: "Changed." },
          { type: "editText", factId: "c", baseVersion: 9, text: "Stale." },
        ]),
      "CONFLICT",
    );
    expect(factById(doc, "a").text).toBe("Kim has been at war for 17 months.");
  });

  it("returns an inverse that works when several operations change the same fact", () => {
    const doc = deepFreeze(sampleDoc());
    const r = applyOperations(doc, [
      { type: "editText", factId: "a", baseVersion: 1, text: "One." },
      { type: "editText", factId: "a", baseVersion: 2, text: "Two." },
      { type: "deleteFact", factId: "a", baseVersion: 3 },
      { type: "addFact", factId: "n", paragraphId: "p2", afterFactId: "d", text: "New.", sources: [src("w1", 1, 2)], ownReportingNote: null },
      { type: "editText", factId: "n", baseVersion: 1, text: "Newer." },
    ]);
    expect(r.touched).toEqual(["a", "n"]);
    const back = applyOperations(r.doc, r.inverse);
    expect(content(back.doc)).toEqual(content(doc));
    // 1 → 2 → 3, deleted at 3; undo re-creates it at 4 and reverts the two edits: 5, 6.
    expect(factById(back.doc, "a").version).toBe(6);
  });
});

describe("submitOperation", () => {
  it("applies, rebases a move whose anchor is gone, and reports conflicts without throwing", () => {
    const doc = sampleDoc();
    const applied = submitOperation(doc, { type: "editText", factId: "c", baseVersion: 1, text: "Fine." });
    expect(applied.status).toBe("applied");
    const rebased = submitOperation(doc, { type: "moveFact", factId: "d", baseVersion: 4, toParagraphId: "p1", afterFactId: "gone" });
    expect(rebased.status === "applied" && rebased.op).toMatchObject({ afterFactId: "c" });
    expect(rebased.status === "applied" && factIds(rebased.doc)[0]).toEqual(["a", "b", "c", "d"]);
    const stale = submitOperation(doc, { type: "editText", factId: "d", baseVersion: 1, text: "Late." });
    expect(stale).toEqual({ status: "conflict", conflict: expect.objectContaining({ kind: "changed", factIds: ["d"] }) });
    expectAppError(() => submitOperation(doc, { type: "editText", factId: "c", baseVersion: 1, text: "" }), "INVALID_INPUT");
  });
});

describe("submitOperations", () => {
  it("applies an undo step of two operations as a whole, or refuses it whole", () => {
    const doc = sampleDoc();
    const merged = applyOperation(doc, { type: "mergeFacts", first: { factId: "a", baseVersion: 1 }, second: { factId: "c", baseVersion: 1 } });
    expect(merged.inverse).toHaveLength(2);
    const undone = submitOperations(merged.doc, merged.inverse);
    expect(undone.status === "applied" && content(undone.doc)).toEqual(content(doc));
    // Someone edits the merged fact first: the undo would overwrite it, so none of it applies.
    const edited = applyOperation(merged.doc, { type: "editText", factId: "a", baseVersion: 2, text: "Edited after the merge." }).doc;
    expect(submitOperations(edited, merged.inverse)).toMatchObject({ status: "conflict", conflict: { kind: "changed", factIds: ["a"] } });
  });

  it("rebases each operation against the result of the ones before", () => {
    const doc = sampleDoc();
    const r = submitOperations(doc, [
      { type: "deleteFact", factId: "b", baseVersion: 1 },
      { type: "moveFact", factId: "d", baseVersion: 4, toParagraphId: "p1", afterFactId: "b" },
    ]);
    expect(r.status === "applied" && r.ops[1]).toMatchObject({ afterFactId: "c" });
    expect(r.status === "applied" && factIds(r.doc)).toEqual([["a", "c", "d"], [], []]);
  });
});

describe("parseStoryOperation", () => {
  const session = { by: "u-session", at: "2026-12-04T16:00:00.000Z" };

  it("accepts well-formed operations and refuses the rest with INVALID_INPUT", () => {
    const op = { type: "moveFact", factId: "a", baseVersion: 3, toParagraphId: "p2", afterFactId: null };
    expect(parseStoryOperation(op, session)).toEqual(op);
    expect(parseStoryOperation({ type: "splitFact", factId: "a", baseVersion: 1, newFactId: "b", at: { first: "A.", second: "B." } }, session)).toMatchObject({ type: "splitFact" });
    expectAppError(() => parseStoryOperation({ type: "editText", factId: "a", baseVersion: 1, text: "  " }, session), "INVALID_INPUT");
    expectAppError(() => parseStoryOperation({ type: "dropTable" }, session), "INVALID_INPUT");
    expectAppError(() => parseStoryOperation({ type: "attachSource", factId: "a", baseVersion: 1, source: { wireStoryId: "w", start: 5, end: 2 } }, session), "INVALID_INPUT");
    expectAppError(() => parseStoryOperation({ type: "addFact", factId: "n", paragraphId: "p1", afterFactId: null, text: "A.", sources: [], ownReportingNote: "n", disputedBy: [{ wireStoryId: "w", start: 0, end: 5 }] }, session), "INVALID_INPUT");
    expect(parseStoryOperations([op, op], session)).toHaveLength(2);
    expectAppError(() => parseStoryOperations([], session), "INVALID_INPUT");
  });

  it("takes who resolved a discrepancy and when from the session, never from the request", () => {
    const forged = { type: "resolveDiscrepancy", factId: "a", baseVersion: 1, discrepancyId: "x", chosenSide: 0, note: null, by: "someone-else", at: "2001-01-01T00:00:00Z" };
    expect(parseStoryOperation(forged, session)).toEqual({ ...forged, by: "u-session", at: "2026-12-04T16:00:00.000Z" });
    expect(parseStoryOperations([{ ...forged, by: undefined, at: "soon" }], session)[0]).toMatchObject({ by: "u-session", at: session.at });
  });

  it("stamps resolutions a fact's content brings back unless the document already holds them as they are", () => {
    const doc = sampleDoc();
    const resolved = applyOperation(doc, { type: "resolveDiscrepancy", factId: "a", baseVersion: 1, discrepancyId: "x1", chosenSide: null, note: "Checked.", by: "u-editor", at: "2023-09-13T09:30:00.000Z" }).doc;
    const stored = factById(resolved, "a");
    const restore = (discrepancies: typeof stored.discrepancies): StoryOperation => ({
      type: "restoreFact",
      factId: "a",
      baseVersion: 2,
      content: { text: stored.text, sources: stored.sources, ownReportingNote: null, discrepancies },
    });
    const [kept] = stampResolutions([restore(stored.discrepancies)], resolved, session);
    expect(kept).toEqual(restore(stored.discrepancies));
    const forged = stored.discrepancies.map((d) => ({ ...d, resolution: { chosenSide: 1, note: null, resolvedBy: "someone-else", resolvedAt: "2001-01-01T00:00:00Z" } }));
    const [stamped] = stampResolutions([restore(forged)], resolved, session);
    expect(stamped?.type === "restoreFact" && stamped.content.discrepancies[0]!.resolution).toEqual({ chosenSide: 1, note: null, resolvedBy: "u-session", resolvedAt: session.at });
  });
});
