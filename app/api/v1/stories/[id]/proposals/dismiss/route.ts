import { readJson, withUser } from "@/lib/server/http";
import { dismissProposal } from "@/lib/server/services/dismiss-proposal";

export const POST = withUser<{ id: string }>(async (request, user, params) => {
  await dismissProposal({ actor: user, storyId: params.id, input: await readJson(request) });
  return new Response(null, { status: 204 });
});
