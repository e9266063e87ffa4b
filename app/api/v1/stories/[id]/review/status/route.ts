import { assertCan } from "@/lib/server/authorize";
import { storyJson, withUser } from "@/lib/server/http";
import { reviewStatusForStory } from "@/lib/server/queries/review";

export const dynamic = "force-dynamic";

/** The review state the story workspace's header shows: state, submit (or why not), requested changes. */
export const GET = withUser<{ id: string }>(async (_request, user, params) => {
  assertCan(user, "story.read");
  return storyJson(await reviewStatusForStory(params.id, user));
});
