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

/** The one Prisma client of the process (kept across hot reloads in development). */
export const db: Db = globalForPrisma.factdeskPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.factdeskPrisma = db;
