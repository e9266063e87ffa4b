import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { authenticateApiKey } from "@/lib/server/api-keys";
import { getCurrentUser } from "@/lib/server/auth";
import { assertSameOrigin, withErrors } from "@/lib/server/http";
import { deleteWireStory, type WireDeleter } from "@/lib/server/services/delete-wire-story";

/**
 * DELETE /api/v1/wires/<id> — delete a wire story no story uses. Signed-in editors and above, or
 * the API key that sent it (`Authorization: Bearer <key>`). 200 `{deleted: true, id}`; 409 with a
 * sentence naming the stories that use it; 404 when there is no such wire story.
 */
export const DELETE = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const deleter = await deleterOf(request);
  const { id } = await context.params;
  const deleted = await deleteWireStory({ deleter, wireStoryId: id });
  return NextResponse.json({ deleted: true, id: deleted.id });
});

async function deleterOf(request: Request): Promise<WireDeleter> {
  if (request.headers.has("authorization")) {
    const apiKey = await authenticateApiKey(request);
    return { kind: "api-key", apiKeyId: apiKey.id, apiKeyName: apiKey.name };
  }
  assertSameOrigin(request);
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first, or send an API key as `Authorization: Bearer <key>`.");
  return { kind: "user", user };
}
