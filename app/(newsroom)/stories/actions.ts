"use server";

import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/server/actions";
import { createStory } from "@/lib/server/services/create-story";

export async function createStoryAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await runAction((actor) => createStory({ actor, input: { wireStoryIds: form.getAll("wire").map(String) } }));
  if (!result.ok) return result;
  redirect(`/stories/${result.data.storyId}`);
}
