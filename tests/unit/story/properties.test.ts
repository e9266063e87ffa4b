/**
 * Properties over random documents and random valid operations: undo is exact, versions only
 * increase, and edits of different facts commute (never conflict).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyOperation,
  applyOperations,
  checkConflict,
  createdFactIds,
  documentProblems,
  factBases,
  namedFactIds,
  submitOperation,
  type StoryOperation,
} from "@/lib/domain/story";
import type { StoryDocument } from "@/lib/domain/story/types";
import { content, deepFreeze, docArb, operationArb } from "./support";

const RUNS = 300;
/** Generous, so a loaded CI machine does not fail a property that takes a second here. */
const PROPERTY_TIMEOUT = 60_000;

function versions(doc: StoryDocument): Map<string, number> {
  return new Map(doc.paragraphs.flatMap((p) => p.facts.map((f) => [f.id, f.version] as const)));
}

/** Facts by id (text, sources, note, discrepancies) and which paragraph holds them; order aside. */
function factsAndPlaces(doc: StoryDocument): unknown {
  const facts = doc.paragraphs.flatMap((p) => p.facts.map(({ version: _version, ...f }) => ({ paragraph: p.id, ...f })));
  return facts.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The document after `op`, which must apply (a conflict fails the property). */
function appliedDoc(doc: StoryDocument, op: StoryOperation): StoryDocument {
  const result = submitOperation(doc, op);
  if (result.status !== "applied") throw new Error(`expected ${op.type} to apply, got ${result.status}`);
  return result.doc;
}

describe("applyOperation", () => {
  it("keeps the document valid, never mutates its input, and bumps exactly the touched facts", () => {
    fc.assert(
      fc.property(
        docArb.chain((doc) => fc.tuple(fc.constant(doc), operationArb(doc))),
        ([doc, op]) => {
          deepFreeze(doc);
          const r = applyOperation(doc, op);
          expect(documentProblems(r.doc)).toEqual([]);
          const before = versions(doc);
          for (const [id, v] of versions(r.doc)) {
            if (r.touched.includes(id)) expect(v).toBeGreaterThan(before.get(id) ?? 0);
            else expect(v).toBe(before.get(id));
          }
          expect(r.doc.metaVersion).toBe(doc.metaVersion + (op.type === "setMeta" ? 1 : 0));
        },
      ),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it("inverse gives back the original content, with versions that kept increasing", () => {
    fc.assert(
      fc.property(
        docArb.chain((doc) => fc.tuple(fc.constant(doc), operationArb(doc))),
        ([doc, op]) => {
          const r = applyOperation(doc, op);
          const back = applyOperations(r.doc, r.inverse);
          expect(content(back.doc)).toEqual(content(doc));
          const after = versions(r.doc);
          for (const [id, v] of versions(back.doc)) {
            expect(v).toBeGreaterThanOrEqual(versions(doc).get(id)!);
            if (after.has(id)) expect(v).toBeGreaterThanOrEqual(after.get(id)!);
          }
          expect(back.doc.metaVersion).toBeGreaterThanOrEqual(r.doc.metaVersion);
          // And the inverse of the inverse redoes the operation.
          const again = applyOperations(back.doc, back.inverse);
          expect(content(again.doc)).toEqual(content(r.doc));
        },
      ),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);
});

describe("concurrent edits of different facts", () => {
  const twoOps = (scopeNames: (op: StoryOperation) => string[]) =>
    docArb
      .chain((doc) => fc.tuple(fc.constant(doc), operationArb(doc, "a", "facts"), operationArb(doc, "b", "facts")))
      .filter(([, a, b]) => {
        const named = new Set(scopeNames(a));
        return scopeNames(b).every((id) => !named.has(id));
      });

  it("never conflict, and both orders give the same facts", () => {
    fc.assert(
      fc.property(twoOps(namedFactIds), ([doc, a, b]) => {
        const ab = applyOperation(applyOperation(doc, a).doc, b).doc;
        const ba = applyOperation(applyOperation(doc, b).doc, a).doc;
        expect(factsAndPlaces(ab)).toEqual(factsAndPlaces(ba));
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it("never conflict when only the anchor is shared: the server rebases the insertion", () => {
    const changed = (op: StoryOperation) => [...factBases(op).map((b) => b.factId), ...createdFactIds(op)];
    fc.assert(
      fc.property(twoOps(changed), ([doc, a, b]) => {
        const second = appliedDoc(appliedDoc(doc, a), b);
        // Same texts and sources whichever way round (the places may differ after a rebase).
        const both = appliedDoc(appliedDoc(doc, b), a);
        const strip = (d: StoryDocument) => (factsAndPlaces(d) as Array<{ paragraph: string }>).map(({ paragraph: _p, ...f }) => f);
        expect(strip(second)).toEqual(strip(both));
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  it("an operation on a fact someone else changed first always conflicts", () => {
    fc.assert(
      fc.property(
        docArb
          .chain((doc) => fc.tuple(fc.constant(doc), operationArb(doc, "a", "facts"), operationArb(doc, "b", "facts")))
          .filter(([, a, b]) => {
            const changedByA = new Set(factBases(a).map((x) => x.factId));
            return factBases(b).some((x) => changedByA.has(x.factId));
          }),
        ([doc, a, b]) => {
          const afterA = applyOperation(doc, a).doc;
          expect(checkConflict(afterA, b)).not.toBeNull();
        },
      ),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);
});
