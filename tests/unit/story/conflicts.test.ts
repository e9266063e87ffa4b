import { describe, expect, it } from "vitest";
import { applyOperation, checkConflict, rebaseOperation, submitOperation, type StoryOperation } from "@/lib/domain/story";
import { expectAppError, factById, factIds, sampleDoc, src } from "./support";

describe("checkConflict", () => {
  it("lets the first of two edits of the same fact through and refuses the second", () => {
    const doc = sampleDoc();
    const alice: StoryOperation = { type: "editText", factId: "c", baseVersion: 1, text: "The train crossed the Razdolnaya." };
    const bob: StoryOperation = { type: "editText", factId: "c", baseVersion: 1, text: "The train crossed a river north of Vladivostok." };
    expect(checkConflict(doc, alice)).toBeNull();
    expect(checkConflict(doc, bob)).toBeNull();
    const afterAlice = applyOperation(doc, alice).doc;
    expect(checkConflict(afterAlice, bob)).toEqual({ kind: "changed", factIds: ["c"], paragraphIds: [], reason: expect.any(String) });
    expectAppError(() => applyOperation(afterAlice, bob), "CONFLICT");
    // Alice's words survive; Bob has to look at them first.
    expect(factById(afterAlice, "c").text).toBe("The train crossed the Razdolnaya.");
  });

  it("does not let an edit through when the fact moved or got a source in the meantime", () => {
    const doc = sampleDoc();
    const moved = applyOperation(doc, { type: "moveFact", factId: "c", baseVersion: 1, toParagraphId: "p2", afterFactId: null }).doc;
    expect(checkConflict(moved, { type: "editText", factId: "c", baseVersion: 1, text: "x" })?.kind).toBe("changed");
    const sourced = applyOperation(doc, { type: "attachSource", factId: "c", baseVersion: 1, source: src("w2", 1, 2) }).doc;
    expect(checkConflict(sourced, { type: "detachSource", factId: "c", baseVersion: 1, source: src("w1", 41, 80) })?.kind).toBe("changed");
  });

  it("reports a deleted or merged fact as missing", () => {
    const doc = sampleDoc();
    const deleted = applyOperation(doc, { type: "deleteFact", factId: "c", baseVersion: 1 }).doc;
    expect(checkConflict(deleted, { type: "editText", factId: "c", baseVersion: 1, text: "x" })).toMatchObject({ kind: "missing", factIds: ["c"] });
    expectAppError(() => applyOperation(deleted, { type: "editText", factId: "c", baseVersion: 1, text: "x" }), "NOT_FOUND");
    const merged = applyOperation(doc, { type: "mergeFacts", first: { factId: "a", baseVersion: 1 }, second: { factId: "c", baseVersion: 1 } }).doc;
    expect(checkConflict(merged, { type: "resolveDiscrepancy", factId: "a", baseVersion: 1, discrepancyId: "x1", chosenSide: 0, note: null, by: "u", at: "2023-09-13T00:00:00Z" })?.kind).toBe("changed");
    expect(checkConflict(merged, { type: "setOwnReportingNote", factId: "c", baseVersion: 1, note: "n" })?.kind).toBe("missing");
  });

  it("checks a merge against both facts", () => {
    const doc = sampleDoc();
    const edited = applyOperation(doc, { type: "editText", factId: "d", baseVersion: 4, text: "Putin waited." }).doc;
    const merge: StoryOperation = { type: "mergeFacts", first: { factId: "c", baseVersion: 1 }, second: { factId: "d", baseVersion: 4 } };
    expect(checkConflict(edited, merge)).toMatchObject({ kind: "changed", factIds: ["d"] });
  });

  it("refuses concurrent headline changes but not a headline change next to fact edits", () => {
    const doc = sampleDoc();
    const retitled = applyOperation(doc, { type: "setMeta", baseMetaVersion: 1, headline: "Kim in Russia" }).doc;
    expect(checkConflict(retitled, { type: "setMeta", baseMetaVersion: 1, standfirst: "He came by train." })?.kind).toBe("meta");
    expect(checkConflict(retitled, { type: "editText", factId: "a", baseVersion: 1, text: "x" })).toBeNull();
  });

  it("reports a re-sent creation as exists, and paragraph changes", () => {
    const doc = sampleDoc();
    const add: StoryOperation = { type: "addFact", factId: "n", paragraphId: "p3", afterFactId: null, text: "New.", sources: [src("w1", 0, 3)], ownReportingNote: null };
    const added = applyOperation(doc, add).doc;
    expect(checkConflict(added, add)?.kind).toBe("exists");
    expect(checkConflict(added, { type: "removeEmptyParagraph", paragraphId: "p3" })).toMatchObject({ kind: "notEmpty", paragraphIds: ["p3"], factIds: ["n"] });
    const removed = applyOperation(doc, { type: "removeEmptyParagraph", paragraphId: "p3" }).doc;
    expect(checkConflict(removed, add)).toMatchObject({ kind: "missing", paragraphIds: ["p3"] });
  });
});

describe("rebaseOperation", () => {
  it("moves a fact to the end of the paragraph when the fact it was to follow was deleted", () => {
    const doc = sampleDoc();
    const move: StoryOperation = { type: "moveFact", factId: "d", baseVersion: 4, toParagraphId: "p1", afterFactId: "b" };
    const afterDelete = applyOperation(doc, { type: "deleteFact", factId: "b", baseVersion: 1 }).doc;
    expect(checkConflict(afterDelete, move)?.kind).toBe("anchor");
    const rebased = rebaseOperation(afterDelete, move);
    expect(rebased).toEqual({ ...move, afterFactId: "c" });
    expect(factIds(applyOperation(afterDelete, rebased).doc)).toEqual([["a", "c", "d"], [], []]);
  });

  it("uses the end of the paragraph when the anchor moved elsewhere, and the start when the paragraph is empty", () => {
    const doc = sampleDoc();
    const elsewhere = applyOperation(doc, { type: "moveFact", factId: "b", baseVersion: 1, toParagraphId: "p2", afterFactId: "d" }).doc;
    expect(rebaseOperation(elsewhere, { type: "moveFact", factId: "a", baseVersion: 1, toParagraphId: "p1", afterFactId: "b" })).toMatchObject({ afterFactId: "c" });
    const add: StoryOperation = { type: "addFact", factId: "n", paragraphId: "p3", afterFactId: "gone", text: "New.", sources: [src("w1", 0, 3)], ownReportingNote: null };
    expect(rebaseOperation(doc, add)).toMatchObject({ afterFactId: null });
  });

  it("puts a paragraph whose anchor paragraph was removed at the end", () => {
    const doc = sampleDoc();
    expect(rebaseOperation(doc, { type: "addParagraph", paragraphId: "p9", afterParagraphId: "p7" })).toEqual({ type: "addParagraph", paragraphId: "p9", afterParagraphId: "p3" });
  });

  it("never rebases text edits or anything else, and leaves valid insertions alone", () => {
    const doc = sampleDoc();
    const edit: StoryOperation = { type: "editText", factId: "d", baseVersion: 1, text: "Stale." };
    expect(rebaseOperation(doc, edit)).toBe(edit);
    expect(submitOperation(doc, edit).status).toBe("conflict");
    const move: StoryOperation = { type: "moveFact", factId: "d", baseVersion: 4, toParagraphId: "p1", afterFactId: "a" };
    expect(rebaseOperation(doc, move)).toBe(move);
    // A stale move is not rescued by a rebase either: its fact changed.
    const staleMove: StoryOperation = { type: "moveFact", factId: "d", baseVersion: 3, toParagraphId: "p1", afterFactId: "gone" };
    expect(submitOperation(doc, staleMove)).toMatchObject({ status: "conflict", conflict: { kind: "changed" } });
  });
});
