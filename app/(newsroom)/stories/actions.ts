"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/schemas/results";
import { runAction } from "@/lib/server/actions";
import { addWiresToStory } from "@/lib/server/services/add-wires-to-story";
import { createStory } from "@/lib/server/services/create-story";

export async function createStoryAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await runAction((actor) => createStory({ actor, input: { wireStoryIds: form.getAll("wire").map(String) } }));
  if (!result.ok) return result;
  redirect(`/stories/${result.data.storyId}`);
}

export async function addWiresToStoryAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const storyId = String(form.get("story") ?? "");
  if (!storyId) return { ok: false, error: "Choose the story to add them to." };
  const result = await runAction((actor) => addWiresToStory({ actor, storyId, input: { wireStoryIds: form.getAll("wire").map(String) } }));
  if (!result.ok) return result;
  redirect(`/stories/${storyId}`);
}
