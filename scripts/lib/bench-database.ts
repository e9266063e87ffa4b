import { createEphemeralDatabase } from "./ephemeral-database";

/**
 * A fresh, migrated database for a benchmark — embedded PGlite, or a new database on
 * DATABASE_URL's PostgreSQL server — and the app's database client on it. Call `close` when done.
 */
export async function openBenchDatabase(label: string) {
  const onServer = Boolean(process.env.DATABASE_URL);
  const database = await createEphemeralDatabase(label);
  process.env.DATABASE_URL = database.url;
  // Imported only now: the app's database client reads DATABASE_URL on first use.
  const { db } = await import("@/lib/server/db");
  return {
    db,
    url: database.url,
    kind: onServer ? ("postgresql" as const) : ("pglite" as const),
    async close() {
      await db.$disconnect();
      await database.stop();
    },
  };
}

/** The value below which p percent of the values fall. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
