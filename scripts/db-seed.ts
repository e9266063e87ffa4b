import { openAppDatabase } from "./lib/database";
import { migrate, run } from "./lib/run";
import { runMain } from "./lib/main";

/** npm run db:seed: demo data into DATABASE_URL (migrated at MIGRATION_DATABASE_URL when set), or into the embedded database. */
async function main() {
  const database = await openAppDatabase();
  try {
    await migrate(database.migrationUrl);
    await run("tsx", ["--conditions=react-server", "prisma/seed.ts"], { DATABASE_URL: database.url });
  } finally {
    await database.stop();
  }
}

runMain(main);
