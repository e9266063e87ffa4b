import { z } from "zod";

/** Every refusal of the HTTP API: `{"error": {"code", "message"}}` (see lib/server/errors.ts). */
export const ZApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type TApiError = z.infer<typeof ZApiError>;

/** The message of an API refusal, or `fallback` when the body is not one (a proxy's page, a cut-off body). */
export function apiErrorMessage(body: unknown, fallback: string): string {
  const parsed = ZApiError.safeParse(body);
  return parsed.success ? parsed.data.error.message : fallback;
}
