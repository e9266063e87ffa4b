import { openAppDatabase } from "./lib/database";
import { migrate } from "./lib/run";
import { runMain } from "./lib/main";

/**
 * Applies committed migrations to MIGRATION_DATABASE_URL (the owner, when the app runs as a
 * least-privilege role), else DATABASE_URL, else the embedded database.
 */
async function main() {
  const db = await openAppDatabase();
  try {
    await migrate(db.migrationUrl);
  } finally {
    await db.stop();
  }
}

runMain(main);
