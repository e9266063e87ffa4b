import { z } from "zod";

export const MAX_STORY_WIRES = 30;
/**
 * Body sentences a story can be consolidated from. Consolidation runs in the request: this many
 * takes about two seconds (npm run bench: 48,000 sentences in 1,600 stories take seven), where 30
 * wires of ordinary length have a few thousand; 30 hostile 2 MB wires would have 300,000.
 */
export const MAX_STORY_SENTENCES = 12_000;
/** One request's edits: an undo step or a compound edit is a few, a paste of facts some dozens. */
export const MAX_OPERATIONS_PER_REQUEST = 200;

const ZWireStoryId = z.string().min(1).max(64);

export const ZCreateStory = z.object({
  wireStoryIds: z
    .array(ZWireStoryId)
    .min(1, "Choose at least one wire story")
    .max(MAX_STORY_WIRES, `A story can be built from at most ${MAX_STORY_WIRES} wire stories`)
    .transform((ids) => [...new Set(ids)]),
});
export type TCreateStory = z.infer<typeof ZCreateStory>;

/** `POST /api/v1/stories/<id>/operations`; each operation is checked by lib/domain/story/schema. */
export const ZStoryOperations = z.object({
  revisionId: z.string().min(1),
  operations: z.array(z.unknown()).min(1).max(MAX_OPERATIONS_PER_REQUEST),
});
export type TStoryOperations = z.infer<typeof ZStoryOperations>;

/** `POST /api/v1/stories/<id>/wires`; the same wire twice is added once. */
export const ZAddWires = z.object({ wireStoryIds: z.array(ZWireStoryId).min(1).max(MAX_STORY_WIRES) });
export type TAddWires = z.infer<typeof ZAddWires>;

/** `POST /api/v1/stories/<id>/proposals/dismiss`: the wire sentence no longer proposed. */
export const ZDismissProposal = z.object({ wireStoryId: z.string().min(1), start: z.number().int().min(0), end: z.number().int().min(1) });
export type TDismissProposal = z.infer<typeof ZDismissProposal>;

/** `POST /api/v1/stories/<id>/presence`: the fact being edited, or null for the story as a whole. */
export const ZPresence = z.object({ factId: ZWireStoryId.nullable() });
export type TPresence = z.infer<typeof ZPresence>;

/** `POST /api/v1/stories/<id>/unpublish`. */
export const ZUnpublish = z.object({ reason: z.string().trim().min(1, "Give the reason for unpublishing.").max(2000) });
export type TUnpublish = z.infer<typeof ZUnpublish>;
