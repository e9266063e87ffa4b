import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { assertCan } from "@/lib/server/authorize";
import { withUser } from "@/lib/server/http";
import { storyForClient } from "@/lib/server/queries/stories";

export const dynamic = "force-dynamic";

export const GET = withUser<{ id: string }>(async (_request, user, params) => {
  assertCan(user, "story.read");
  const story = await storyForClient(params.id, user);
  if (!story) throw new AppError("NOT_FOUND", "No such story.");
  return NextResponse.json(story);
});
