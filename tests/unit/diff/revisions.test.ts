import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { changesOnly, diffRevisions, movedFactIds, type FactChange } from "@/lib/domain/diff";
import { AppError } from "@/lib/domain/errors";
import type { FactDiscrepancy, SourceRef, StoryDocument, StoryFact } from "@/lib/domain/story/types";
import { del, eq, ins } from "./support";

const ap = (start: number, end: number): SourceRef => ({ wireStoryId: "ap-1", start, end });
const afp = (start: number, end: number): SourceRef => ({ wireStoryId: "afp-1", start, end });

function fact(id: string, text = `Fact ${id}.`, overrides: Partial<StoryFact> = {}): StoryFact {
  return { id, text, sources: [ap(0, 10)], ownReportingNote: null, discrepancies: [], version: 1, ...overrides };
}

function doc(paragraphs: StoryFact[][], overrides: Partial<StoryDocument> = {}): StoryDocument {
  return {
    headline: "Kim arrives in Russia",
    standfirst: "The leader travelled by train.",
    dateline: "SEOUL",
    metaVersion: 1,
    paragraphs: paragraphs.map((facts, i) => ({ id: `p${i}`, facts })),
    ...overrides,
  };
}

function discrepancy(id: string, resolved: boolean | { chosenSide: number | null; note: string | null } = false): FactDiscrepancy {
  const resolution =
    resolved === false
      ? null
      : { chosenSide: 0, note: null, ...(resolved === true ? {} : resolved), resolvedBy: "editor-1", resolvedAt: "2024-05-01T10:00:00Z" };
  return {
    id,
    kind: "number",
    detail: `number: "17 months" (AP) vs "18 months" (AFP)`,
    sides: [
      { value: "17 months", sources: [ap(0, 10)] },
      { value: "18 months", sources: [afp(0, 10)] },
    ],
    resolution,
  };
}

const summary = (facts: FactChange[]) => facts.map((f) => `${f.factId}:${f.status}${f.moved ? ":moved" : ""}`);

const TEN = "abcdefghij".split("");
const tenFacts = (order: string[]) => doc([order.slice(0, 5).map((id) => fact(id)), order.slice(5).map((id) => fact(id))]);

describe("diffRevisions: facts", () => {
  it("reports nothing changed for identical revisions", () => {
    const revision = tenFacts(TEN);
    const diff = diffRevisions(revision, structuredClone(revision));
    expect(diff.headline).toBeUndefined();
    expect(diff.standfirst).toBeUndefined();
    expect(diff.dateline).toBeUndefined();
    expect(diff.facts.every((f) => f.status === "unchanged" && !f.moved)).toBe(true);
    expect(changesOnly(diff).facts).toEqual([]);
  });

  it("marks an added fact, in reading order, with its sources and discrepancies", () => {
    const before = doc([[fact("a"), fact("b")]]);
    const added = fact("new", "A new fact.", { sources: [ap(5, 9), afp(1, 2)], discrepancies: [discrepancy("d1"), discrepancy("d2", true)] });
    const after = doc([[fact("a"), added, fact("b")]]);
    const diff = diffRevisions(before, after);
    expect(summary(diff.facts)).toEqual(["a:unchanged", "new:added", "b:unchanged"]);
    const change = diff.facts[1];
    expect(change).toMatchObject({ paragraph: 0, paragraphBefore: null, text: "A new fact.", moved: false });
    expect(change?.sourcesAdded).toEqual([ap(5, 9), afp(1, 2)]);
    expect(change?.discrepanciesOpened.map((d) => d.id)).toEqual(["d1"]);
    expect(change?.discrepanciesResolved.map((d) => d.id)).toEqual(["d2"]);
    expect(change?.textDiff).toBeUndefined();
  });

  it("places a removed fact after the fact that preceded it, or first", () => {
    const before = doc([[fact("x"), fact("a"), fact("b")], [fact("c"), fact("y"), fact("z")]]);
    const after = doc([[fact("a"), fact("b"), fact("c")]]);
    const diff = diffRevisions(before, after);
    expect(summary(diff.facts)).toEqual(["x:removed", "a:unchanged", "b:unchanged", "c:unchanged", "y:removed", "z:removed"]);
    const removed = diff.facts.find((f) => f.factId === "y");
    expect(removed).toMatchObject({ paragraph: 1, paragraphBefore: 1, text: "Fact y.", sourcesRemoved: [ap(0, 10)], moved: false });
    // c left paragraph 1 for paragraph 0 but kept its place in reading order: not moved.
    expect(diff.facts.find((f) => f.factId === "c")).toMatchObject({ paragraph: 0, paragraphBefore: 1, moved: false });
  });

  it("flags only the moved fact when one fact moves among many", () => {
    // "b" moves from second place to eighth.
    const order = ["a", "c", "d", "e", "f", "g", "h", "b", "i", "j"];
    const diff = diffRevisions(tenFacts(TEN), tenFacts(order));
    expect(diff.facts.filter((f) => f.moved).map((f) => f.factId)).toEqual(["b"]);
    expect(diff.facts.map((f) => f.factId)).toEqual(order);
    expect(diff.facts.every((f) => f.status === "unchanged")).toBe(true);
    expect(summary(changesOnly(diff).facts)).toEqual(["b:unchanged:moved"]);
  });

  it("flags the first fact moved to the end, not the nine it jumped over", () => {
    const order = [...TEN.slice(1), "a"];
    const diff = diffRevisions(tenFacts(TEN), tenFacts(order));
    expect(diff.facts.filter((f) => f.moved).map((f) => f.factId)).toEqual(["a"]);
  });

  it("does not count additions and removals around a fact as a move", () => {
    const before = doc([[fact("a"), fact("b"), fact("c"), fact("d")]]);
    const after = doc([[fact("n1"), fact("b"), fact("d"), fact("n2")]]);
    const diff = diffRevisions(before, after);
    expect(summary(diff.facts)).toEqual(["a:removed", "n1:added", "b:unchanged", "c:removed", "d:unchanged", "n2:added"]);
  });

  it("gives an inline word diff for edited text", () => {
    const before = doc([[fact("a", "Kim arrived on Tuesday, officials said.")]]);
    const after = doc([[fact("a", "Kim arrived in Vladivostok on Wednesday, officials said.", { version: 2 })]]);
    const [change] = diffRevisions(before, after).facts;
    expect(change?.status).toBe("changed");
    expect(change?.text).toBe("Kim arrived in Vladivostok on Wednesday, officials said.");
    expect(change?.textDiff).toEqual([eq("Kim arrived "), ins("in Vladivostok "), eq("on "), del("Tuesday"), ins("Wednesday"), eq(", officials said.")]);
    expect(change?.sourcesAdded).toEqual([]);
    expect(change?.sourcesRemoved).toEqual([]);
  });

  it("reports sources attached and detached, compared by wire story and span", () => {
    const before = doc([[fact("a", "Same.", { sources: [ap(0, 10), afp(3, 8)] })]]);
    const after = doc([[fact("a", "Same.", { sources: [ap(0, 10), afp(3, 9), { wireStoryId: "reuters-1", start: 0, end: 4 }] })]]);
    const [change] = diffRevisions(before, after).facts;
    expect(change?.status).toBe("changed");
    expect(change?.textDiff).toBeUndefined();
    expect(change?.sourcesAdded).toEqual([afp(3, 9), { wireStoryId: "reuters-1", start: 0, end: 4 }]);
    expect(change?.sourcesRemoved).toEqual([afp(3, 8)]);
  });

  it("reports a source swapped for an own-reporting note", () => {
    const before = doc([[fact("a", "Same.")]]);
    const after = doc([[fact("a", "Same.", { sources: [], ownReportingNote: "Called the embassy." })]]);
    const [change] = diffRevisions(before, after).facts;
    expect(change).toMatchObject({
      status: "changed",
      sourcesRemoved: [ap(0, 10)],
      ownReportingNote: { before: null, after: "Called the embassy." },
    });
  });

  it("reports discrepancies resolved, opened, reopened, re-resolved and dropped", () => {
    const before = doc([
      [
        fact("a", "A.", { discrepancies: [discrepancy("resolve-me"), discrepancy("reopen-me", true), discrepancy("keep-open")] }),
        fact("b", "B.", { discrepancies: [discrepancy("re-resolve", { chosenSide: 0, note: null }), discrepancy("drop-me")] }),
      ],
    ]);
    const after = doc([
      [
        fact("a", "A.", { discrepancies: [discrepancy("resolve-me", true), discrepancy("reopen-me"), discrepancy("keep-open"), discrepancy("new")] }),
        fact("b", "B.", { discrepancies: [discrepancy("re-resolve", { chosenSide: 1, note: "AFP has the later figure." })] }),
      ],
    ]);
    const [a, b] = diffRevisions(before, after).facts;
    expect(a?.status).toBe("changed");
    expect(a?.discrepanciesResolved.map((d) => d.id)).toEqual(["resolve-me"]);
    expect(a?.discrepanciesOpened.map((d) => d.id)).toEqual(["reopen-me", "new"]);
    expect(a?.discrepanciesDropped).toEqual([]);
    expect(b?.discrepanciesResolved.map((d) => d.id)).toEqual(["re-resolve"]);
    expect(b?.discrepanciesDropped.map((d) => d.id)).toEqual(["drop-me"]);
  });

  it("lists the wires that newly dispute a fact, and those that no longer do, with the values they state", () => {
    const disputing = { ...afp(20, 60), value: "1,200 kilometers" };
    const before = doc([[fact("a", "About 900 kilometers.")], [fact("b", "B.", { disputedBy: [{ ...afp(70, 90), value: "Wednesday" }] })]]);
    const after = doc([[fact("a", "About 900 kilometers.", { disputedBy: [disputing] })], [fact("b", "B.", { disputedBy: [{ ...afp(70, 90), value: "Wednesday" }] })], [fact("c", "C.", { disputedBy: [disputing] })]]);
    const [a, b, c] = diffRevisions(before, after).facts;
    expect(a).toMatchObject({ status: "changed", disputingAdded: [disputing], disputingRemoved: [], sourcesAdded: [], sourcesRemoved: [] });
    expect(b).toMatchObject({ status: "unchanged", disputingAdded: [], disputingRemoved: [] });
    expect(c).toMatchObject({ status: "added", disputingAdded: [disputing] });
    // Choosing the disputing wire's value swaps the two: its sentence becomes a source, AP's disputes.
    const chosen = doc([[fact("a", "About 1,200 kilometers.", { sources: [afp(20, 60)], disputedBy: [{ ...ap(0, 10), value: "900 kilometers" }] })]]);
    const [swapped] = diffRevisions(doc([[fact("a", "About 900 kilometers.", { disputedBy: [disputing] })]]), chosen).facts;
    expect(swapped).toMatchObject({ sourcesAdded: [afp(20, 60)], sourcesRemoved: [ap(0, 10)], disputingAdded: [{ ...ap(0, 10), value: "900 kilometers" }], disputingRemoved: [disputing] });
  });

  it("marks a fact whose discrepancy was resolved as changed even with the same text", () => {
    const before = doc([[fact("a", "It lasted 17 months.", { discrepancies: [discrepancy("d1")] })]]);
    const after = doc([[fact("a", "It lasted 17 months.", { discrepancies: [discrepancy("d1", true)] })]]);
    const diff = diffRevisions(before, after);
    expect(summary(diff.facts)).toEqual(["a:changed"]);
    expect(summary(changesOnly(diff).facts)).toEqual(["a:changed"]);
  });
});

describe("diffRevisions: headline, standfirst, dateline", () => {
  it("diffs a changed headline word by word and leaves an unchanged standfirst out", () => {
    const before = doc([[fact("a")]]);
    const after = doc([[fact("a")]], { headline: "Kim arrives in Vladivostok", metaVersion: 2 });
    const diff = diffRevisions(before, after);
    expect(diff.headline).toEqual([eq("Kim arrives in "), del("Russia"), ins("Vladivostok")]);
    expect(diff.standfirst).toBeUndefined();
    expect(diff.dateline).toBeUndefined();
  });

  it("reports standfirst and dateline changes", () => {
    const before = doc([[fact("a")]]);
    const after = doc([[fact("a")]], { standfirst: "The leader travelled by armoured train.", dateline: null });
    const diff = diffRevisions(before, after);
    expect(diff.standfirst).toEqual([eq("The leader travelled by "), ins("armoured "), eq("train.")]);
    expect(diff.dateline).toEqual({ before: "SEOUL", after: null });
  });
});

describe("diffRevisions: against no earlier revision", () => {
  it("shows everything as added", () => {
    const after = doc([[fact("a"), fact("b")], [fact("c")]], { standfirst: "" });
    const diff = diffRevisions(null, after);
    expect(summary(diff.facts)).toEqual(["a:added", "b:added", "c:added"]);
    expect(diff.headline).toEqual([ins("Kim arrives in Russia")]);
    expect(diff.standfirst).toBeUndefined();
    expect(diff.dateline).toEqual({ before: null, after: "SEOUL" });
    expect(changesOnly(diff).facts).toHaveLength(3);
  });
});

describe("changesOnly", () => {
  it("keeps added, removed, changed and moved facts, in order, and the headline diff", () => {
    const before = doc([[fact("a"), fact("b"), fact("c"), fact("d"), fact("e"), fact("gone")]]);
    const after = doc([[fact("a"), fact("d"), fact("b"), fact("c", "C, edited."), fact("e"), fact("new")]], { headline: "New headline" });
    const diff = diffRevisions(before, after);
    expect(summary(diff.facts)).toEqual(["a:unchanged", "d:unchanged:moved", "b:unchanged", "c:changed", "e:unchanged", "gone:removed", "new:added"]);
    const changes = changesOnly(diff);
    expect(summary(changes.facts)).toEqual(["d:unchanged:moved", "c:changed", "gone:removed", "new:added"]);
    expect(changes.headline).toEqual(diff.headline);
    // The full diff is left as it was.
    expect(diff.facts).toHaveLength(7);
  });
});

describe("input checks", () => {
  it("refuses a revision holding the same fact twice", () => {
    const broken = doc([[fact("a")], [fact("a")]]);
    expect(() => diffRevisions(null, broken)).toThrow(AppError);
    expect(() => diffRevisions(broken, doc([[fact("a")]]))).toThrow(/before revision holds fact a twice/);
  });
});

describe("movedFactIds", () => {
  it("finds the fewest facts whose moving explains the new order", () => {
    expect([...movedFactIds(["a", "b", "c", "d"], ["a", "b", "c", "d"])]).toEqual([]);
    expect([...movedFactIds(["a", "b", "c", "d"], ["d", "a", "b", "c"])]).toEqual(["d"]);
    expect([...movedFactIds(["a", "b", "c", "d", "e", "f"], ["a", "e", "c", "d", "b", "f"])].sort()).toEqual(["b", "e"]);
    expect(movedFactIds(["a", "b", "c"], ["c", "b", "a"]).size).toBe(2);
    expect(movedFactIds([], []).size).toBe(0);
  });
});

describe("diffRevisions: properties", () => {
  const ids = fc.uniqueArray(fc.constantFrom(..."abcdefghijklmnopqrst".split("")), { maxLength: 20 });
  const split = (order: string[]) => doc([order.slice(0, order.length >> 1).map((id) => fact(id)), order.slice(order.length >> 1).map((id) => fact(id))]);

  it("lists every fact once, keeps reading order, and leaves unmoved common facts in their old order", () => {
    fc.assert(
      fc.property(ids, ids, (beforeOrder, afterOrder) => {
        const diff = diffRevisions(split(beforeOrder), split(afterOrder));
        const listed = diff.facts.map((f) => f.factId);
        expect(new Set(listed).size).toBe(listed.length);
        expect(new Set(listed)).toEqual(new Set([...beforeOrder, ...afterOrder]));
        expect(diff.facts.filter((f) => f.status !== "removed").map((f) => f.factId)).toEqual(afterOrder);
        // Removed facts follow the fact that preceded them, so with moves their order may differ.
        expect(diff.facts.filter((f) => f.status === "removed").map((f) => f.factId).sort()).toEqual(beforeOrder.filter((id) => !afterOrder.includes(id)).sort());
        const steady = diff.facts.filter((f) => f.status !== "removed" && f.status !== "added" && !f.moved).map((f) => f.factId);
        expect(steady).toEqual(beforeOrder.filter((id) => steady.includes(id)));
        // Minimal: the steady facts are a longest common subsequence, so no smaller set of
        // moves explains the new order.
        const common = afterOrder.filter((id) => beforeOrder.includes(id));
        expect(steady.length).toBe(lcsLength(beforeOrder.filter((id) => afterOrder.includes(id)), common));
      }),
    );
  });
});

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    b.forEach((y, j) => next.push(x === y ? (row[j] ?? 0) + 1 : Math.max(row[j + 1] ?? 0, next[j] ?? 0)));
    row = next;
  }
  return row[b.length] ?? 0;
}
