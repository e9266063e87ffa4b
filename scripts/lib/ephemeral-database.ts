import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropAppRole, ensureAppRole } from "./app-role";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";
import { migrate } from "./run";

export interface EphemeralDatabase extends RunningDatabase {
  /** The owner's URL, which migrated it; `url` differs only when the tests run as the app's role. */
  ownerUrl: string;
}

/**
 * A fresh, migrated database for one test run: a new database on the DATABASE_URL server
 * (dropped afterwards), or an in-memory embedded Postgres when DATABASE_URL is unset.
 * Refuses anything but a loopback server, so tests never touch a shared database.
 *
 * With FACTDESK_TEST_APP_ROLE=1 (PostgreSQL only) the database is migrated as the owner and `url`
 * is a least-privilege role's, made as `npm run db:roles` makes it, so the app and the tests run
 * as production should; the role is dropped with the database.
 */
export async function createEphemeralDatabase(label: string): Promise<EphemeralDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const asAppRole = testAppRoleRequested();
  if (asAppRole && !serverUrl) {
    throw new Error("FACTDESK_TEST_APP_ROLE needs DATABASE_URL (a PostgreSQL server): the embedded PGlite has a single superuser session, so there is no other role to run as.");
  }
  const db = serverUrl ? await createDatabaseOnServer(serverUrl, label) : await startEmbeddedPostgres({ dataDir: null });
  try {
    await migrate(db.url, { quiet: true });
    if (!asAppRole || !serverUrl) return { ...db, ownerUrl: db.url };
    // Roles belong to the whole server; naming it after the database keeps concurrent runs apart.
    const role = `${new URL(db.url).pathname.slice(1)}_app`;
    const app = await ensureAppRole(db.url, { role });
    return {
      url: app.url,
      ownerUrl: db.url,
      async stop() {
        await db.stop();
        await dropAppRole(serverUrl, role);
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

/** FACTDESK_TEST_APP_ROLE: run the app and the tests as the least-privilege role. */
export function testAppRoleRequested(): boolean {
  const value = (process.env.FACTDESK_TEST_APP_ROLE ?? "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
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
