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
