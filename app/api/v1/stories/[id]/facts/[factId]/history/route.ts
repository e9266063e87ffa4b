import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import type { FactHistoryResponse } from "@/lib/schemas/workspace";
import { assertCan } from "@/lib/server/authorize";
import { withUser } from "@/lib/server/http";
import { factHistoryForStory } from "@/lib/server/queries/fact-history";

export const dynamic = "force-dynamic";

/** `{ entries: [{ eventId, actorName, at, what }], earlierLeftOut }`, oldest first. */
export const GET = withUser<{ id: string; factId: string }>(async (_request, user, params) => {
  assertCan(user, "story.read");
  const history = await factHistoryForStory(params.id, params.factId);
  if (!history) throw new AppError("NOT_FOUND", "No such story.");
  return NextResponse.json<FactHistoryResponse>(history);
});
