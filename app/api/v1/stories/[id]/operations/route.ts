import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { readJson, withUser } from "@/lib/server/http";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { loadDocument } from "@/lib/server/stories/document-store";
import { assertRevisionOfStory } from "@/lib/server/stories/revision-of-story";

const ZBody = z.object({ revisionId: z.string().min(1), operations: z.array(z.unknown()).min(1).max(200) });

/** Applies edits all or nothing: 200 with the new document, or 409 with the conflict and the current state. */
export const POST = withUser<{ id: string }>(async (request, user, params) => {
  const { revisionId, operations } = ZBody.parse(await readJson(request));
  await assertRevisionOfStory(params.id, revisionId);
  const result = await applyStoryOperation({ actor: user, revisionId, operation: operations });
  const document = await db.$transaction((tx) => loadDocument(tx, revisionId));
  return NextResponse.json({ ...result, document }, { status: result.status === "conflict" ? 409 : 200 });
});
