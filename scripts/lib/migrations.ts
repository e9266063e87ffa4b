import fs from "node:fs";
import path from "node:path";
import { capture } from "./run";

export const SCHEMA = path.join("prisma", "schema.prisma");
/** The datamodel that the committed migrations produce, written with each new migration. */
export const MIGRATED_SCHEMA = path.join("prisma", "migrations", "migrated-schema.prisma");

/**
 * SQL that takes a database built from the committed migrations to `schemaPath`, or "" when
 * there is nothing to change. The JS schema engine needs a reachable database even for a
 * datamodel-to-datamodel diff, hence `databaseUrl`.
 */
export async function diffMigratedSchemaTo(schemaPath: string, databaseUrl: string): Promise<string> {
  const from = fs.existsSync(MIGRATED_SCHEMA) ? ["--from-schema-datamodel", MIGRATED_SCHEMA] : ["--from-empty"];
  const sql = await capture(
    "prisma",
    ["migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"],
    { DATABASE_URL: databaseUrl },
  );
  const statements = sql.replace(/^--.*$/gm, "").trim();
  return statements && !/^This is an empty migration/i.test(statements) ? sql : "";
}
