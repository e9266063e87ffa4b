import { describe, expect, it } from "vitest";
import { factHistory, type StoryEventRecord } from "@/lib/domain/story/fact-history";
import type { StoryOperation } from "@/lib/domain/story/operation-types";
import { src } from "./support";

let nextId = 1;
function event(actorName: string, ops: StoryOperation[], kind = ops.length === 1 ? ops[0]!.type : "batch"): StoryEventRecord {
  const id = String(nextId++);
  return { id, actorName, at: `2026-12-01T10:00:0${id}.000Z`, kind, operation: { ops, touched: [] } };
}
const created = (): StoryEventRecord => ({ id: String(nextId++), actorName: "Wendy Writer", at: "2026-12-01T09:59:00.000Z", kind: "story.create", operation: { wireStoryIds: ["w1"] } });

describe("factHistory", () => {
  it("tells who did what to a drafted fact, oldest first, starting with the draft", () => {
    const events = [
      created(),
      event("Wendy Writer", [{ type: "editText", factId: "a", baseVersion: 1, text: "Kim's armoured train rolled into Russia on Tuesday." }]),
      event("Eddie Editor", [{ type: "editText", factId: "b", baseVersion: 1, text: "Not this fact." }]),
      event("Eddie Editor", [{ type: "attachSource", factId: "a", baseVersion: 2, source: src("w2", 0, 40) }]),
      event("Eddie Editor", [{ type: "moveFact", factId: "a", baseVersion: 3, toParagraphId: "p2", afterFactId: null }, { type: "removeEmptyParagraph", paragraphId: "p1" }]),
      event("Pat Publisher", [{ type: "resolveDiscrepancy", factId: "a", baseVersion: 4, discrepancyId: "x", chosenSide: 0, note: "AP has the right figure.", by: "u", at: "2026-12-01T10:00:00.000Z" }]),
    ];
    expect(factHistory(events, "a").map((entry) => `${entry.actorName} ${entry.what}`)).toEqual([
      "Wendy Writer drafted this fact from the wires",
      "Wendy Writer edited the text to “Kim's armoured train rolled into Russia on Tuesday.”",
      "Eddie Editor attached a source",
      "Eddie Editor moved this fact",
      "Pat Publisher resolved a discrepancy: “AP has the right figure.”",
    ]);
  });

  it("says when an edit kept its own text over another editor's change", () => {
    const events = [event("Eddie Editor", [{ type: "editText", factId: "a", baseVersion: 2, text: "Kim arrived for talks.", keptOver: true }])];
    expect(factHistory(events, "a").map((entry) => entry.what)).toEqual(["kept their own text over another editor's change: “Kim arrived for talks.”"]);
  });

  it("starts a fact added later with its addition, not with the draft", () => {
    const events = [
      created(),
      event("Wendy Writer", [{ type: "addFact", factId: "n", paragraphId: "p1", afterFactId: null, text: "The embassy confirmed it.", sources: [], ownReportingNote: "Called the embassy." }]),
      event("Eddie Editor", [{ type: "splitFact", factId: "n", baseVersion: 1, newFactId: "m", at: 10 }]),
    ];
    expect(factHistory(events, "n").map((entry) => entry.what)).toEqual(["added this fact as own reporting", "split this fact in two"]);
    expect(factHistory(events, "m").map((entry) => entry.what)).toEqual(["made this fact by splitting the one before it"]);
  });

  it("names both sides of a merge, and one event once however many operations it holds", () => {
    const merge = event("Eddie Editor", [
      { type: "mergeFacts", first: { factId: "a", baseVersion: 1 }, second: { factId: "b", baseVersion: 1 } },
      { type: "removeEmptyParagraph", paragraphId: "p2" },
    ]);
    expect(factHistory([merge], "a").map((entry) => entry.what)).toEqual(["merged the next fact into this one"]);
    expect(factHistory([merge], "b").map((entry) => entry.what)).toEqual(["merged this fact into the one before it"]);
    const twice = event("Eddie Editor", [
      { type: "attachSource", factId: "a", baseVersion: 1, source: src("w2", 0, 40) },
      { type: "attachSource", factId: "a", baseVersion: 2, source: src("w3", 0, 40) },
    ]);
    expect(factHistory([twice], "a")).toHaveLength(1);
  });

  it("shortens long quotations and ignores events it does not understand", () => {
    const long = "word ".repeat(40);
    const events = [
      event("Wendy Writer", [{ type: "editText", factId: "a", baseVersion: 1, text: long }]),
      { id: "99", actorName: "Ada Admin", at: "2026-12-01T11:00:00.000Z", kind: "wires.add", operation: { wireStoryIds: ["w4"], touched: [] } },
      { id: "100", actorName: "Ada Admin", at: "2026-12-01T11:00:00.000Z", kind: "batch", operation: { ops: [{ type: "nonsense", factId: "a" }, null] } },
    ];
    const [entry, ...rest] = factHistory(events, "a");
    expect(rest).toEqual([]);
    expect(entry!.what.length).toBeLessThan(110);
    expect(entry!.what.endsWith("…”")).toBe(true);
  });

  it("orders by event id, not by the order given", () => {
    const first = event("Wendy Writer", [{ type: "moveFact", factId: "a", baseVersion: 1, toParagraphId: "p1", afterFactId: null }]);
    const second = event("Eddie Editor", [{ type: "deleteFact", factId: "a", baseVersion: 2 }]);
    expect(factHistory([second, first], "a").map((entry) => entry.actorName)).toEqual(["Wendy Writer", "Eddie Editor"]);
  });
});
