import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/passwords";
import type { CurrentUser } from "@/lib/server/auth";
import { buildUser } from "../factories/users";

export async function insertUser(overrides: Parameters<typeof buildUser>[0] = {}) {
  const data = buildUser(overrides);
  const user = await db.user.create({
    data: { email: data.email, name: data.name, role: data.role, passwordHash: await hashPassword(data.password) },
  });
  const actor: CurrentUser = { id: user.id, email: user.email, name: user.name, role: data.role };
  return { user, actor, password: data.password };
}
