import { openAppDatabase } from "./lib/database";
import { migrate } from "./lib/run";

/** Applies committed migrations to DATABASE_URL, or to the embedded database when it is unset. */
async function main() {
  const db = await openAppDatabase();
  try {
    await migrate(db.url);
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
