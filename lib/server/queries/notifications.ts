import "server-only";
import { db } from "../db";

export function unreadNotificationCount(userId: string) {
  return db.notification.count({ where: { userId, readAt: null } });
}

export function listNotifications(userId: string) {
  return db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, kind: true, storyId: true, message: true, readAt: true, createdAt: true },
  });
}
