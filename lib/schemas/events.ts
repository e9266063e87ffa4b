import { z } from "zod";

/** The most wires one split names: an event this large is split by moving, not by ticking. */
export const MAX_SPLIT_WIRES = 200;

const ZId = z.string().min(1).max(64);

/** `POST /api/v1/events/<id>/moves`: a wire of this event goes to another event, or (toEventId null) to a new one. */
export const ZMoveWire = z.object({ wireStoryId: ZId, toEventId: ZId.nullable() });
export type TMoveWire = z.infer<typeof ZMoveWire>;

/** `POST /api/v1/events/<id>/split`: these wires of the event become an event of their own. */
export const ZSplitEvent = z.object({
  wireStoryIds: z
    .array(ZId)
    .min(1, "Choose at least one wire to split off")
    .max(MAX_SPLIT_WIRES, `At most ${MAX_SPLIT_WIRES} wires can be split off at once`)
    .transform((ids) => [...new Set(ids)]),
});
export type TSplitEvent = z.infer<typeof ZSplitEvent>;

/** `POST /api/v1/events/<id>/merge`: the other event's wires join this one. */
export const ZMergeEvents = z.object({ fromEventId: ZId });
export type TMergeEvents = z.infer<typeof ZMergeEvents>;
