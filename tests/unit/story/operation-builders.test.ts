import { describe, expect, it } from "vitest";
import { applyOperations, factBadges, leftOutSentences, type StoryOperation } from "@/lib/domain/story";
import { buildAcceptProposal, buildAddFact, buildAddFactAt, buildAddSentence, buildDelete, buildMergeWithNext, buildMoveStep, buildSplit, factPlaces, factSpot, insertionPoint, spotNow } from "@/lib/domain/story/operation-builders";
import type { Proposal } from "@/lib/domain/story/proposals";
import type { StoryDocument } from "@/lib/domain/story/types";
import { layoutDoc as doc, layoutOf as layout, makeDiscrepancy, makeDoc, makeFact, src } from "./support";


function after(d: StoryDocument, ops: StoryOperation[]): string {
  return layout(applyOperations(d, ops).doc);
}

function ids(): () => string {
  let n = 0;
  return () => `new${++n}`;
}

/** Where fact `id` stood, and the document once it (and whatever else `alsoGone` removes) is gone. */
function removed(id: string, alsoGone: StoryOperation[] = []) {
  return { spot: factSpot(doc(), id)!, without: applyOperations(doc(), [...buildDelete(doc(), id), ...alsoGone]).doc };
}

describe("factPlaces", () => {
  it("numbers facts in reading order across paragraphs", () => {
    const places = factPlaces(doc());
    expect([...places.values()].map((p) => `${p.fact.id}${p.number}@${p.paragraphIndex}.${p.index}`)).toEqual(["a1@0.0", "b2@0.1", "c3@0.2", "d4@1.0", "e5@2.0", "f6@2.1"]);
  });
});

describe("buildMoveStep", () => {
  it("swaps a fact with its neighbour inside a paragraph", () => {
    expect(after(doc(), buildMoveStep(doc(), "a", "down"))).toBe("p1:bac p2:d p3:ef");
    expect(after(doc(), buildMoveStep(doc(), "c", "up"))).toBe("p1:acb p2:d p3:ef");
    expect(after(doc(), buildMoveStep(doc(), "b", "up"))).toBe("p1:bac p2:d p3:ef");
  });

  it("crosses a paragraph edge past the neighbouring paragraph's edge fact", () => {
    expect(after(doc(), buildMoveStep(doc(), "c", "down"))).toBe("p1:ab p2:dc p3:ef");
    expect(after(doc(), buildMoveStep(doc(), "e", "up"))).toBe("p1:abc p2:ed p3:f");
  });

  it("removes the paragraph a fact leaves empty", () => {
    expect(after(doc(), buildMoveStep(doc(), "d", "down"))).toBe("p1:abc p3:edf");
    expect(after(doc(), buildMoveStep(doc(), "d", "up"))).toBe("p1:abdc p3:ef");
  });

  it("does nothing at the ends of the story or for an unknown fact", () => {
    expect(buildMoveStep(doc(), "a", "up")).toEqual([]);
    expect(buildMoveStep(doc(), "f", "down")).toEqual([]);
    expect(buildMoveStep(doc(), "zz", "down")).toEqual([]);
  });

  it("bases the move on the version the caller names", () => {
    expect(buildMoveStep(doc(), "a", "down", () => 7)[0]).toMatchObject({ type: "moveFact", factId: "a", baseVersion: 7 });
  });
});

describe("buildMergeWithNext", () => {
  it("merges with the next fact in reading order, across paragraphs, removing an emptied paragraph", () => {
    expect(after(doc(), buildMergeWithNext(doc(), "a"))).toBe("p1:ac p2:d p3:ef");
    const ops = buildMergeWithNext(doc(), "c", (fact) => (fact.id === "d" ? 5 : 1));
    expect(ops).toEqual([
      { type: "mergeFacts", first: { factId: "c", baseVersion: 1 }, second: { factId: "d", baseVersion: 5 } },
      { type: "removeEmptyParagraph", paragraphId: "p2" },
    ]);
  });

  it("does nothing for the last fact", () => {
    expect(buildMergeWithNext(doc(), "f")).toEqual([]);
  });
});

describe("buildSplit", () => {
  const fact = makeFact("a", { text: "One thing. Another thing." });

  it("splits the shown text at the cursor, trimmed", () => {
    expect(buildSplit(fact, fact.text, 10, "n1")).toEqual([{ type: "splitFact", factId: "a", baseVersion: 1, newFactId: "n1", at: { first: "One thing.", second: "Another thing." } }]);
  });

  it("refuses a cursor at either end or where one half is blank", () => {
    expect(buildSplit(fact, fact.text, 0, "n1")).toBeNull();
    expect(buildSplit(fact, fact.text, fact.text.length, "n1")).toBeNull();
    expect(buildSplit(fact, "  x", 2, "n1")).toBeNull();
  });
});

describe("buildDelete", () => {
  it("deletes a fact and the paragraph it leaves empty", () => {
    expect(after(doc(), buildDelete(doc(), "b"))).toBe("p1:ac p2:d p3:ef");
    expect(after(doc(), buildDelete(doc(), "d"))).toBe("p1:abc p3:ef");
    expect(buildDelete(doc(), "zz")).toEqual([]);
  });
});

describe("insertionPoint and buildAddFact", () => {
  const newFact = { text: "Police said so.", sources: [src("w1", 0, 10)], ownReportingNote: null };

  it("goes after the selected fact, else at the end of the story", () => {
    expect(insertionPoint(doc(), "b")).toEqual({ paragraphId: "p1", afterFactId: "b" });
    expect(insertionPoint(doc(), null)).toEqual({ paragraphId: "p3", afterFactId: "f" });
    expect(insertionPoint(doc(), "gone")).toEqual({ paragraphId: "p3", afterFactId: "f" });
    expect(after(doc(), buildAddFact(doc(), "b", newFact, ids()))).toBe("p1:abnew1c p2:d p3:ef");
  });

  it("starts a paragraph in a story that has none", () => {
    const empty = makeDoc([]);
    expect(insertionPoint(empty, null)).toBeNull();
    const ops = buildAddFact(empty, null, newFact, ids());
    expect(ops.map((op) => op.type)).toEqual(["addParagraph", "addFact"]);
    expect(after(empty, ops)).toBe("new1:new2");
  });
});

describe("buildAddSentence", () => {
  // The demo: AP and AFP say 900 km (550 miles), a later wire 1,200 km (750 miles); its sentence is left out.
  const majority = [src("ap", 0, 90), src("afp", 0, 88)];
  const demo = src("demo", 100, 195);
  const disputing = () =>
    makeDoc([
      ["p1", [makeFact("a"), makeFact("b")]],
      [
        "p2",
        [
          makeFact("km", {
            text: "The launch facility is about 900 kilometers (550 miles) northwest of Ussuriysk.",
            sources: majority,
            disputedBy: [
              { ...demo, value: "1,200 kilometers" },
              { ...demo, value: "750 miles" },
            ],
            discrepancies: [
              makeDiscrepancy("x-km", { sides: [{ value: "900 kilometers / 900 km", sources: majority }, { value: "1,200 kilometers", sources: [demo] }] }),
              makeDiscrepancy("x-mi", { sides: [{ value: "550 miles", sources: majority }, { value: "750 miles", sources: [demo] }] }),
            ],
          }),
          makeFact("c"),
        ],
      ],
      ["p3", [makeFact("d")]],
    ]);
  const sentence = { text: "The launch facility is about 1,200 kilometers (750 miles) northwest of Ussuriysk.", source: demo };

  it("puts a sentence that disputes a fact right after it, whatever is selected, carrying the disagreement; one undo step takes it out", () => {
    const doc = disputing();
    const ops = buildAddSentence(doc, "a", sentence, ids());
    expect(ops).toHaveLength(1);
    const result = applyOperations(doc, ops);
    expect(layout(result.doc)).toBe("p1:ab p2:kmnew1c p3:d");
    const added = factPlaces(result.doc).get("new1")!.fact;
    expect(added.sources).toEqual([demo]);
    // Disputed like the fact it disputes, not "the sources agree": the same sides, open, under its own ids.
    expect(added.discrepancies.map((d) => [d.id, d.sides.map((side) => side.value), d.resolution])).toEqual([
      ["new2", ["900 kilometers / 900 km", "1,200 kilometers"], null],
      ["new3", ["550 miles", "750 miles"], null],
    ]);
    expect(added.disputedBy?.map((d) => [d.wireStoryId, d.value])).toEqual([
      ["ap", "900 kilometers / 900 km"],
      ["afp", "900 kilometers / 900 km"],
      ["ap", "550 miles"],
      ["afp", "550 miles"],
    ]);
    expect(factBadges(added).disputed).toBe(true);
    // The fact it disputes still says so.
    expect(factBadges(factPlaces(result.doc).get("km")!.fact).disputed).toBe(true);
    expect(leftOutSentences(result.doc, [{ id: "demo", sentences: [{ index: 1, ...demo }] }])).toEqual([]);
    expect(layout(applyOperations(result.doc, result.inverse).doc)).toBe("p1:ab p2:kmc p3:d");
  });

  it("adds a sentence that disputes no fact where new facts go, with no discrepancy", () => {
    const doc = disputing();
    const other = { text: "Kim waved.", source: src("demo", 0, 40) };
    expect(buildAddSentence(doc, "a", other, ids())).toEqual(buildAddFact(doc, "a", { text: "Kim waved.", sources: [other.source], ownReportingNote: null }, ids()));
    expect(after(doc, buildAddSentence(doc, null, other, ids()))).toBe("p1:ab p2:kmc p3:dnew1");
  });
});

describe("buildAcceptProposal", () => {
  const corroborate: Proposal = { kind: "corroborate", id: "x", factId: "b", source: src("w2", 5, 20), text: "b." };
  const add = (paragraphId: string | null, afterFactId: string | null): Proposal => ({ kind: "add", id: "y", paragraphId, afterFactId, text: "New.", sources: [src("w2", 0, 4)] });

  it("attaches a corroborating sentence to its fact, or says the fact is gone", () => {
    expect(buildAcceptProposal(doc(), corroborate, null, ids(), () => 3)).toEqual({
      ops: [{ type: "attachSource", factId: "b", baseVersion: 3, source: src("w2", 5, 20) }],
    });
    expect(buildAcceptProposal(doc(), { ...corroborate, factId: "gone" }, null, ids())).toEqual({ gone: "fact" });
  });

  it("adds a new fact where the wire tells it while that place is still there", () => {
    const result = buildAcceptProposal(doc(), add("p3", "e"), null, ids());
    expect("ops" in result && after(doc(), result.ops)).toBe("p1:abc p2:d p3:enew1f");
    const atStart = buildAcceptProposal(doc(), add("p2", null), null, ids());
    expect("ops" in atStart && after(doc(), atStart.ops)).toBe("p1:abc p2:new1d p3:ef");
  });

  it("adds it where new facts go when the place has changed", () => {
    const result = buildAcceptProposal(doc(), add("p3", "gone"), "a", ids());
    expect("ops" in result && after(doc(), result.ops)).toBe("p1:anew1bc p2:d p3:ef");
    const noParagraph = buildAcceptProposal(doc(), add(null, null), null, ids());
    expect("ops" in noParagraph && after(doc(), noParagraph.ops)).toBe("p1:abc p2:d p3:efnew1");
  });
});

describe("a fact put back where another stood", () => {
  const fact = { text: "Back.", sources: [src("w1", 0, 5)], ownReportingNote: null };

  it("remembers the paragraph, the fact before it and the paragraph before that", () => {
    expect(factSpot(doc(), "b")).toEqual({ paragraphId: "p1", afterFactId: "a", afterParagraphId: null });
    expect(factSpot(doc(), "d")).toEqual({ paragraphId: "p2", afterFactId: null, afterParagraphId: "p1" });
    expect(factSpot(doc(), "zz")).toBeNull();
  });

  it("goes back after the same fact of its paragraph", () => {
    const { spot, without } = removed("b");
    expect(spotNow(without, spot)).toEqual({ paragraphId: "p1", afterFactId: "a" });
    const ops = buildAddFactAt(without, spot, fact, ids());
    expect(layout(applyOperations(without, ops).doc)).toBe("p1:anew1c p2:d p3:ef");
  });

  it("shows at the end of its paragraph when the fact before it went too", () => {
    const { spot, without } = removed("c", [{ type: "deleteFact", factId: "b", baseVersion: 1 }]);
    expect(spotNow(without, spot)).toEqual({ paragraphId: "p1", afterFactId: "a" });
  });

  it("gets a paragraph of its own where its paragraph was, when that went with it", () => {
    const { spot, without } = removed("d");
    expect(spotNow(without, spot)).toEqual({ paragraphId: "p1", afterFactId: "c" });
    const ops = buildAddFactAt(without, spot, fact, ids());
    expect(layout(applyOperations(without, ops).doc)).toBe("p1:abc new1:new2 p3:ef");
  });
});
