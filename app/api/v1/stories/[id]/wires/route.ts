import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/server/http";
import { addWiresToStory } from "@/lib/server/services/add-wires-to-story";

export const POST = withUser<{ id: string }>(async (request, user, params) => {
  return NextResponse.json(await addWiresToStory({ actor: user, storyId: params.id, input: await readJson(request) }));
});
