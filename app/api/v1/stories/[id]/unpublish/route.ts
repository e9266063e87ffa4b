import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/server/http";
import { unpublishStory } from "@/lib/server/services/unpublish-story";

/** `{ reason }` — publishers only. */
export const POST = withUser<{ id: string }>(async (request, user, params) => {
  await unpublishStory({ actor: user, storyId: params.id, input: await readJson(request) });
  return NextResponse.json({ unpublished: true });
});
