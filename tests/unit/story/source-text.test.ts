import { describe, expect, it } from "vitest";
import { discrepancyDetail, disputedByText, disputingSentences, sourcesByWire, wireLabel } from "@/lib/domain/story";
import { src } from "./support";

// The story's wires as its tabs name them: AP 1, AFP 2, Unattributed 3, Unattributed 4.
const WIRES = [
  { id: "ap", agency: "AP" },
  { id: "afp", agency: "AFP" },
  { id: "anon", agency: null },
  { id: "anon2", agency: null },
];
const labelOf = (id: string) => wireLabel(WIRES, id);
const dispute = (wireStoryId: string, start: number, end: number, value: string) => ({ ...src(wireStoryId, start, end), value });

describe("disputingSentences", () => {
  it("shows a sentence that disputes two values of one fact once, with both values", () => {
    const disputedBy = [dispute("anon", 10, 90, "1,200 kilometers"), dispute("ap", 0, 40, "Wednesday"), dispute("anon", 10, 90, "750 miles")];
    expect(disputingSentences(disputedBy)).toEqual([
      { ...src("anon", 10, 90), values: ["1,200 kilometers", "750 miles"] },
      { ...src("ap", 0, 40), values: ["Wednesday"] },
    ]);
  });

  it("keeps two sentences of one wire apart, and a value listed twice once", () => {
    const disputedBy = [dispute("anon", 0, 9, "1,200"), dispute("anon", 10, 19, "1,200"), dispute("anon", 0, 9, "1,200")];
    expect(disputingSentences(disputedBy)).toEqual([
      { ...src("anon", 0, 9), values: ["1,200"] },
      { ...src("anon", 10, 19), values: ["1,200"] },
    ]);
  });

  it("is empty for a fact nobody disputes", () => {
    expect(disputingSentences(undefined)).toEqual([]);
    expect(disputingSentences([])).toEqual([]);
  });
});

describe("disputedByText", () => {
  it("names each disputing wire once, by its label, with every value it states", () => {
    const disputedBy = [dispute("anon", 10, 90, "1,200 kilometers"), dispute("anon", 10, 90, "750 miles"), dispute("ap", 0, 40, "Wednesday")];
    expect(disputedByText(disputedBy, labelOf)).toBe("Unattributed 3: 1,200 kilometers, 750 miles; AP 1: Wednesday");
    expect(disputedByText(undefined, labelOf)).toBe("");
  });
});

describe("discrepancyDetail", () => {
  it("says which wires state each value, so two wires of no agency are told apart", () => {
    const discrepancy = {
      kind: "weekday" as const,
      sides: [
        { value: "Tuesday", sources: [src("ap", 0, 40), src("anon2", 5, 50), src("ap", 60, 90)] },
        { value: "Wednesday", sources: [src("anon", 0, 30)] },
      ],
    };
    expect(discrepancyDetail(discrepancy, labelOf)).toBe("weekday: “Tuesday” (AP 1, Unattributed 4) vs “Wednesday” (Unattributed 3)");
  });

  it("words a side with no wire sentence left by its value alone", () => {
    const discrepancy = { kind: "number" as const, sides: [{ value: "17 months", sources: [src("afp", 0, 5)] }, { value: "18 months", sources: [] }] };
    expect(discrepancyDetail(discrepancy, labelOf)).toBe("number: “17 months” (AFP 2) vs “18 months”");
  });
});

describe("sourcesByWire", () => {
  it("lists each wire once, saying how many of its sentences when more than one", () => {
    expect(sourcesByWire([src("afp", 0, 5), src("ap", 0, 5), src("afp", 9, 20)], labelOf)).toBe("AFP 2 (2 sentences), AP 1");
    expect(sourcesByWire([src("anon", 0, 5)], labelOf)).toBe("Unattributed 3");
    expect(sourcesByWire([], labelOf)).toBe("");
  });
});
