import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import { db } from "@/lib/server/db";
import { readJson, withUser } from "@/lib/server/http";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { loadDocument } from "@/lib/server/stories/document-store";

const ZBody = z.object({ revisionId: z.string().min(1), operations: z.array(z.unknown()).min(1).max(200) });

/** Applies edits all or nothing: 200 with the new document, or 409 with the conflict and the current state. */
export const POST = withUser<{ id: string }>(async (request, user, params) => {
  const { revisionId, operations } = ZBody.parse(await readJson(request));
  const revision = await db.storyRevision.findUnique({ where: { id: revisionId }, select: { storyId: true } });
  if (!revision || revision.storyId !== params.id) throw new AppError("NOT_FOUND", "No such revision of this story.");
  const result = await applyStoryOperation({ actor: user, revisionId, operation: operations });
  const document = await db.$transaction((tx) => loadDocument(tx, revisionId));
  return NextResponse.json({ ...result, document }, { status: result.status === "conflict" ? 409 : 200 });
});
