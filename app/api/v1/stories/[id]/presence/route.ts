import { readJson, withUser } from "@/lib/server/http";
import { updatePresence } from "@/lib/server/services/update-presence";

export const POST = withUser<{ id: string }>(async (request, user, params) => {
  await updatePresence({ actor: user, storyId: params.id, input: await readJson(request) });
  return new Response(null, { status: 204 });
});
