"use server";

import { revalidatePath } from "next/cache";
import { isAppError } from "@/lib/domain/errors";
import { splitPastedStories } from "@/lib/domain/wire";
import { runAction, type ActionResult } from "@/lib/server/actions";
import { importWireStory, type ImportResult } from "@/lib/server/services/import-wire-story";
import { setRangeRestored } from "@/lib/server/services/restore-wire-range";

export type PasteItemResult = { index: number; ok: true; result: ImportResult } | { index: number; ok: false; error: string };

/** Imports pasted text: one story, or several separated by a line `---`; each stands or fails alone. */
export async function importPastedAction(text: string): Promise<ActionResult<PasteItemResult[]>> {
  const result = await runAction(async (user) => {
    const pieces = splitPastedStories(text);
    if (pieces.length === 0) return [{ index: 0, ok: false as const, error: "Nothing to import: the text is empty." }];
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
  });
  revalidatePath("/wires");
  return result;
}

export async function setRangeRestoredAction(wireStoryId: string, start: number, restored: boolean): Promise<ActionResult<null>> {
  const result = await runAction((actor) => setRangeRestored({ actor, wireStoryId, start, restored }));
  revalidatePath(`/wires/${wireStoryId}`);
  return result.ok ? { ok: true, data: null, message: restored ? "Restored to the story." : "Removed from the story again." } : result;
}
