import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { assertCan } from "@/lib/server/authorize";
import { withUser } from "@/lib/server/http";
import { reviewForStory } from "@/lib/server/queries/review";

export const dynamic = "force-dynamic";

export const GET = withUser<{ id: string }>(async (_request, user, params) => {
  assertCan(user, "story.read");
  const review = await reviewForStory(params.id, user);
  if (!review) throw new AppError("NOT_FOUND", "No such story.");
  return NextResponse.json(review);
});
