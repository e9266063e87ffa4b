import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { diffMigratedSchemaTo, MIGRATED_SCHEMA, SCHEMA } from "./lib/migrations";
import { runMain } from "./lib/main";

/**
 * Writes a new migration from the change to prisma/schema.prisma. `prisma migrate dev` needs a
 * shadow database, and `migrate diff --from-url` is refused with the JS engine, so the datamodel
 * that the committed migrations produce is kept beside them (MIGRATED_SCHEMA) and diffed
 * against the schema; the snapshot moves forward with each migration written.
 *
 *   npm run db:migration -- add_wire_stories
 */
async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage: npm run db:migration -- <name>   (lowercase letters, digits and _)");
    process.exit(2);
  }
  const db = await startEmbeddedPostgres({ dataDir: null });
  try {
    const sql = await diffMigratedSchemaTo(SCHEMA, db.url);
    if (!sql) {
      console.log("The schema matches the migrations: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.copyFileSync(SCHEMA, MIGRATED_SCHEMA);
    console.log(`Wrote ${dir}/migration.sql — review it, then apply with npm run db:migrate.`);
  } finally {
    await db.stop();
  }
}

runMain(main);
