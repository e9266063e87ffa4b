import { assertCan } from "@/lib/server/authorize";
import type { ProposalsResponse } from "@/lib/schemas/workspace";
import { storyJson, withUser } from "@/lib/server/http";
import { proposalsForStory } from "@/lib/server/queries/stories";

export const dynamic = "force-dynamic";

/** Accept a proposal by sending its operation (attachSource or addFact) to ../operations. */
export const GET = withUser<{ id: string }>(async (_request, user, params) => {
  assertCan(user, "story.read");
  const proposals = await proposalsForStory(params.id);
  return storyJson<ProposalsResponse>(proposals && { proposals });
});
