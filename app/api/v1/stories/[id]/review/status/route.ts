import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { assertCan } from "@/lib/server/authorize";
import { withUser } from "@/lib/server/http";
import { reviewStatusForStory } from "@/lib/server/queries/review";

export const dynamic = "force-dynamic";

/** The review state the story workspace's header shows: state, submit (or why not), requested changes. */
export const GET = withUser<{ id: string }>(async (_request, user, params) => {
  assertCan(user, "story.read");
  const status = await reviewStatusForStory(params.id, user);
  if (!status) throw new AppError("NOT_FOUND", "No such story.");
  return NextResponse.json(status);
});
