import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Real Postgres (PGlite, compiled to WASM) served over the Postgres wire protocol on a free
 * loopback port, so the app, Prisma's CLI and the tests all reach it exactly as they reach a
 * Postgres server: one code path (adapter-pg) for both.
 *
 * `dataDir` null keeps the database in memory (tests); otherwise the folder persists it.
 */
export async function startEmbeddedPostgres(options: { dataDir: string | null }): Promise<RunningDatabase> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? path.resolve(options.dataDir) : "memory://");
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: 0,
    // PGlite has one session; the socket server multiplexes connections and keeps an open
    // transaction exclusive to its connection, so a pool of clients is safe.
    maxConnections: 64,
  });
  await server.start();
  const hostPort = server.getServerConn();
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@${hostPort}/postgres?sslmode=disable`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
