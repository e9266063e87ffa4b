import "server-only";
import { ZodError } from "zod";
import { isAppError } from "@/lib/domain/errors";
import { describeDatabaseError, isDatabaseUnavailable } from "./database-errors";

/** What the user is told about a failure, whichever way it reaches them (JSON error, form message). */
export interface ErrorReply {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

/**
 * The one mapping from what a use case throws to what the user sees, shared by route handlers
 * (as `{"error": {"code", "message"}}`) and server actions (as the form's message), so both say
 * the same thing about the same failure. Only the unexpected is logged; `where` says who asked.
 */
export function describeError(error: unknown, where: string): ErrorReply {
  if (isAppError(error)) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof ZodError) {
    const message = error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
    return { status: 400, code: "INVALID_INPUT", message };
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`Database unavailable (${where}): ${describeDatabaseError(error)}`);
    return { status: 503, code: "UNAVAILABLE", message: "The database is not reachable; nothing was changed. Try again in a moment.", headers: { "Retry-After": "5" } };
  }
  console.error(`Unexpected error in ${where}`, error);
  return { status: 500, code: "INTERNAL", message: "Something went wrong on our side; nothing was changed." };
}
