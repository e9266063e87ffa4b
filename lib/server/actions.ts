import "server-only";
import { ZodError } from "zod";
import { isAppError } from "@/lib/domain/errors";
import type { ActionResult } from "@/lib/schemas/results";
import { getCurrentUser, type CurrentUser } from "./auth";

/**
 * The wrapper every server action goes through: the signed-in user, errors mapped to a
 * message the form can show, unexpected ones logged. Permission is checked by the use case.
 */
export async function runAction<T>(fn: (user: CurrentUser) => Promise<T>, message?: string): Promise<ActionResult<T>> {
  try {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
    return { ok: true, data: await fn(user), message };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message };
    if (error instanceof ZodError) return { ok: false, error: error.issues.map((issue) => issue.message).join("; ") };
    console.error("Unexpected error in server action", error);
    return { ok: false, error: "Something went wrong on our side; nothing was changed." };
  }
}
