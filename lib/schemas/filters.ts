import { z } from "zod";

/** An ISO day from a query string; anything else is dropped, not refused, so a bad link still shows the list. */
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);

/** The audit page's query string. */
export const ZAuditFilters = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  subjectType: z.string().trim().max(40).optional().catch(undefined),
  actor: z.string().trim().max(120).optional().catch(undefined),
  from: ZDay,
  to: ZDay,
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

/** The wire inbox's query string. */
export const ZWireFilters = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  agency: z.string().trim().max(50).optional().catch(undefined),
  from: ZDay,
  to: ZDay,
  /** Where the previous page of the list by arrival ended (keyset); ignored while searching. */
  cursor: z.string().trim().max(200).optional().catch(undefined),
});
export type TWireFilters = z.infer<typeof ZWireFilters>;
