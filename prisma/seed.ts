import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/passwords";
import { DEMO_USERS } from "./demo-users";

/**
 * Demo data, idempotent: running it again creates what is missing and leaves what exists
 * (including changes made in the app) alone. Run with `npm run db:seed`.
 */
export async function seedDemo(): Promise<void> {
  for (const user of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (existing) continue;
    await db.user.create({
      data: { email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) },
    });
  }
  console.log(`Demo users ready: ${DEMO_USERS.map((user) => user.email).join(", ")}`);
}

seedDemo()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
