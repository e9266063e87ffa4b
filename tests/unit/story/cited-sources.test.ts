import { describe, expect, it } from "vitest";
import type { StoryOperation } from "@/lib/domain/story/operation-types";
import { checkSourcesInWires, citedSources } from "@/lib/domain/story/validate";

const wires = new Map([
  ["ap", 100],
  ["afp", 50],
]);
const src = (wireStoryId: string, start: number, end: number) => ({ wireStoryId, start, end });

describe("citedSources", () => {
  it("lists what an operation adds to a fact, with the field it is in", () => {
    const discrepancy = { id: "d1", kind: "number" as const, detail: "", sides: [{ value: "1", sources: [src("ap", 0, 5)] }, { value: "2", sources: [src("afp", 0, 5)] }], resolution: null };
    const add: StoryOperation = { type: "addFact", factId: "f9", paragraphId: "p1", afterFactId: null, text: "t", sources: [src("ap", 1, 2)], ownReportingNote: null, discrepancies: [discrepancy] };
    expect(citedSources(add).map((c) => c.field)).toEqual(["sources[0]", "discrepancies[0].sides[0].sources[0]", "discrepancies[0].sides[1].sources[0]"]);
    expect(citedSources({ type: "attachSource", factId: "f1", baseVersion: 1, source: src("ap", 1, 2) })).toEqual([{ source: src("ap", 1, 2), field: "source" }]);
    const restore: StoryOperation = { type: "restoreFact", factId: "f1", baseVersion: 1, content: { text: "t", sources: [src("afp", 3, 4)], ownReportingNote: null, discrepancies: [] } };
    expect(citedSources(restore)).toEqual([{ source: src("afp", 3, 4), field: "content.sources[0]" }]);
  });

  it("lists nothing for operations that cite no new source, detaching included", () => {
    expect(citedSources({ type: "detachSource", factId: "f1", baseVersion: 1, source: src("gone", 0, 5) })).toEqual([]);
    expect(citedSources({ type: "editText", factId: "f1", baseVersion: 1, text: "x" })).toEqual([]);
  });
});

describe("checkSourcesInWires", () => {
  const check = (source: ReturnType<typeof src>) => () => checkSourcesInWires([{ source, field: "source" }], wires);

  it("accepts offsets inside one of the story's wires, up to the end of its text", () => {
    expect(check(src("ap", 0, 100))).not.toThrow();
    expect(check(src("afp", 49, 50))).not.toThrow();
  });

  it("refuses, as invalid input, a wire the story doesn't have and offsets outside the text", () => {
    for (const bad of [src("reuters", 0, 5), src("ap", 0, 101), src("afp", 60, 70), src("ap", 10, 5), src("ap", -1, 5), src("ap", 5, 5)]) {
      expect(check(bad)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", details: { field: "source" } }));
    }
    expect(check(src("reuters", 0, 5))).toThrow(/not one of this story's wire stories/);
    expect(check(src("ap", 0, 101))).toThrow(/past the end of the wire story's text \(100 characters\)/);
  });
});
