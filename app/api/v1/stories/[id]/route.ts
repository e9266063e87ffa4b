import type { WorkspaceData } from "@/lib/schemas/workspace";
import { assertCan } from "@/lib/server/authorize";
import { permanentRedirect, storyJson, withErrors, withUser } from "@/lib/server/http";
import { isPublishedSlug, publishedNinjsPath } from "@/lib/server/queries/published";
import { storyForClient } from "@/lib/server/queries/stories";

export const dynamic = "force-dynamic";

const workspace = withUser<{ id: string }>(async (_request, user, params) => {
  assertCan(user, "story.read");
  return storyJson<WorkspaceData>(await storyForClient(params.id, user));
});

/**
 * The story as the workspace edits it, for the newsroom. The public ninjs used to be served here
 * by slug too and now has its own path; links to it by slug are sent there for good (308), so
 * syndication partners keep working. Slugs are words with a hex suffix and ids are cuids, so
 * the two never collide; any other name still gets the workspace's 401 or 404.
 */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  if (await isPublishedSlug(id)) return permanentRedirect(publishedNinjsPath(id));
  return workspace(request, context);
});
