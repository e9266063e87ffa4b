import path from "node:path";
import pg from "pg";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

/**
 * The pg adapter for the JS schema engine, which needs no native binary (nothing to download
 * on an offline machine). Its `executeScript` splits a migration on every ";", which breaks
 * any function body; Postgres runs a multi-statement script as one simple query (and in one
 * implicit transaction, so a migration applies whole or not at all), so we send it whole.
 */
function migrationAdapter(connectionString: string) {
  const pool = new pg.Pool({ connectionString });
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error("DATABASE_URL is not set. Use `npm run db:migrate`, which starts the embedded database when DATABASE_URL is unset.");
    }
    return migrationAdapter(connectionString);
  },
});
