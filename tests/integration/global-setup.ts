import type { TestProject } from "vitest/node";
import { createEphemeralDatabase } from "../../scripts/lib/ephemeral-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    ownerDatabaseUrl: string;
  }
}

/** One fresh, migrated database per run: PGlite in memory, or a new database on DATABASE_URL's server. */
export default async function setup(project: TestProject) {
  const database = await createEphemeralDatabase("test");
  project.provide("databaseUrl", database.url);
  project.provide("ownerDatabaseUrl", database.url);
  return async () => {
    await database.stop();
  };
}
