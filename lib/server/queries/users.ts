import "server-only";
import { db } from "../db";

export function listUsers() {
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true },
  });
}
export type UserListItem = Awaited<ReturnType<typeof listUsers>>[number];
