import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOperations, moveFactNextTo, type DropPosition } from "@/lib/domain/story";
import type { StoryDocument } from "@/lib/domain/story/types";
import { layoutDoc as doc, layoutOf as layout } from "./support";


function drop(d: StoryDocument, factId: string, target: string, position: DropPosition): string {
  const ops = moveFactNextTo(d, factId, 1, target, position);
  return layout(ops.length ? applyOperations(d, ops).doc : d);
}

describe("moveFactNextTo", () => {
  it("moves a fact before or after another in its paragraph", () => {
    expect(drop(doc(), "c", "a", "before")).toBe("p1:cab p2:d p3:ef");
    expect(drop(doc(), "a", "b", "after")).toBe("p1:bac p2:d p3:ef");
    expect(drop(doc(), "a", "c", "after")).toBe("p1:bca p2:d p3:ef");
  });

  it("moves a fact into another paragraph, at either side of the target", () => {
    expect(drop(doc(), "b", "e", "before")).toBe("p1:ac p2:d p3:bef");
    expect(drop(doc(), "b", "e", "after")).toBe("p1:ac p2:d p3:ebf");
    expect(drop(doc(), "f", "a", "before")).toBe("p1:fabc p2:d p3:e");
  });

  it("removes the paragraph its last fact leaves", () => {
    expect(drop(doc(), "d", "b", "after")).toBe("p1:abdc p3:ef");
  });

  it("does nothing where the fact already is", () => {
    const d = doc();
    expect(moveFactNextTo(d, "a", 1, "a", "before")).toEqual([]);
    expect(moveFactNextTo(d, "a", 1, "b", "before")).toEqual([]);
    expect(moveFactNextTo(d, "b", 1, "a", "after")).toEqual([]);
    expect(moveFactNextTo(d, "a", 1, "nowhere", "after")).toEqual([]);
  });

  it("always leaves the fact right beside its target, every other fact in order, and no empty paragraph", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.constantFrom(...ids), fc.constantFrom<DropPosition>("before", "after"), (factId, target, position) => {
        fc.pre(factId !== target);
        const d = doc();
        const ops = moveFactNextTo(d, factId, 1, target, position);
        const after = ops.length ? applyOperations(d, ops).doc : d;
        const order = after.paragraphs.flatMap((p) => p.facts.map((f) => f.id));
        const at = order.indexOf(factId);
        const targetAt = order.indexOf(target);
        expect(at).toBe(position === "before" ? targetAt - 1 : targetAt + 1);
        const paragraphOf = (id: string) => after.paragraphs.findIndex((p) => p.facts.some((f) => f.id === id));
        expect(paragraphOf(factId)).toBe(paragraphOf(target));
        expect(order.filter((id) => id !== factId)).toEqual(ids.filter((id) => id !== factId));
        expect(after.paragraphs.every((p) => p.facts.length > 0)).toBe(true);
      }),
    );
  });
});
