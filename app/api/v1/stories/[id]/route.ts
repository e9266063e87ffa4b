import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { assertCan } from "@/lib/server/authorize";
import { withErrors, withUser } from "@/lib/server/http";
import { toNinjs } from "@/lib/server/queries/ninjs";
import { publishedStory } from "@/lib/server/queries/published";
import { storyForClient } from "@/lib/server/queries/stories";

export const dynamic = "force-dynamic";

const workspace = withUser<{ id: string }>(async (_request, user, params) => {
  assertCan(user, "story.read");
  const story = await storyForClient(params.id, user);
  if (!story) throw new AppError("NOT_FOUND", "No such story.");
  return NextResponse.json(story);
});

/**
 * By slug, public: the published story as ninjs 2.1 (readers, syndication). By id, for the
 * newsroom: the story as the workspace edits it. Slugs are words with a hex suffix and ids are
 * cuids, so the two never collide.
 */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const published = await publishedStory(id);
  if (published) return NextResponse.json(toNinjs(published, new URL(request.url).origin), { headers: { "Content-Type": "application/json; charset=utf-8" } });
  return workspace(request, context);
});
