import { describe, expect, it } from "vitest";
import { applyOperation, applyOperations, documentProblems, factBadges, parseStoryOperation, type StoryOperation } from "@/lib/domain/story";
import { citedSources, STORY_LIMITS } from "@/lib/domain/story/validate";
import { describeOperationFor } from "@/lib/domain/story/fact-history";
import type { FactDiscrepancy } from "@/lib/domain/story/types";
import { content, deepFreeze, expectAppError, factById, makeDoc, makeFact, src } from "./support";

/** Fact "c" says 900 km, cited from w1; a wire added later (w4) says 1,200. */
function doc() {
  return makeDoc([["p1", [makeFact("c", { text: "The spaceport is about 900 kilometers away.", sources: [src("w1", 0, 40)] })]]]);
}
const disputing = { ...src("w4", 100, 160), value: "1,200 kilometers" };
function discrepancy(id: string, extra: Partial<FactDiscrepancy> = {}): FactDiscrepancy {
  return {
    id,
    kind: "number",
    detail: "number: “900 kilometers” vs “1,200 kilometers”",
    sides: [
      { value: "900 kilometers", sources: [src("w1", 0, 40)], stated: ["900 kilometers"] },
      { value: "1,200 kilometers", sources: [src("w4", 100, 160)], stated: ["1,200 kilometers"] },
    ],
    resolution: null,
    ...extra,
  };
}
const dispute = (extra: Partial<Extract<StoryOperation, { type: "disputeFact" }>> = {}): StoryOperation => ({
  type: "disputeFact",
  factId: "c",
  baseVersion: 1,
  source: disputing,
  discrepancies: [discrepancy("d1")],
  ...extra,
});

describe("disputeFact", () => {
  it("lists the wire as disputing the fact, never as a source, with the open disagreement; undo restores the fact", () => {
    const before = deepFreeze(doc());
    const result = applyOperation(before, dispute());
    expect(documentProblems(result.doc)).toEqual([]);
    const fact = factById(result.doc, "c");
    expect(fact).toMatchObject({ text: "The spaceport is about 900 kilometers away.", sources: [src("w1", 0, 40)], disputedBy: [disputing], version: 2 });
    expect(fact.discrepancies.map((d) => [d.id, d.resolution])).toEqual([["d1", null]]);
    expect(factBadges(fact).disputed).toBe(true);
    expect(content(applyOperations(result.doc, result.inverse).doc)).toEqual(content(before));
    expect(describeOperationFor(dispute(), "c")).toBe("recorded a source that states another value: “1,200 kilometers”");
  });

  it("cites the disputing sentence and the discrepancy's sources, so the server checks they are the story's wires", () => {
    expect(citedSources(dispute()).map((c) => c.field)).toEqual(["source", "discrepancies[0].sides[0].sources[0]", "discrepancies[0].sides[1].sources[0]"]);
  });

  it("refuses a wire the fact cites, one already disputing it, a resolved or missing disagreement, and a stale version", () => {
    const d = doc();
    expectAppError(() => applyOperation(d, dispute({ source: { ...src("w1", 0, 40), value: "1,200 kilometers" }, discrepancies: [discrepancy("d1", { sides: [{ value: "900", sources: [] }, { value: "1,200", sources: [src("w1", 0, 40)] }] })] })), "UNPROCESSABLE");
    const once = applyOperation(d, dispute()).doc;
    expectAppError(() => applyOperation(once, dispute({ baseVersion: 2, discrepancies: [discrepancy("d2")] })), "UNPROCESSABLE");
    expectAppError(() => applyOperation(d, dispute({ discrepancies: [discrepancy("d1", { resolution: { chosenSide: 0, note: null, resolvedBy: "u1", resolvedAt: "2026-12-07T12:00:00.000Z" } })] })), "INVALID_INPUT");
    expectAppError(() => applyOperation(d, dispute({ discrepancies: [] })), "INVALID_INPUT");
    expectAppError(() => applyOperation(d, dispute({ source: { ...disputing, value: " " } })), "INVALID_INPUT");
    // The disagreement has to be the disputing sentence's.
    expectAppError(() => applyOperation(d, dispute({ source: { ...src("w5", 0, 20), value: "1,200 kilometers" } })), "INVALID_INPUT");
    expectAppError(() => applyOperation(d, dispute({ baseVersion: 0 })), "CONFLICT");
    // A fact's list of disputing sources is bounded, as its sources are.
    const many = Array.from({ length: STORY_LIMITS.sourcesPerFact }, (_, i) => ({ ...src("w9", i * 10, i * 10 + 5), value: "1,200" }));
    const full = makeDoc([["p1", [makeFact("c", { sources: [src("w1", 0, 40)], disputedBy: many })]]]);
    expectAppError(() => applyOperation(full, dispute()), "UNPROCESSABLE");
  });

  it("parses from a request, which cannot bring a resolution of its own", () => {
    const session = { by: "u1", at: "2026-12-07T12:00:00.000Z" };
    expect(parseStoryOperation(dispute(), session)).toEqual(dispute());
    expectAppError(() => parseStoryOperation({ ...dispute(), discrepancies: [] }, session), "INVALID_INPUT");
    expectAppError(() => parseStoryOperation({ ...dispute(), source: src("w4", 100, 160) }, session), "INVALID_INPUT");
  });
});
