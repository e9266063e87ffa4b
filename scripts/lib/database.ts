import path from "node:path";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";

export const DATA_DIR = path.resolve(process.env.FACTDESK_DATA_DIR ?? ".data");

/**
 * The database the app should use: DATABASE_URL when set (never starting PGlite), else the
 * embedded Postgres with its data in ./.data/pglite.
 */
export async function openAppDatabase(): Promise<RunningDatabase & { embedded: boolean }> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => {} };
  const running = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pglite") });
  return { ...running, embedded: true };
}
