import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/server/http";
import { createStory } from "@/lib/server/services/create-story";

/** Starts a consolidated story from wire stories: `{ "wireStoryIds": [...] }` → 201. */
export const POST = withUser(async (request, user) => {
  const created = await createStory({ actor: user, input: await readJson(request) });
  return NextResponse.json(created, { status: 201 });
});
