/**
 * The wire format of story operations: what an API route accepts from a client. The shapes
 * mirror operation-types.ts (checked at compile time below); the document-dependent rules are
 * applyOperation's job.
 */
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import type { StoryOperation } from "./operation-types";
import type { FactDiscrepancy, SourceRef } from "./types";
import { DISCREPANCY_KINDS, STORY_LIMITS } from "./validate";

const id = z.string().min(1).max(STORY_LIMITS.id).refine((s) => s.trim() !== "", "An id cannot be blank");
const version = z.number().int().min(0);
const factText = z.string().max(STORY_LIMITS.factText).refine((s) => s.trim() !== "", "A fact's text cannot be empty");
const note = z.string().max(STORY_LIMITS.note).nullable();

export const sourceRefSchema = z
  .object({ wireStoryId: id, start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((s) => s.end > s.start, "A source ends after it starts");

const discrepancyKind = z.enum(DISCREPANCY_KINDS as [FactDiscrepancy["kind"], ...FactDiscrepancy["kind"][]]);

export const factDiscrepancySchema = z.object({
  id,
  kind: discrepancyKind,
  detail: z.string(),
  sides: z.array(z.object({ value: z.string(), sources: z.array(sourceRefSchema) })).min(2),
  resolution: z
    .object({ chosenSide: z.number().int().min(0).nullable(), note, resolvedBy: id, resolvedAt: z.string() })
    .refine((r) => r.chosenSide !== null || (r.note ?? "").trim() !== "", "A resolution needs a chosen side or a note")
    .nullable(),
});

const factBase = { factId: id, baseVersion: version };

export const storyOperationSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("editText"), ...factBase, text: factText }),
  z.object({
    type: z.literal("setMeta"),
    baseMetaVersion: version,
    headline: z.string().max(STORY_LIMITS.headline).optional(),
    standfirst: z.string().max(STORY_LIMITS.standfirst).optional(),
    dateline: z.string().max(STORY_LIMITS.dateline).nullable().optional(),
  }),
  z.object({
    type: z.literal("addFact"),
    factId: id,
    paragraphId: id,
    afterFactId: id.nullable(),
    text: factText,
    sources: z.array(sourceRefSchema).max(STORY_LIMITS.sourcesPerFact),
    ownReportingNote: note,
    discrepancies: z.array(factDiscrepancySchema).optional(),
    previousVersion: version.optional(),
  }),
  z.object({ type: z.literal("deleteFact"), ...factBase }),
  z.object({ type: z.literal("mergeFacts"), first: z.object(factBase), second: z.object(factBase) }),
  z.object({
    type: z.literal("splitFact"),
    ...factBase,
    newFactId: id,
    at: z.union([z.number().int().min(1), z.object({ first: factText, second: factText })]),
    newFactPreviousVersion: version.optional(),
  }),
  z.object({ type: z.literal("moveFact"), ...factBase, toParagraphId: id, afterFactId: id.nullable() }),
  z.object({ type: z.literal("addParagraph"), paragraphId: id, afterParagraphId: id.nullable() }),
  z.object({ type: z.literal("removeEmptyParagraph"), paragraphId: id }),
  z.object({ type: z.literal("attachSource"), ...factBase, source: sourceRefSchema, index: z.number().int().min(0).optional() }),
  z.object({ type: z.literal("detachSource"), ...factBase, source: sourceRefSchema }),
  z.object({
    type: z.literal("resolveDiscrepancy"),
    ...factBase,
    discrepancyId: id,
    chosenSide: z.number().int().min(0).nullable(),
    note,
    by: id,
    at: z.iso.datetime({ offset: true }),
  }),
  z.object({ type: z.literal("reopenDiscrepancy"), ...factBase, discrepancyId: id }),
  z.object({ type: z.literal("setOwnReportingNote"), ...factBase, note }),
  z.object({
    type: z.literal("restoreFact"),
    ...factBase,
    content: z.object({ text: factText, sources: z.array(sourceRefSchema), ownReportingNote: note, discrepancies: z.array(factDiscrepancySchema) }),
  }),
]);

/** A batch applied atomically (an undo step, or a compound edit). */
export const storyOperationsSchema = z.array(storyOperationSchema).min(1).max(200);

function parseWith<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("INVALID_INPUT", `Not a valid ${what}`, {
      issues: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return result.data;
}

/** Parses an operation from untrusted input; INVALID_INPUT lists what is wrong. */
export function parseStoryOperation(input: unknown): StoryOperation {
  return parseWith(storyOperationSchema, input, "story operation");
}

/** Parses a batch (e.g. an undo step) from untrusted input. */
export function parseStoryOperations(input: unknown): StoryOperation[] {
  return parseWith(storyOperationsSchema, input, "list of story operations");
}

// Compile-time check that the schema and the plain types describe the same data.
type Parsed = z.infer<typeof storyOperationSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<Parsed, StoryOperation> = true;
const sourceMatches: Same<z.infer<typeof sourceRefSchema>, SourceRef> = true;
void schemaMatchesTypes;
void sourceMatches;
