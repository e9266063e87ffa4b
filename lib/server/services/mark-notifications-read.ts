import "server-only";
import type { CurrentUser } from "../auth";
import { db } from "../db";

/** Marks the user's own notifications read (all of them, or the ones named). */
export async function markNotificationsRead({ actor, ids }: { actor: CurrentUser; ids?: string[] }) {
  await db.notification.updateMany({ where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
}
