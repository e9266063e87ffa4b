import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";
import { migrate } from "./run";

/**
 * A fresh, migrated database for one test run: a new database on the DATABASE_URL server
 * (dropped afterwards), or an in-memory embedded Postgres when DATABASE_URL is unset.
 * Refuses anything but a loopback server, so tests never touch a shared database.
 */
export async function createEphemeralDatabase(label: string): Promise<RunningDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const db = serverUrl ? await createDatabaseOnServer(serverUrl, label) : await startEmbeddedPostgres({ dataDir: null });
  try {
    await migrate(db.url, { quiet: true });
  } catch (error) {
    await db.stop();
    throw error;
  }
  return db;
}

async function createDatabaseOnServer(serverUrl: string, label: string): Promise<RunningDatabase> {
  const admin = new URL(serverUrl);
  if (!["localhost", "127.0.0.1", "[::1]", "::1"].includes(admin.hostname)) {
    throw new Error(`Tests create and drop databases; refusing the non-local server ${admin.hostname}.`);
  }
  const name = `factdesk_${label}_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
