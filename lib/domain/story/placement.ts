import type { StoryOperation } from "./operation-types";
import type { StoryDocument } from "./types";

export type DropPosition = "before" | "after";

/**
 * The operations that put a fact just before or just after another one, wherever each of them
 * is (across paragraphs too): what a drag and drop of one fact onto another means. Empty when
 * the fact is already there. A paragraph the move leaves empty is removed with it, so no blank
 * paragraph stays behind.
 */
export function moveFactNextTo(doc: StoryDocument, factId: string, baseVersion: number, targetFactId: string, position: DropPosition): StoryOperation[] {
  if (factId === targetFactId) return [];
  const from = doc.paragraphs.findIndex((paragraph) => paragraph.facts.some((fact) => fact.id === factId));
  const to = doc.paragraphs.findIndex((paragraph) => paragraph.facts.some((fact) => fact.id === targetFactId));
  if (from < 0 || to < 0) return [];
  const target = doc.paragraphs[to]!;
  // moveFact takes the fact out first, then inserts it after `afterFactId` in what remains.
  const remaining = target.facts.filter((fact) => fact.id !== factId);
  const targetIndex = remaining.findIndex((fact) => fact.id === targetFactId);
  const afterFactId = position === "after" ? targetFactId : (remaining[targetIndex - 1]?.id ?? null);
  const source = doc.paragraphs[from]!;
  const landsAt = afterFactId === null ? 0 : remaining.findIndex((fact) => fact.id === afterFactId) + 1;
  if (from === to && landsAt === source.facts.findIndex((fact) => fact.id === factId)) return [];
  const ops: StoryOperation[] = [{ type: "moveFact", factId, baseVersion, toParagraphId: target.id, afterFactId }];
  if (from !== to && source.facts.length === 1) ops.push({ type: "removeEmptyParagraph", paragraphId: source.id });
  return ops;
}
