import path from "node:path";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";

export const DATA_DIR = path.resolve(process.env.FACTDESK_DATA_DIR ?? ".data");

export interface AppDatabase extends RunningDatabase {
  embedded: boolean;
  /** Where migrations run: `url`, or the tables' owner while the app runs as a least-privilege role. */
  migrationUrl: string;
}

/**
 * MIGRATION_DATABASE_URL: the owner's URL, for migrations, when DATABASE_URL is the app's
 * least-privilege role (npm run db:roles), which may not change the schema.
 */
export function migrationDatabaseUrl(): string | undefined {
  return process.env.MIGRATION_DATABASE_URL || undefined;
}

/**
 * The database the app should use: DATABASE_URL when set (never starting PGlite), migrated at
 * MIGRATION_DATABASE_URL when that is set; else the embedded Postgres with its data in ./.data/pglite.
 */
export async function openAppDatabase(): Promise<AppDatabase> {
  const configured = process.env.DATABASE_URL;
  const migrationUrl = migrationDatabaseUrl();
  if (configured) return { url: configured, migrationUrl: migrationUrl ?? configured, embedded: false, stop: async () => {} };
  if (migrationUrl) {
    // Migrating a server while the app silently runs on the embedded database would be a surprise.
    throw new Error("MIGRATION_DATABASE_URL is set but DATABASE_URL is not: set DATABASE_URL to the app's role on the same server, or unset both for the embedded database.");
  }
  const running = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pglite") });
  return { ...running, migrationUrl: running.url, embedded: true };
}
