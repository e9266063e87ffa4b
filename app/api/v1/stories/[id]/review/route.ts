import { assertCan } from "@/lib/server/authorize";
import { storyJson, withUser } from "@/lib/server/http";
import { reviewForStory } from "@/lib/server/queries/review";

export const dynamic = "force-dynamic";

export const GET = withUser<{ id: string }>(async (_request, user, params) => {
  assertCan(user, "story.read");
  return storyJson(await reviewForStory(params.id, user));
});
