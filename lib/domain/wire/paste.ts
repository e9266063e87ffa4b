/**
 * A paste box holds one story or several separated by a `---` line. Kept apart from the
 * parsers so the import panel can show the cap without bundling them.
 */
import { AppError } from "@/lib/domain/errors";

/**
 * Each pasted story is a full import (parse, hash, insert) in the same request, so a paste of
 * thousands held a request and the database for minutes; more than this many belong in files.
 */
export const MAX_PASTED_STORIES = 50;

const SEPARATOR = /^[ \t]*-{3,}[ \t]*$/m;

/**
 * Splits a paste of several stories separated by a line consisting of `---`. Each story keeps
 * its text verbatim apart from the blank lines around the separator; empty pieces are dropped.
 * More than MAX_PASTED_STORIES pieces is refused as a whole, so nothing of it is imported.
 */
export function splitPastedStories(text: string): string[] {
  const pieces = text
    .split(SEPARATOR)
    .map((piece) => piece.replace(/^(?:[ \t]*\r?\n)+/, "").trimEnd())
    .filter((piece) => piece.trim().length > 0);
  if (pieces.length > MAX_PASTED_STORIES) {
    throw new AppError(
      "INVALID_INPUT",
      `A paste can hold at most ${MAX_PASTED_STORIES} stories; this one has ${pieces.length}. Split it, or import files.`,
      { stories: pieces.length, limit: MAX_PASTED_STORIES },
    );
  }
  return pieces;
}
