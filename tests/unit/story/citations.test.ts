import { describe, expect, it } from "vitest";
import { citeSources } from "@/lib/domain/story/citations";
import { publicDocument } from "@/lib/domain/story/public";
import type { WireSourceInfo } from "@/lib/domain/story/types";
import { makeDoc, makeFact, src } from "./support";

const wire = (id: string, agency: string | null): WireSourceInfo => ({ id, agency, headline: `${id} headline`, date: null });

describe("citeSources", () => {
  const doc = publicDocument(
    makeDoc([
      ["p1", [makeFact("a", { sources: [src("afp", 0, 5), src("ap", 0, 5), src("afp", 9, 20)] }), makeFact("b", { sources: [] })]],
      ["p2", [makeFact("c", { sources: [src("ap", 30, 40)], disputedBy: [{ ...src("rtr", 0, 9), value: "1,200" }, { ...src("rtr", 10, 19), value: "1,200" }, { ...src("afp", 50, 60), value: "750" }] })]],
    ]),
  );
  const wires = [wire("ap", "AP"), wire("rtr", "Reuters"), wire("afp", "AFP"), wire("unused", "BBC")];

  it("numbers facts in reading order and sources by first citation, a fact's marks each once", () => {
    const { facts } = citeSources(doc, wires);
    expect(facts.map(({ fact, number, paragraph, marks }) => [fact.id, number, paragraph, marks])).toEqual([
      ["a", 1, 0, [1, 2]],
      ["b", 2, 0, []],
      ["c", 3, 1, [2]],
    ]);
  });

  it("lists what each wire supports and what it reported instead; a wire that only disputes comes after the cited ones, an unused wire not at all", () => {
    const { sources } = citeSources(doc, wires);
    expect(sources.map(({ number, wire, supports, reported }) => ({ number, id: wire.id, supports, reported }))).toEqual([
      { number: 1, id: "afp", supports: [1], reported: [{ fact: 3, values: ["750"] }] },
      { number: 2, id: "ap", supports: [1, 3], reported: [] },
      { number: 3, id: "rtr", supports: [], reported: [{ fact: 3, values: ["1,200"] }] },
    ]);
  });
});
