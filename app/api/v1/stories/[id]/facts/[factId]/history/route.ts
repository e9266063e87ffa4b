import type { FactHistoryResponse } from "@/lib/schemas/workspace";
import { assertCan } from "@/lib/server/authorize";
import { storyJson, withUser } from "@/lib/server/http";
import { factHistoryForStory } from "@/lib/server/queries/fact-history";

export const dynamic = "force-dynamic";

/** `{ entries: [{ eventId, actorName, at, what }], earlierLeftOut }`, oldest first. */
export const GET = withUser<{ id: string; factId: string }>(async (_request, user, params) => {
  assertCan(user, "story.read");
  return storyJson<FactHistoryResponse>(await factHistoryForStory(params.id, params.factId));
});
