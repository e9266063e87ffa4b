import { z } from "zod";
import type { RemovedRange, Sentence, TextRange } from "@/lib/domain/wire";
import type { WireBody } from "@/lib/domain/wire/restore";

const ZOffset = z.number().int().min(0);

export const ZTextRange = z.object({ start: ZOffset, end: ZOffset }) satisfies z.ZodType<TextRange>;

export const ZRemovedRange = ZTextRange.extend({ reason: z.string() }) satisfies z.ZodType<RemovedRange>;

export const ZSentence = ZTextRange.extend({
  index: ZOffset,
  text: z.string(),
  parts: z.array(ZTextRange),
  paragraph: ZOffset,
}) satisfies z.ZodType<Sentence>;

/** A wire story's body as the import stores it (the `analysis` column) and the newsroom reads it back. */
export const ZWireBody = z.object({
  paragraphs: z.array(ZTextRange),
  removed: z.array(ZRemovedRange),
  sentences: z.array(ZSentence),
}) satisfies z.ZodType<WireBody>;

const ZIsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give days as YYYY-MM-DD");

/** GET /api/v1/wires: a page of wire items (latest versions), newest first; `cursor` is the previous page's nextCursor. */
export const ZWireListQuery = z
  .object({
    q: z.string().trim().min(1).max(200).optional(),
    agency: z.string().trim().min(1).max(50).optional(),
    from: ZIsoDay.optional(),
    to: ZIsoDay.optional(),
    limit: z.coerce.number().int().min(1, "limit is at least 1").max(200, "limit is at most 200").default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type TWireListQuery = z.infer<typeof ZWireListQuery>;

export const ZWireListItem = z.object({
  id: z.string(),
  headline: z.string(),
  agency: z.string().nullable(),
  version: z.number(),
  status: z.enum(["usable", "withheld", "canceled"]),
  receivedAt: z.string(),
});
export type TWireListPage = { items: z.infer<typeof ZWireListItem>[]; nextCursor: string | null };
