import { describe, expect, it } from "vitest";
import { eventReplacedTexts, removalBy, removedFacts, replacedTexts, textsKeptOver } from "@/lib/domain/story/overrides";
import { makeDoc, makeFact } from "./support";

const doc = () => makeDoc([["p1", [makeFact("a", { text: "Alpha." }), makeFact("b", { text: "Bravo." })]]]);

describe("who removed a fact", () => {
  it("names deletions and merges, and nothing else", () => {
    expect(
      removedFacts([
        { type: "editText", factId: "a", baseVersion: 1, text: "A." },
        { type: "deleteFact", factId: "b", baseVersion: 1 },
        { type: "mergeFacts", first: { factId: "c", baseVersion: 1 }, second: { factId: "d", baseVersion: 2 } },
      ]),
    ).toEqual([
      { factId: "b", what: "deleted this fact" },
      { factId: "d", what: "merged this fact into the one before it" },
    ]);
  });

  it("reads the remover off the event that last touched the fact, only when that event removed it", () => {
    const deleted = { actorName: "Eddie Editor", operation: { ops: [{ type: "deleteFact", factId: "b", baseVersion: 3 }], touched: ["b"] } };
    expect(removalBy(deleted, "b")).toEqual({ factId: "b", what: "deleted this fact", actorName: "Eddie Editor" });
    const edited = { actorName: "Eddie Editor", operation: { ops: [{ type: "editText", factId: "b", baseVersion: 3, text: "B." }], touched: ["b"] } };
    expect(removalBy(edited, "b")).toBeNull();
    expect(removalBy({ actorName: "Eddie Editor", operation: { kind: "story.create" } }, "b")).toBeNull();
  });
});

describe("texts replaced by Keep mine", () => {
  it("are the facts' texts before the edits that kept their own text over them", () => {
    const kept = textsKeptOver(doc(), [
      { type: "editText", factId: "a", baseVersion: 1, text: "Alpha, mine.", keptOver: true },
      { type: "editText", factId: "b", baseVersion: 1, text: "Bravo, plain edit." },
    ]);
    expect(kept).toEqual([{ factId: "a", text: "Alpha." }]);
    expect(textsKeptOver(doc(), [{ type: "editText", factId: "a", baseVersion: 1, text: "Alpha.", keptOver: true }])).toEqual([]);
  });

  it("name their author, except the actor's own text", () => {
    const kept = [
      { factId: "a", text: "Alpha." },
      { factId: "b", text: "Bravo." },
    ];
    expect(replacedTexts(kept, new Map([["a", "u2"], ["b", "u1"]]), "u1")).toEqual([{ factId: "a", text: "Alpha.", authorId: "u2" }]);
  });

  it("are read back from an event's payload, ignoring anything malformed", () => {
    expect(eventReplacedTexts({ ops: [], replaced: [{ factId: "a", text: "Alpha.", authorId: "u2" }, { factId: 3 }] })).toEqual([{ factId: "a", text: "Alpha.", authorId: "u2" }]);
    expect(eventReplacedTexts({ ops: [] })).toEqual([]);
    expect(eventReplacedTexts(null)).toEqual([]);
  });
});
