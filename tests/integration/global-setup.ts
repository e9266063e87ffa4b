import type { TestProject } from "vitest/node";
import { createEphemeralDatabase } from "../../scripts/lib/ephemeral-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The app's URL: the owner's, or a least-privilege role's with FACTDESK_TEST_APP_ROLE=1. */
    databaseUrl: string;
    /** The URL of the role that owns the tables and ran the migrations. */
    ownerDatabaseUrl: string;
    /** PGlite in memory: one superuser session, so no roles to test. */
    embeddedDatabase: boolean;
  }
}

/** One fresh, migrated database per run: PGlite in memory, or a new database on DATABASE_URL's server. */
export default async function setup(project: TestProject) {
  const database = await createEphemeralDatabase("test");
  project.provide("databaseUrl", database.url);
  project.provide("ownerDatabaseUrl", database.ownerUrl);
  project.provide("embeddedDatabase", !process.env.DATABASE_URL);
  return async () => {
    await database.stop();
  };
}
