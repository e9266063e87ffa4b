import "server-only";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";

/** Records that the user has seen the event as it is now: the events view then counts what arrives after. */
export async function markEventSeen(actor: CurrentUser, eventId: string): Promise<void> {
  assertCan(actor, "wire.read");
  const seenAt = new Date();
  await db.newsEventView.upsert({ where: { userId_eventId: { userId: actor.id, eventId } }, create: { userId: actor.id, eventId, seenAt }, update: { seenAt } });
}
