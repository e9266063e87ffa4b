/**
 * Who resolved a discrepancy and when is the server's knowledge, never the client's claim.
 * parseStoryOperation stamps resolveDiscrepancy; this does the same for resolutions that come
 * back inside a fact's content (undo re-adding or restoring a fact): one that the document
 * already holds is kept as stored, any other is stamped with the session.
 */
import type { StoryOperation } from "./operation-types";
import type { OperationSession } from "./schema";
import type { DiscrepancyResolution, FactDiscrepancy, StoryDocument } from "./types";

const sameResolution = (a: DiscrepancyResolution | null, b: DiscrepancyResolution | null) =>
  a === b || (a !== null && b !== null && a.chosenSide === b.chosenSide && a.note === b.note && a.resolvedBy === b.resolvedBy && a.resolvedAt === b.resolvedAt);

export function stampResolutions(ops: readonly StoryOperation[], doc: StoryDocument, session: OperationSession): StoryOperation[] {
  const stored = new Map<string, DiscrepancyResolution | null>();
  for (const p of doc.paragraphs) for (const f of p.facts) for (const d of f.discrepancies) stored.set(`${f.id}\u0000${d.id}`, d.resolution);
  const stamp = (factId: string, list: FactDiscrepancy[]): FactDiscrepancy[] =>
    list.map((d) => {
      if (d.resolution === null) return d;
      const known = stored.get(`${factId}\u0000${d.id}`) ?? null;
      if (sameResolution(d.resolution, known)) return d;
      return { ...d, resolution: { ...d.resolution, resolvedBy: session.by, resolvedAt: session.at } };
    });
  return ops.map((op) => {
    if (op.type === "restoreFact") return { ...op, content: { ...op.content, discrepancies: stamp(op.factId, op.content.discrepancies) } };
    if (op.type === "addFact" && op.discrepancies) return { ...op, discrepancies: stamp(op.factId, op.discrepancies) };
    return op;
  });
}
