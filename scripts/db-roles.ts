import { parseArgs } from "node:util";
import { ensureAppRole } from "./lib/app-role";
import { migrationDatabaseUrl } from "./lib/database";
import { runMain } from "./lib/main";

/**
 * npm run db:roles: creates or updates the app's least-privilege role on a PostgreSQL server and
 * prints the DATABASE_URL the app should use. Run it as the owner (the role that runs the
 * migrations: MIGRATION_DATABASE_URL, else DATABASE_URL), after migrating; re-running it is safe.
 *
 *   DATABASE_URL=postgresql://owner:…@host/factdesk npm run db:roles -- [--role factdesk_app] [--password …]
 *
 * The name and password may come from FACTDESK_APP_ROLE and FACTDESK_APP_PASSWORD instead (the
 * environment keeps the password out of the process list). Without a password a new role gets a
 * random one and an existing role keeps its own.
 */
async function main() {
  const { values } = parseArgs({ options: { role: { type: "string" }, password: { type: "string" } } });
  const ownerUrl = migrationDatabaseUrl() ?? process.env.DATABASE_URL;
  if (!ownerUrl) {
    throw new Error("Set DATABASE_URL (or MIGRATION_DATABASE_URL) to the table owner's postgresql:// URL. The embedded PGlite has a single superuser session, so it has no roles to set up.");
  }
  const role = values.role ?? process.env.FACTDESK_APP_ROLE ?? "factdesk_app";
  const password = values.password ?? (process.env.FACTDESK_APP_PASSWORD || undefined);
  const result = await ensureAppRole(ownerUrl, { role, password });
  const where = new URL(ownerUrl);
  console.log(`${result.created ? "Created" : "Updated"} the role ${role} on ${where.host}${where.pathname}: INSERT and SELECT on the history tables, ordinary DML elsewhere, no DDL.`);
  for (const note of result.notes) console.log(note);
  if (!result.passwordInUrl) console.log(`${role} kept its password (set FACTDESK_APP_PASSWORD to change it); put it into the URL below.`);
  console.log(`\nThe app's DATABASE_URL (migrations keep the owner's URL, as MIGRATION_DATABASE_URL):\n${result.url}`);
}

runMain(main);
