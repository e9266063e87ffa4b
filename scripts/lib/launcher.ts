import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR, openAppDatabase, type AppDatabase } from "./database";
import { migrate, run, spawnCommand } from "./run";

export type Mode = "dev" | "start";

export interface LaunchOptions {
  mode: Mode;
  /** The database to serve from; by default DATABASE_URL or the embedded one in ./.data. */
  database?: AppDatabase;
  /** Runs after migrations, before the server starts (the demo seeds here). */
  beforeServe?: (env: Record<string, string>) => Promise<void>;
  /** Runs once the server answers. */
  afterReady?: (baseUrl: string) => void;
}

/**
 * Starts Factdesk: the database (DATABASE_URL, or the embedded one in ./.data), migrations (as
 * the owner at MIGRATION_DATABASE_URL when the app's own role may not change the schema),
 * a session secret, a production build when sources changed, then Next.js and the background
 * worker (scripts/worker.ts). Ctrl-C stops it all.
 */
export async function launch(options: LaunchOptions): Promise<void> {
  const port = process.env.PORT ?? "3000";
  const database = options.database ?? (await openAppDatabase());
  if (database.embedded) console.log(`Embedded PostgreSQL (PGlite) on ${new URL(database.url).host}, data in ${path.join(DATA_DIR, "pglite")}`);
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
  };
  let stopping = false;
  const stopDatabase = async () => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => {});
  };
  try {
    await ensurePrismaClient();
    await migrate(database.migrationUrl);
    await options.beforeServe?.(env);
    if (options.mode === "start" && buildIsStale()) await run("next", ["build"], env);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  // Our own HTTP server in front of Next decides the client's address (scripts/serve.ts).
  const appEnv = withoutOwnerCredentials({ ...process.env, ...env });
  const server = spawnCommand("tsx", [path.join("scripts", "serve.ts"), options.mode], { env: appEnv });
  // The background worker (ingest channels) beside the app, as the same least-privilege role.
  const worker = spawnCommand("tsx", ["--conditions=react-server", path.join("scripts", "worker.ts")], { env: appEnv });
  worker.on("exit", (code, signal) => {
    if (!stopping && code !== 0 && !signal) console.error(`The worker stopped (exit code ${code}); ingest channels are not polled until the app restarts.`);
  });
  const forward = (signal: NodeJS.Signals) => () => {
    worker.kill(signal);
    server.kill(signal);
  };
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  const baseUrl = `http://localhost:${port}`;
  if (options.afterReady) void waitUntilReady(baseUrl).then(() => options.afterReady?.(baseUrl), () => {});
  server.on("exit", (code, signal) => {
    worker.kill("SIGTERM");
    void stopDatabase().then(() => process.exit(code ?? (signal ? 0 : 1)));
  });
}

/** The app runs as its least-privilege role; the owner's URL, for migrations only, stays out of its reach. */
function withoutOwnerCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { MIGRATION_DATABASE_URL: _owner, ...rest } = env;
  return rest;
}

/** The session-signing secret for local runs: generated once, kept in ./.data, never committed. */
function localSecret(): string {
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The generated client is not committed; (re)generate it when missing or older than the schema. */
export async function ensurePrismaClient(): Promise<void> {
  const generated = path.join("lib", "generated", "prisma", "client.ts");
  if (fs.existsSync(generated) && fs.statSync(generated).mtimeMs >= fs.statSync(path.join("prisma", "schema.prisma")).mtimeMs) return;
  await run("prisma", ["generate"], { DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://unused@localhost/unused" });
}

const SOURCES = ["app", "components", "lib", "proxy.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma"];

function buildIsStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > builtAt);
}

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

async function waitUntilReady(baseUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not become ready.");
}
