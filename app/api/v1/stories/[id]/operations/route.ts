import { NextResponse } from "next/server";
import { ZStoryOperations } from "@/lib/schemas/stories";
import type { OperationsResponse } from "@/lib/schemas/workspace";
import { db } from "@/lib/server/db";
import { readJson, withUser } from "@/lib/server/http";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { loadDocument } from "@/lib/server/stories/document-store";
import { assertRevisionOfStory } from "@/lib/server/stories/revision-of-story";

/** Applies edits all or nothing: 200 with the new document, or 409 with the conflict and the current state. */
export const POST = withUser<{ id: string }>(async (request, user, params) => {
  const { revisionId, operations } = ZStoryOperations.parse(await readJson(request));
  await assertRevisionOfStory(params.id, revisionId);
  const result = await applyStoryOperation({ actor: user, revisionId, operation: operations });
  const document = await db.$transaction((tx) => loadDocument(tx, revisionId));
  return NextResponse.json<OperationsResponse>({ ...result, document }, { status: result.status === "conflict" ? 409 : 200 });
});
