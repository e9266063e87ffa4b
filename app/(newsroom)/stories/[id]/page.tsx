import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryWorkspace } from "@/components/stories/workspace/story-workspace";
import { storyForClient } from "@/lib/server/queries/stories";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Story" };

/**
 * The story workspace. The server renders it with the same data `GET /api/v1/stories/{id}`
 * returns, so the first paint shows the story; from then on the client keeps it current.
 */
export default async function StoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("story.read");
  const initial = await storyForClient((await params).id, user);
  if (!initial) notFound();
  // Keyed by revision: a new revision is a new document, with its own history and queue.
  return <StoryWorkspace key={initial.revision.id} initial={initial} />;
}
