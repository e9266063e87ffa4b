/**
 * Builders, generators and comparisons for story workspace tests.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { isAppError, type ErrorCode } from "@/lib/domain/errors";
import type { StoryOperation } from "@/lib/domain/story/operation-types";
import type { DiscrepancyKind, FactDiscrepancy, SourceRef, StoryDocument, StoryFact } from "@/lib/domain/story/types";

export function src(wireStoryId: string, start: number, end: number): SourceRef {
  return { wireStoryId, start, end };
}

export function makeFact(id: string, extra: Partial<StoryFact> = {}): StoryFact {
  return { id, text: `Fact ${id}.`, sources: [src("w1", 0, 10)], ownReportingNote: null, discrepancies: [], version: 1, ...extra };
}

export function makeDiscrepancy(id: string, extra: Partial<FactDiscrepancy> = {}): FactDiscrepancy {
  return {
    id,
    kind: "number",
    detail: 'number: "17 months" (AP) vs "18 months" (AFP)',
    sides: [
      { value: "17 months", sources: [src("w1", 0, 10)] },
      { value: "18 months", sources: [src("w2", 0, 12)] },
    ],
    resolution: null,
    ...extra,
  };
}

export function makeDoc(paragraphs: Array<[string, StoryFact[]]>, extra: Partial<StoryDocument> = {}): StoryDocument {
  return { headline: "Kim arrives in Russia", standfirst: "", dateline: "SEOUL", metaVersion: 1, paragraphs: paragraphs.map(([id, facts]) => ({ id, facts })), ...extra };
}

/**
 * p1: a (two sources, one discrepancy), b (own reporting only), c (one source)
 * p2: d
 * p3: (empty)
 */
export function sampleDoc(): StoryDocument {
  return makeDoc([
    [
      "p1",
      [
        makeFact("a", {
          text: "Kim has been at war for 17 months.",
          sources: [src("w1", 0, 40), src("w2", 10, 50)],
          discrepancies: [makeDiscrepancy("x1")],
        }),
        makeFact("b", { text: "The embassy confirmed the visit.", sources: [], ownReportingNote: "Called the embassy at 10:00." }),
        makeFact("c", { text: "The train crossed the river.", sources: [src("w1", 41, 80)] }),
      ],
    ],
    ["p2", [makeFact("d", { text: "Putin waited in Vladivostok.", sources: [src("w3", 0, 30)], version: 4 })]],
    ["p3", []],
  ]);
}

/** Freezes a value and everything in it, so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function expectAppError(fn: () => unknown, code: ErrorCode): void {
  let thrown: unknown = null;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (!isAppError(thrown)) throw new Error(`expected AppError ${code}, got ${thrown === null ? "no error" : String(thrown)}`);
  expect(thrown.code).toBe(code);
}

/** The document's content without version counters: what undo must restore exactly. */
export function content(doc: StoryDocument): unknown {
  return {
    headline: doc.headline,
    standfirst: doc.standfirst,
    dateline: doc.dateline,
    // An absent list of disputing sources is an empty one.
    paragraphs: doc.paragraphs.map((p) => ({ id: p.id, facts: p.facts.map(({ version: _version, ...rest }) => ({ ...rest, disputedBy: rest.disputedBy ?? [] })) })),
  };
}

export function factById(doc: StoryDocument, id: string): StoryFact {
  for (const p of doc.paragraphs) for (const f of p.facts) if (f.id === id) return f;
  throw new Error(`no fact ${id}`);
}

export function factIds(doc: StoryDocument): string[][] {
  return doc.paragraphs.map((p) => p.facts.map((f) => f.id));
}

// ---------------------------------------------------------------------------------------------
// Generators

const WORDS = ["Kim", "arrived", "in", "Russia", "on", "Tuesday", "60", "km", "train", "Putin", "said", "the", "17", "months", "Vladivostok"];
export const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((ws) => `${ws.join(" ")}.`);
const WIRES = ["w1", "w2", "w3", "w4"];
export const sourceArb = fc
  .record({ wireStoryId: fc.constantFrom(...WIRES), start: fc.nat(300), length: fc.integer({ min: 1, max: 200 }) })
  .map(({ wireStoryId, start, length }) => src(wireStoryId, start, start + length));
const sourceKey = (s: SourceRef) => `${s.wireStoryId}:${s.start}:${s.end}`;
const sourcesArb = fc.uniqueArray(sourceArb, { maxLength: 3, selector: sourceKey });
const noteArb = fc.option(textArb, { nil: null });
const KINDS: DiscrepancyKind[] = ["number", "date", "weekday", "person", "place", "organisation", "attribution"];

const discrepancyShapeArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  sides: fc.tuple(fc.constantFrom("17 months", "Tuesday", "Kim"), fc.constantFrom("18 months", "Monday", "Putin")),
  resolution: fc.option(
    fc
      .record({ chosenSide: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }), note: noteArb, resolvedBy: fc.constantFrom("u1", "u2") })
      .filter((r) => r.chosenSide !== null || r.note !== null)
      .map((r) => ({ ...r, resolvedAt: "2023-09-12T10:00:00.000Z" })),
    { nil: null },
  ),
});

const factShapeArb = fc.record({
  text: textArb,
  sources: sourcesArb,
  note: noteArb,
  discrepancies: fc.array(discrepancyShapeArb, { maxLength: 2 }),
  version: fc.integer({ min: 1, max: 9 }),
});

/** Random valid documents: 1–4 paragraphs (some empty) of facts that each have a source or a note. */
export const docArb: fc.Arbitrary<StoryDocument> = fc
  .record({
    headline: textArb,
    standfirst: fc.oneof(fc.constant(""), textArb),
    dateline: fc.option(fc.constantFrom("SEOUL", "MOSCOW"), { nil: null }),
    metaVersion: fc.integer({ min: 1, max: 9 }),
    paragraphs: fc.array(fc.array(factShapeArb, { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
  })
  .map((shape) => {
    let nextFact = 0;
    return {
      headline: shape.headline,
      standfirst: shape.standfirst,
      dateline: shape.dateline,
      metaVersion: shape.metaVersion,
      paragraphs: shape.paragraphs.map((facts, p) => ({
        id: `p${p}`,
        facts: facts.map((f) => {
          const id = `f${nextFact++}`;
          return {
            id,
            text: f.text,
            sources: f.sources,
            ownReportingNote: f.sources.length === 0 && f.note === null ? "Own reporting." : f.note,
            discrepancies: f.discrepancies.map((d, k) => ({
              id: `${id}-x${k}`,
              kind: d.kind,
              detail: `${d.kind}: ${d.sides[0]} vs ${d.sides[1]}`,
              sides: [
                { value: d.sides[0], sources: f.sources.slice(0, 1) },
                { value: d.sides[1], sources: f.sources.slice(1, 2) },
              ],
              resolution: d.resolution,
            })),
            version: f.version,
          };
        }),
      })),
    };
  });

interface Located {
  fact: StoryFact;
  paragraphId: string;
}

function located(doc: StoryDocument): Located[] {
  return doc.paragraphs.flatMap((p) => p.facts.map((fact) => ({ fact, paragraphId: p.id })));
}

/** A fact id and paragraph id that do not occur in `doc` (the suffix keeps two generated operations apart). */
function freshFactId(suffix: string): string {
  return `new-${suffix}`;
}

/** Facts to insert after in a paragraph: null (start) or any fact there except `exclude`. */
function anchorArb(doc: StoryDocument, paragraphId: string, exclude: string | null): fc.Arbitrary<string | null> {
  const facts = doc.paragraphs.find((p) => p.id === paragraphId)?.facts.filter((f) => f.id !== exclude) ?? [];
  return fc.constantFrom(null, ...facts.map((f) => f.id));
}

export type OperationScope = "any" | "facts";

/**
 * Random operations that are valid for `doc` (each one applies without error). With scope
 * "facts", only operations on facts (no meta or paragraph operations), for the commutation property.
 */
export function operationArb(doc: StoryDocument, suffix = "a", scope: OperationScope = "any"): fc.Arbitrary<StoryOperation> {
  const facts = located(doc);
  const paragraphIds = doc.paragraphs.map((p) => p.id);
  const arbs: fc.Arbitrary<StoryOperation>[] = [];

  if (scope === "any") {
    arbs.push(
      fc
        .record({ headline: fc.option(textArb, { nil: undefined }), standfirst: fc.option(textArb, { nil: undefined }), dateline: fc.option(fc.constantFrom(null, "KYIV"), { nil: undefined }) })
        .map((m) => ({ type: "setMeta" as const, baseMetaVersion: doc.metaVersion, ...m, headline: m.headline ?? (m.standfirst === undefined && m.dateline === undefined ? "New headline" : undefined) })),
      fc.constantFrom(null, ...paragraphIds).map((after) => ({ type: "addParagraph" as const, paragraphId: `par-${suffix}`, afterParagraphId: after })),
    );
    const empty = doc.paragraphs.filter((p) => p.facts.length === 0).map((p) => p.id);
    if (empty.length > 0) arbs.push(fc.constantFrom(...empty).map((paragraphId) => ({ type: "removeEmptyParagraph" as const, paragraphId })));
  }

  // A story whose paragraphs were all removed can only get a new paragraph.
  if (paragraphIds.length === 0) return fc.oneof(...arbs);
  arbs.push(
    fc.constantFrom(...paragraphIds).chain((paragraphId) =>
      fc.record({ after: anchorArb(doc, paragraphId, null), text: textArb, sources: sourcesArb, note: noteArb }).map(
        (r): StoryOperation => ({
          type: "addFact",
          factId: freshFactId(suffix),
          paragraphId,
          afterFactId: r.after,
          text: r.text,
          sources: r.sources,
          ownReportingNote: r.sources.length === 0 && r.note === null ? "Saw it myself." : r.note,
        }),
      ),
    ),
  );
  if (facts.length === 0) return fc.oneof(...arbs);
  const pickFact = fc.constantFrom(...facts);

  const base = (f: StoryFact) => ({ factId: f.id, baseVersion: f.version });
  arbs.push(
    fc.tuple(pickFact, textArb).map(([{ fact }, text]): StoryOperation => ({ type: "editText", ...base(fact), text })),
    pickFact.map(({ fact }): StoryOperation => ({ type: "deleteFact", ...base(fact) })),
    pickFact.chain(({ fact }) =>
      fc.constantFrom(...paragraphIds).chain((to) =>
        anchorArb(doc, to, fact.id).map((after): StoryOperation => ({ type: "moveFact", ...base(fact), toParagraphId: to, afterFactId: after })),
      ),
    ),
    fc.tuple(pickFact, sourceArb, fc.nat()).map(([{ fact }, source, i]): StoryOperation => {
      // A source the fact does not cite yet (shifted until it is new).
      let s = source;
      while (fact.sources.some((t) => sourceKey(t) === sourceKey(s))) s = src(s.wireStoryId, s.start + 1, s.end + 1);
      return { type: "attachSource", ...base(fact), source: s, index: i % (fact.sources.length + 1) };
    }),
    fc.tuple(pickFact, sourceArb, fc.constantFrom("1,200", "Wednesday", "Reuters")).map(([{ fact }, source, value]): StoryOperation => {
      // A sentence the fact neither cites nor lists as disputing it yet (shifted until it is new).
      let s = source;
      const taken = (t: SourceRef) => sourceKey(t) === sourceKey(s);
      while (fact.sources.some(taken) || (fact.disputedBy ?? []).some(taken)) s = src(s.wireStoryId, s.start + 1, s.end + 1);
      const discrepancyId = `${fact.id}-disputed-${suffix}-${s.wireStoryId}-${s.start}`;
      return {
        type: "disputeFact",
        ...base(fact),
        source: { ...s, value },
        discrepancies: [{ id: discrepancyId, kind: "number", detail: `number: “900” vs “${value}”`, sides: [{ value: "900", sources: fact.sources }, { value, sources: [s] }], resolution: null }],
      };
    }),
    fc.tuple(pickFact, noteArb).map(([{ fact }, note]): StoryOperation => ({ type: "setOwnReportingNote", ...base(fact), note: fact.sources.length === 0 && note === null ? "Checked by phone." : note })),
    fc.tuple(pickFact, textArb, sourcesArb, noteArb).map(([{ fact }, text, sources, note]): StoryOperation => ({
      type: "restoreFact",
      ...base(fact),
      content: { text, sources, ownReportingNote: sources.length === 0 && note === null ? "Restored." : note, discrepancies: fact.discrepancies },
    })),
    fc.tuple(pickFact, fc.nat(), textArb, textArb).map(([{ fact }, i, first, second]): StoryOperation => {
      const cuts = [...fact.text].map((_, k) => k).filter((k) => fact.text.slice(0, k).trim() !== "" && fact.text.slice(k).trim() !== "");
      const at = cuts.length > 0 && i % 2 === 0 ? cuts[i % cuts.length]! : { first, second };
      return { type: "splitFact", ...base(fact), newFactId: freshFactId(suffix), at };
    }),
  );

  const detachable = facts.filter(({ fact }) => fact.sources.length > 1 || (fact.sources.length === 1 && fact.ownReportingNote !== null));
  if (detachable.length > 0) {
    arbs.push(
      fc.tuple(fc.constantFrom(...detachable), fc.nat()).map(([{ fact }, i]): StoryOperation => ({ type: "detachSource", ...base(fact), source: fact.sources[i % fact.sources.length]! })),
    );
  }
  const withDiscrepancies = facts.filter(({ fact }) => fact.discrepancies.length > 0);
  if (withDiscrepancies.length > 0) {
    arbs.push(
      fc.tuple(fc.constantFrom(...withDiscrepancies), fc.nat(), fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }), noteArb).map(
        ([{ fact }, i, side, note]): StoryOperation => ({
          type: "resolveDiscrepancy",
          ...base(fact),
          discrepancyId: fact.discrepancies[i % fact.discrepancies.length]!.id,
          // Choosing a side can leave no wire that states the fact; only a fact with an own-reporting note is sure to keep its evidence.
          chosenSide: fact.ownReportingNote === null ? null : side,
          note: (side === null || fact.ownReportingNote === null) && note === null ? "Checked with the ministry." : note,
          by: "editor",
          at: "2023-09-13T08:00:00.000Z",
        }),
      ),
    );
  }
  const resolved = facts.flatMap(({ fact }) => fact.discrepancies.filter((d) => d.resolution !== null).map((d) => ({ fact, d })));
  if (resolved.length > 0) {
    arbs.push(fc.constantFrom(...resolved).map(({ fact, d }): StoryOperation => ({ type: "reopenDiscrepancy", ...base(fact), discrepancyId: d.id })));
  }
  if (facts.length > 1) {
    arbs.push(
      fc
        .tuple(pickFact, pickFact)
        .filter(([x, y]) => x.fact.id !== y.fact.id)
        .map(([x, y]): StoryOperation => ({ type: "mergeFacts", first: base(x.fact), second: base(y.fact) })),
    );
  }
  return fc.oneof(...arbs);
}

/** The layout the placement and operation-builder tests start from: p1: a b c · p2: d · p3: e f */
export function layoutDoc(): StoryDocument {
  return makeDoc([
    ["p1", [makeFact("a"), makeFact("b"), makeFact("c")]],
    ["p2", [makeFact("d")]],
    ["p3", [makeFact("e"), makeFact("f")]],
  ]);
}

/** The document's layout in one line ("p1:abc p2:d p3:ef"), for comparing moves at a glance. */
export function layoutOf(d: StoryDocument): string {
  return d.paragraphs.map((p) => `${p.id}:${p.facts.map((f) => f.id).join("")}`).join(" ");
}
