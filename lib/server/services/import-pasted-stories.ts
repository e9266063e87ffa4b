import "server-only";
import { AppError, isAppError } from "@/lib/domain/errors";
import { splitPastedStories } from "@/lib/domain/wire";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import type { PasteItemResult } from "@/lib/schemas/results";
import { importWireStory } from "./import-wire-story";

/**
 * Imports pasted text: one story, or several separated by a line `---`. Each story stands or
 * fails alone, but a paste over the story cap is refused before any import, so it changes nothing.
 */
export async function importPastedStories({ user, text }: { user: CurrentUser; text: string }): Promise<PasteItemResult[]> {
  assertCan(user, "wire.import");
  const pieces = splitPastedStories(text);
  // Said to the person at the paste box, not as a story's failure: there is no story to speak of.
  if (pieces.length === 0) throw new AppError("INVALID_INPUT", "There’s nothing to import yet: paste a wire story into the box first.");
  const results: PasteItemResult[] = [];
  for (const [index, piece] of pieces.entries()) {
    try {
      results.push({ index, ok: true, result: await importWireStory({ source: { kind: "user", user }, upload: { text: piece, contentType: "text/plain" } }) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ index, ok: false, error: error.message });
    }
  }
  return results;
}
