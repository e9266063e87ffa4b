import { apiErrorMessage } from "@/lib/schemas/errors";

/**
 * What to tell the user about a failed fetch: the API's own message when the body carries one,
 * else `fallback`, which may name the status. Never throws, so a broken body cannot hide the refusal.
 */
export async function readError(response: Response, fallback: (status: number) => string = (status) => `The server refused it (${status}).`): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  return apiErrorMessage(body, fallback(response.status));
}
