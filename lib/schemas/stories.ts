import { z } from "zod";

export const MAX_STORY_WIRES = 30;

export const ZCreateStory = z.object({
  wireStoryIds: z
    .array(z.string().min(1).max(64))
    .min(1, "Choose at least one wire story")
    .max(MAX_STORY_WIRES, `A story can be built from at most ${MAX_STORY_WIRES} wire stories`)
    .transform((ids) => [...new Set(ids)]),
});
export type TCreateStory = z.infer<typeof ZCreateStory>;
