/**
 * Sourcing tells the truth: a wire that states another value for a fact disputes it and is
 * never cited as its source; every body sentence is a fact's source or left out with a reason.
 */
import { describe, expect, it } from "vitest";
import { consolidate } from "@/lib/domain/facts";
import { story } from "./helpers";

const NINE_HUNDRED = "About 900 people were evacuated from the flooded town of Marlow on Tuesday, officials said.";
const TWELVE_HUNDRED = "Some 1,200 people were evacuated from the flooded town of Marlow on Wednesday, officials said.";

describe("disputing sources", () => {
  it("cites only the wire that states the fact's values; the other disputes it with its own words", () => {
    const { draft } = consolidate([story("a", [NINE_HUNDRED], { agency: "AP" }), story("b", [TWELVE_HUNDRED], { agency: "AFP" })]);
    const facts = draft.paragraphs.flat();
    expect(facts).toHaveLength(1);
    const [fact] = facts;
    expect(fact!.text).toBe(NINE_HUNDRED);
    expect(fact!.sources.map((s) => s.storyId)).toEqual(["a"]);
    expect(fact!.singleSource).toBe(true);
    expect(fact!.disputedBy.map((d) => [d.storyId, d.kind, d.value, d.factValue])).toEqual([
      ["b", "number", "1,200 people", "900 people"],
      ["b", "weekday", "Wednesday", "Tuesday"],
    ]);
    expect(fact!.disputedBy[0]).toMatchObject({ sentence: 0, start: 0, end: TWELVE_HUNDRED.length });
    // The story is not compiled from a wire whose every sentence disputes it.
    expect(draft.creditLine).toBe("Compiled from AP reports");
    expect(draft.leftOut).toEqual([
      {
        storyId: "b",
        sentence: 0,
        start: 0,
        end: TWELVE_HUNDRED.length,
        clusterId: fact!.clusterId,
        reason: 'disputes a fact: states "1,200 people" where the fact says "900 people", "Wednesday" where the fact says "Tuesday"',
      },
    ]);
  });

  it("keeps wires that agree as sources when a third disputes, whatever the input order", () => {
    const stories = [
      story("a", [NINE_HUNDRED], { agency: "AP" }),
      story("b", [TWELVE_HUNDRED], { agency: "AFP" }),
      story("c", ["About 900 people were evacuated from the flooded town of Marlow on Tuesday, police said."], { agency: "Reuters" }),
    ];
    for (const order of [stories, [...stories].reverse()]) {
      const fact = consolidate(order).draft.paragraphs.flat()[0]!;
      expect(fact.sources.map((s) => s.storyId)).toEqual(["a", "c"]);
      expect([...new Set(fact.disputedBy.map((d) => d.storyId))]).toEqual(["b"]);
    }
  });

  it("a source is never both supporting and disputing, and agreeing wires dispute nothing", () => {
    const { draft } = consolidate([
      story("a", ["Ussuriysk is about 60 kilometers (about 40 miles) north of Vladivostok, officials said."]),
      story("b", ["Ussuriysk is about 60 kilometres north of Vladivostok, officials said."]),
    ]);
    const fact = draft.paragraphs.flat()[0]!;
    expect(fact.disputedBy).toEqual([]);
    expect(fact.sources.map((s) => s.storyId)).toEqual(["a", "b"]);
    expect(draft.leftOut).toEqual([]);
  });

  it("a date that falls on another weekday than the fact's disputes it", () => {
    const { draft } = consolidate([
      story("a", ["Kim boarded his personal train bound for Russia on Sunday afternoon, state media said."], { date: "2023-09-12" }),
      story("b", ["Kim boarded his personal train bound for Russia on Monday afternoon, state media said."], { date: "2023-09-12" }),
    ]);
    const fact = draft.paragraphs.flat()[0]!;
    expect(fact.sources.map((s) => s.storyId)).toEqual(["a"]);
    expect(fact.disputedBy.map((d) => [d.storyId, d.kind, d.value])).toEqual([["b", "weekday", "Monday"]]);
  });
});
