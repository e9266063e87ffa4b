import { z } from "zod";
import { NINJS_VERSIONS } from "@/lib/domain/ninjs/versions";

/** The query string of a published story's ninjs: `?version=` picks the ninjs version (else `Accept` does). */
export const ZNinjsQuery = z.object({
  version: z.enum(NINJS_VERSIONS, { error: `version must be one of ${NINJS_VERSIONS.join(", ")}` }).optional(),
});
export type TNinjsQuery = z.infer<typeof ZNinjsQuery>;
