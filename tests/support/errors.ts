import { AppError } from "@/lib/domain/errors";

/** The AppError `fn` throws; anything else it throws is rethrown, and not throwing fails the test. */
export function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}
