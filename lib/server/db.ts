import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";

function createPrismaClient() {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl() }),
    // Secrets never leave the data layer unless a query asks for them by name.
    omit: { user: { passwordHash: true }, apiKey: { keyHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForPrisma = globalThis as unknown as { factdeskPrisma?: Db };

function client(): Db {
  // Kept on globalThis so hot reloads in development reuse one connection pool.
  globalForPrisma.factdeskPrisma ??= createPrismaClient();
  return globalForPrisma.factdeskPrisma;
}

/**
 * The one Prisma client of the process, created on first use: `next build` imports every route
 * without a database, and a missing DATABASE_URL should fail the first query, clearly, not the build.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});
