/**
 * The wire format of story operations: what an API route accepts from a client. The shapes
 * mirror operation-types.ts (checked at compile time below); the document-dependent rules are
 * applyOperation's job.
 */
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import type { StoryOperation } from "./operation-types";
import type { DisputingSource, FactDiscrepancy, SourceRef } from "./types";
import { DISCREPANCY_KINDS, STORY_LIMITS } from "./validate";

const id = z.string().min(1).max(STORY_LIMITS.id).refine((s) => s.trim() !== "", "An id cannot be blank");
const version = z.number().int().min(0);
const factText = z.string().max(STORY_LIMITS.factText).refine((s) => s.trim() !== "", "A fact's text cannot be empty");
const note = z.string().max(STORY_LIMITS.note).nullable();

export const sourceRefSchema = z
  .object({ wireStoryId: id, start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((s) => s.end > s.start, "A source ends after it starts");

export const disputingSourceSchema = z
  .object({ wireStoryId: id, start: z.number().int().min(0), end: z.number().int().min(1), value: z.string().min(1).max(STORY_LIMITS.note) })
  .refine((s) => s.end > s.start, "A source ends after it starts");
const disputedBy = z.array(disputingSourceSchema).max(STORY_LIMITS.sourcesPerFact);

const discrepancyKind = z.enum(DISCREPANCY_KINDS as [FactDiscrepancy["kind"], ...FactDiscrepancy["kind"][]]);

export const factDiscrepancySchema = z.object({
  id,
  kind: discrepancyKind,
  detail: z.string(),
  sides: z
    .array(
      z
        .object({ value: z.string(), sources: z.array(sourceRefSchema), stated: z.array(z.string().min(1).max(STORY_LIMITS.note)).optional() })
        .refine((side) => side.stated === undefined || side.stated.length === side.sources.length, "A side states one value per source"),
    )
    .min(2),
  resolution: z
    .object({ chosenSide: z.number().int().min(0).nullable(), note, resolvedBy: id, resolvedAt: z.string() })
    .refine((r) => r.chosenSide !== null || (r.note ?? "").trim() !== "", "A resolution needs a chosen side or a note")
    .nullable(),
});

const factBase = { factId: id, baseVersion: version };

export const storyOperationSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("editText"), ...factBase, text: factText, keptOver: z.boolean().optional() }),
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
    disputedBy: disputedBy.optional(),
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
  z.object({ type: z.literal("disputeFact"), ...factBase, source: disputingSourceSchema, discrepancies: z.array(factDiscrepancySchema).min(1).max(STORY_LIMITS.sourcesPerFact) }),
  z.object({
    type: z.literal("resolveDiscrepancy"),
    ...factBase,
    discrepancyId: id,
    chosenSide: z.number().int().min(0).nullable(),
    note,
    // Who and when come from the session (parseStoryOperation's `session`): anything the
    // request says is dropped here, before it can reach the document.
  }),
  z.object({ type: z.literal("reopenDiscrepancy"), ...factBase, discrepancyId: id }),
  z.object({ type: z.literal("setOwnReportingNote"), ...factBase, note }),
  z.object({
    type: z.literal("restoreFact"),
    ...factBase,
    content: z.object({
      text: factText,
      sources: z.array(sourceRefSchema),
      disputedBy: disputedBy.optional(),
      ownReportingNote: note,
      discrepancies: z.array(factDiscrepancySchema),
    }),
  }),
]);

/** A batch applied atomically (an undo step, or a compound edit). */
export const storyOperationsSchema = z.array(storyOperationSchema).min(1).max(200);

/** Who is acting and when, as the server knows it: the session's user and the server's clock. */
export interface OperationSession {
  /** User id. */
  by: string;
  /** ISO timestamp. */
  at: string;
}

type ParsedOperation = z.infer<typeof storyOperationSchema>;

function parseWith<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("INVALID_INPUT", `Not a valid ${what}`, {
      issues: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return result.data;
}

function withSession(op: ParsedOperation, session: OperationSession): StoryOperation {
  return op.type === "resolveDiscrepancy" ? { ...op, by: session.by, at: session.at } : op;
}

/** Parses an operation from untrusted input; INVALID_INPUT lists what is wrong. A resolution is the session's. */
export function parseStoryOperation(input: unknown, session: OperationSession): StoryOperation {
  return withSession(parseWith(storyOperationSchema, input, "story operation"), session);
}

/** Parses a batch (e.g. an undo step) from untrusted input. */
export function parseStoryOperations(input: unknown, session: OperationSession): StoryOperation[] {
  return parseWith(storyOperationsSchema, input, "list of story operations").map((op) => withSession(op, session));
}

// Compile-time check that the schema and the plain types describe the same data (who resolved
// a discrepancy and when aside, which only the session supplies).
type ClientOperation = Exclude<StoryOperation, { type: "resolveDiscrepancy" }> | Omit<Extract<StoryOperation, { type: "resolveDiscrepancy" }>, "by" | "at">;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<ParsedOperation, ClientOperation> = true;
const sourceMatches: Same<z.infer<typeof sourceRefSchema>, SourceRef> = true;
const disputeMatches: Same<z.infer<typeof disputingSourceSchema>, DisputingSource> = true;
void schemaMatchesTypes;
void sourceMatches;
void disputeMatches;
