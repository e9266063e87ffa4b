import { createEphemeralDatabase } from "./lib/ephemeral-database";
import { launch } from "./lib/launcher";
import { run } from "./lib/run";
import { runMain } from "./lib/main";

/**
 * The server Playwright tests run against: the production build, on a fresh database (a new
 * database on DATABASE_URL's server, or an in-memory PGlite) seeded with the demo data; with
 * FACTDESK_TEST_APP_ROLE=1 the app and the seed run as a least-privilege role.
 */
async function main() {
  const database = await createEphemeralDatabase("e2e");
  await launch({
    mode: "start",
    database: { ...database, embedded: !process.env.DATABASE_URL, migrationUrl: database.ownerUrl },
    beforeServe: (env) => run("tsx", ["--conditions=react-server", "prisma/seed.ts"], env),
  });
}

runMain(main);
