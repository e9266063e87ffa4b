import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export const STORY_CHANNEL = "factdesk_story_events";

/**
 * Announces a change to everyone watching the story, on every app instance: Postgres delivers
 * NOTIFY to all listeners when the transaction commits (and never if it rolls back).
 */
export async function notifyStoryChanged(tx: Prisma.TransactionClient, storyId: string, eventId: bigint): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${STORY_CHANNEL}, ${JSON.stringify({ storyId, eventId: eventId.toString() })})`;
}
