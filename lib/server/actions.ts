import "server-only";
import type { ActionResult } from "@/lib/schemas/results";
import { getCurrentUser, type CurrentUser } from "./auth";
import { describeError } from "./errors";

/**
 * The wrapper every server action goes through: the signed-in user, and failures told as the
 * API tells them (describeError), as a message the form can show. Permission is checked by the use case.
 */
export async function runAction<T>(fn: (user: CurrentUser) => Promise<T>, message?: string): Promise<ActionResult<T>> {
  try {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
    return { ok: true, data: await fn(user), message };
  } catch (error) {
    return { ok: false, error: describeError(error, "server action").message };
  }
}
