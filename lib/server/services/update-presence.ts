import "server-only";
import { AppError } from "@/lib/domain/errors";
import { ZPresence } from "@/lib/schemas/stories";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";
import { presenceChanged } from "../stories/story-feed";
import { STORY_CHANNEL } from "../stories/story-events";

export interface UpdatePresenceOptions {
  actor: CurrentUser;
  storyId: string;
  input: unknown;
}

/** Records that the actor has the story open (and which fact they are editing), and tells the others. */
export async function updatePresence({ actor, storyId, input }: UpdatePresenceOptions): Promise<void> {
  assertCan(actor, "story.read");
  const { factId } = ZPresence.parse(input);
  const story = await db.story.findUnique({ where: { id: storyId }, select: { id: true } });
  if (!story) throw new AppError("NOT_FOUND", "No such story.");
  await db.storyPresence.upsert({
    where: { storyId_userId: { storyId, userId: actor.id } },
    create: { storyId, userId: actor.id, factId },
    update: { factId, seenAt: new Date() },
  });
  await db.$executeRaw`SELECT pg_notify(${STORY_CHANNEL}, ${JSON.stringify({ storyId, presence: true })})`;
  presenceChanged(storyId);
}
