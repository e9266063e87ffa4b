"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/schemas/results";
import { runAction } from "@/lib/server/actions";
import type { PasteItemResult } from "@/lib/schemas/results";
import { importPastedStories } from "@/lib/server/services/import-pasted-stories";
import { setRangeRestored } from "@/lib/server/services/restore-wire-range";
import { deleteWireStory } from "@/lib/server/services/delete-wire-story";


/** Imports pasted text: one story, or several separated by a line `---`; each stands or fails alone. */
export async function importPastedAction(text: string): Promise<ActionResult<PasteItemResult[]>> {
  const result = await runAction((user) => importPastedStories({ user, text }));
  revalidatePath("/wires");
  return result;
}

export async function setRangeRestoredAction(wireStoryId: string, start: number, restored: boolean): Promise<ActionResult<null>> {
  const result = await runAction((actor) => setRangeRestored({ actor, wireStoryId, start, restored }));
  revalidatePath(`/wires/${wireStoryId}`);
  return result.ok ? { ok: true, data: null, message: restored ? "Restored to the story." : "Removed from the story again." } : result;
}

/** Deletes a wire story no story uses; refused, with the stories named, while one does. */
export async function deleteWireStoryAction(wireStoryId: string): Promise<ActionResult<null>> {
  const result = await runAction((user) => deleteWireStory({ deleter: { kind: "user", user }, wireStoryId }));
  if (!result.ok) return result;
  revalidatePath("/wires");
  return { ok: true, data: null, message: `Deleted “${result.data.title}”.` };
}
