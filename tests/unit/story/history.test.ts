import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/domain/errors";
import {
  applyOperation,
  applyOperations,
  canRedo,
  canUndo,
  checkConflict,
  createHistory,
  dropUndo,
  pushApplied,
  redo,
  undo,
  type StoryHistory,
  type StoryOperation,
} from "@/lib/domain/story";
import type { StoryDocument } from "@/lib/domain/story/types";
import { content, docArb, factById, factIds, operationArb, sampleDoc, src } from "./support";

/** An editor session: applies operations locally and records them, as the workspace does. */
function session(doc: StoryDocument) {
  let current = doc;
  let stack: StoryHistory = createHistory();
  return {
    get doc() {
      return current;
    },
    get stack() {
      return stack;
    },
    edit(op: StoryOperation | StoryOperation[]) {
      const r = applyOperations(current, Array.isArray(op) ? op : [op]);
      current = r.doc;
      stack = pushApplied(stack, op, r.inverse);
    },
    /** Someone else's edit: changes the document, not this history. */
    foreign(op: StoryOperation) {
      current = applyOperation(current, op).doc;
    },
    undo() {
      const step = undo(stack);
      current = applyOperations(current, step.ops).doc;
      stack = step.stack;
    },
    redo() {
      const step = redo(stack);
      current = applyOperations(current, step.ops).doc;
      stack = step.stack;
    },
  };
}

describe("undo and redo", () => {
  it("undoes and redoes a series of edits of one fact, whose versions keep increasing", () => {
    const s = session(sampleDoc());
    s.edit({ type: "editText", factId: "c", baseVersion: 1, text: "One." });
    s.edit({ type: "editText", factId: "c", baseVersion: 2, text: "Two." });
    s.edit({ type: "editText", factId: "c", baseVersion: 3, text: "Three." });
    s.undo();
    expect(factById(s.doc, "c")).toMatchObject({ text: "Two.", version: 5 });
    s.undo();
    s.undo();
    expect(factById(s.doc, "c")).toMatchObject({ text: "The train crossed the river.", version: 7 });
    expect(canUndo(s.stack)).toBe(false);
    s.redo();
    s.redo();
    expect(factById(s.doc, "c")).toMatchObject({ text: "Two.", version: 9 });
    s.undo();
    expect(factById(s.doc, "c").text).toBe("One.");
    s.redo();
    s.redo();
    expect(factById(s.doc, "c")).toMatchObject({ text: "Three.", version: 12 });
    expect(canRedo(s.stack)).toBe(false);
  });

  it("undoes structural edits: delete, merge, split, move, paragraphs", () => {
    const original = sampleDoc();
    const s = session(original);
    s.edit({ type: "deleteFact", factId: "b", baseVersion: 1 });
    s.edit({ type: "mergeFacts", first: { factId: "a", baseVersion: 1 }, second: { factId: "c", baseVersion: 1 } });
    s.edit({ type: "splitFact", factId: "a", baseVersion: 2, newFactId: "a2", at: 10 });
    s.edit({ type: "moveFact", factId: "a2", baseVersion: 1, toParagraphId: "p3", afterFactId: null });
    s.edit({ type: "addParagraph", paragraphId: "p4", afterParagraphId: "p3" });
    const final = s.doc;
    for (let i = 0; i < 5; i++) s.undo();
    expect(content(s.doc)).toEqual(content(original));
    for (let i = 0; i < 5; i++) s.redo();
    expect(content(s.doc)).toEqual(content(final));
  });

  it("a new edit clears redo", () => {
    const s = session(sampleDoc());
    s.edit({ type: "editText", factId: "c", baseVersion: 1, text: "One." });
    s.undo();
    expect(canRedo(s.stack)).toBe(true);
    s.edit({ type: "editText", factId: "a", baseVersion: 1, text: "Other." });
    expect(canRedo(s.stack)).toBe(false);
    expect(redo(s.stack).ops).toEqual([]);
  });

  it("undoes a batch as one step", () => {
    const original = sampleDoc();
    const s = session(original);
    s.edit([
      { type: "addParagraph", paragraphId: "p4", afterParagraphId: null },
      { type: "moveFact", factId: "d", baseVersion: 4, toParagraphId: "p4", afterFactId: null },
      { type: "removeEmptyParagraph", paragraphId: "p2" },
    ]);
    expect(factIds(s.doc)).toEqual([["d"], ["a", "b", "c"], []]);
    s.undo();
    expect(content(s.doc)).toEqual(content(original));
  });

  it("refuses to undo over someone else's later change to the same fact", () => {
    const s = session(sampleDoc());
    s.edit({ type: "editText", factId: "c", baseVersion: 1, text: "Mine." });
    s.foreign({ type: "editText", factId: "c", baseVersion: 2, text: "Theirs." });
    const step = undo(s.stack);
    expect(checkConflict(s.doc, step.ops[0]!)?.kind).toBe("changed");
    // The editor can give up on that entry; other facts' undo still works.
    expect(canUndo(dropUndo(s.stack))).toBe(false);
  });

  it("does not undo past someone else's change that came between two of my edits", () => {
    const s = session(sampleDoc());
    s.edit({ type: "editText", factId: "c", baseVersion: 1, text: "Mine 1." });
    s.foreign({ type: "editText", factId: "c", baseVersion: 2, text: "Theirs." });
    s.edit({ type: "editText", factId: "c", baseVersion: 3, text: "Mine 2." });
    s.undo();
    expect(factById(s.doc, "c").text).toBe("Theirs.");
    // Undoing "Mine 1" now would overwrite their text with the original: refused.
    expect(checkConflict(s.doc, undo(s.stack).ops[0]!)?.kind).toBe("changed");
  });

  it("keeps undo of other facts working when someone else edits a fact I did not touch", () => {
    const original = sampleDoc();
    const s = session(original);
    s.edit({ type: "editText", factId: "c", baseVersion: 1, text: "Mine." });
    s.foreign({ type: "editText", factId: "a", baseVersion: 1, text: "Theirs." });
    s.undo();
    expect(factById(s.doc, "c").text).toBe("The train crossed the river.");
    expect(factById(s.doc, "a").text).toBe("Theirs.");
  });

  it("forgets the oldest entries beyond the limit", () => {
    let stack = createHistory(2);
    const op: StoryOperation = { type: "attachSource", factId: "a", baseVersion: 1, source: src("w9", 0, 1) };
    for (let i = 0; i < 3; i++) stack = pushApplied(stack, op, [op]);
    expect(stack.undo).toHaveLength(2);
  });

  it("random sessions of edits, undos and redos always apply and restore the right content", () => {
    type Action = "edit" | "undo" | "redo";
    fc.assert(
      fc.property(docArb, fc.array(fc.constantFrom<Action>("edit", "edit", "undo", "redo"), { minLength: 1, maxLength: 14 }), fc.gen(), (doc, actions, g) => {
        const s = session(doc);
        const past: unknown[] = [];
        const future: unknown[] = [];
        // The highest version each fact ever had: versions never go back, not even for a
        // fact that undo or redo re-creates (or a stale edit could apply to it).
        const highest = new Map<string, number>();
        const checkVersions = (before: StoryDocument) => {
          const present = new Set(before.paragraphs.flatMap((p) => p.facts.map((f) => f.id)));
          for (const f of s.doc.paragraphs.flatMap((p) => p.facts)) {
            const top = highest.get(f.id);
            if (top !== undefined && !present.has(f.id)) expect(f.version).toBeGreaterThan(top);
            else if (top !== undefined) expect(f.version).toBeGreaterThanOrEqual(top);
            highest.set(f.id, Math.max(top ?? 0, f.version));
          }
        };
        checkVersions(s.doc);
        actions.forEach((action, i) => {
          const before = s.doc;
          if (action === "edit") {
            const op = g(operationArb, s.doc, `s${i}`);
            past.push(content(s.doc));
            future.length = 0;
            s.edit(op);
          } else if (action === "undo" && canUndo(s.stack)) {
            future.push(content(s.doc));
            try {
              s.undo();
            } catch (error) {
              throw isAppError(error) ? new Error(`undo refused: ${error.message}`) : error;
            }
            expect(content(s.doc)).toEqual(past.pop());
          } else if (action === "redo" && canRedo(s.stack)) {
            past.push(content(s.doc));
            s.redo();
            expect(content(s.doc)).toEqual(future.pop());
          }
          checkVersions(before);
        });
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
