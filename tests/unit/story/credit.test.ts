import { describe, expect, it } from "vitest";
import { agencyName, creditLine, sourceMarks, UNATTRIBUTED, wireLabel } from "@/lib/domain/story";
import type { WireSourceInfo } from "@/lib/domain/story/types";
import { makeDoc, makeFact, src } from "./support";

const wire = (id: string, agency: string | null): WireSourceInfo => ({ id, agency, headline: null, date: "2023-09-12" });
const WIRES = [wire("ap1", "AP"), wire("ap2", "AP"), wire("afp", "AFP"), wire("rfe", "RFE/RL"), wire("anon", null), wire("yon", "Yonhap")];

describe("creditLine", () => {
  it("names the agencies in order of first use, each once", () => {
    const doc = makeDoc([
      ["p1", [makeFact("a", { sources: [src("ap1", 0, 5), src("afp", 0, 5)] }), makeFact("b", { sources: [src("ap2", 0, 5)] })]],
      ["p2", [makeFact("c", { sources: [src("rfe", 0, 5), src("afp", 9, 12)] })]],
    ]);
    expect(creditLine(doc, WIRES)).toBe("Compiled from AP, AFP and RFE/RL reports");
  });

  it("uses the reading order of the story, not of the wire list", () => {
    const doc = makeDoc([["p1", [makeFact("a", { sources: [src("afp", 0, 5)] }), makeFact("b", { sources: [src("ap1", 0, 5)] })]]]);
    expect(creditLine(doc, WIRES)).toBe("Compiled from AFP and AP reports");
  });

  it("handles one agency, wires of no known agency (\"other\") and no sources", () => {
    expect(creditLine(makeDoc([["p", [makeFact("a", { sources: [src("ap1", 0, 5), src("ap2", 0, 5)] })]]]), WIRES)).toBe("Compiled from AP reports");
    expect(creditLine(makeDoc([["p", [makeFact("a", { sources: [src("anon", 0, 5), src("missing", 0, 5), src("yon", 0, 5)] })]]]), WIRES)).toBe("Compiled from Yonhap and other reports");
    expect(creditLine(makeDoc([["p", [makeFact("a", { sources: [src("anon", 0, 5)] })]]]), WIRES)).toBe("");
    expect(creditLine(makeDoc([["p", [makeFact("a", { sources: [], ownReportingNote: "Ours." })]]]), WIRES)).toBe("");
  });

  it("credits only wire stories the facts cite", () => {
    const doc = makeDoc([["p", [makeFact("a", { sources: [src("afp", 0, 5)] })]]]);
    expect(creditLine(doc, WIRES)).toBe("Compiled from AFP reports");
  });
});

describe("sourceMarks", () => {
  it("labels a fact with its agencies, each once", () => {
    expect(sourceMarks(makeFact("a", { sources: [src("ap1", 0, 5), src("ap2", 0, 5), src("afp", 0, 5)] }), WIRES)).toEqual(["AP", "AFP"]);
  });

  it("marks stories of unknown agency as Unattributed, the name every screen gives them", () => {
    expect(sourceMarks(makeFact("a", { sources: [src("anon", 0, 5), src("afp", 0, 5), src("missing", 1, 2)] }), WIRES)).toEqual(["AFP", UNATTRIBUTED]);
    expect(UNATTRIBUTED).toBe(agencyName(null));
  });

  it("shows a count instead of more than three labels", () => {
    const fact = makeFact("a", { sources: [src("ap1", 0, 5), src("afp", 0, 5), src("rfe", 0, 5), src("yon", 0, 5), src("ap2", 0, 5)] });
    expect(sourceMarks(fact, WIRES)).toEqual(["5 sources"]);
    expect(sourceMarks(makeFact("a", { sources: [src("ap1", 0, 5), src("afp", 0, 5), src("rfe", 0, 5)] }), WIRES)).toEqual(["AP", "AFP", "RFE/RL"]);
  });

  it("is empty for own reporting", () => {
    expect(sourceMarks(makeFact("a", { sources: [], ownReportingNote: "Ours." }), WIRES)).toEqual([]);
  });
});

describe("wireLabel", () => {
  const wires = [
    { id: "w1", agency: "AP" },
    { id: "w2", agency: null },
    { id: "w3", agency: "AP" },
  ];

  it("names a wire by its agency and its place in the story, so two of one agency differ", () => {
    expect(wires.map((wire) => wireLabel(wires, wire.id))).toEqual(["AP 1", "Unattributed 2", "AP 3"]);
  });

  it("names a wire of no agency, or of a blank one, as every screen and output does", () => {
    expect(wireLabel([{ id: "w1", agency: "  " }], "w1")).toBe("Unattributed 1");
    expect([agencyName(null), agencyName(undefined), agencyName(" "), agencyName(" AFP ")]).toEqual(["Unattributed", "Unattributed", "Unattributed", "AFP"]);
  });

  it("says so for a wire the story does not hold", () => {
    expect(wireLabel(wires, "w9")).toBe("Wire no longer in the story");
  });

  it("names a later version of a wire after the wire: AP 1 v2", () => {
    const versioned = [
      { id: "a1", agency: "AP", itemKey: "urn:ap:1", version: 1 },
      { id: "f1", agency: "AFP", itemKey: "urn:afp:1", version: 1 },
      { id: "a2", agency: "AP", itemKey: "urn:ap:1", version: 2 },
    ];
    expect(versioned.map((wire) => wireLabel(versioned, wire.id))).toEqual(["AP 1", "AFP 2", "AP 1 v2"]);
  });
});
