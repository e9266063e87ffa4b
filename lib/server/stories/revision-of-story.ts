import "server-only";
import { AppError } from "@/lib/domain/errors";
import { db } from "../db";

/** Refuses a revision id that doesn't belong to the story named in the URL. */
export async function assertRevisionOfStory(storyId: string, revisionId: string): Promise<void> {
  const revision = await db.storyRevision.findUnique({ where: { id: revisionId }, select: { storyId: true } });
  if (!revision || revision.storyId !== storyId) throw new AppError("NOT_FOUND", "No such revision of this story.");
}
