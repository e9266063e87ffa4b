import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";

const BIN = path.resolve("node_modules", ".bin");

/**
 * The one way the scripts start another program: the project's own tools from node_modules/.bin,
 * the environment given whole (a caller that must drop a variable, like the launcher, can).
 */
export function spawnCommand(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; stdio?: StdioOptions } = {}): ChildProcess {
  return spawn(resolveBin(command), args, { stdio: options.stdio ?? "inherit", env: options.env ?? process.env });
}

/** Resolves when the child exits 0; otherwise rejects, with `output` (what it printed) when captured. */
function finished(child: ChildProcess, description: string, output: () => string = () => ""): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${description} failed (${signal ?? `exit ${code}`})${output() ? `:\n${output()}` : ""}`));
    });
  });
}

function withEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env };
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return finished(spawnCommand(command, args, { env: withEnv(env) }), `${command} ${args.join(" ")}`);
}

/** Runs a command and captures its stdout; stderr passes through, or is kept to report a failure when `quiet`. */
export async function capture(command: string, args: string[], env: Record<string, string> = {}, options: { quiet?: boolean } = {}): Promise<string> {
  const child = spawnCommand(command, args, { env: withEnv(env), stdio: ["ignore", "pipe", options.quiet ? "pipe" : "inherit"] });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  await finished(child, `${command} ${args.join(" ")}`, () => (options.quiet ? `${out}${err}` : ""));
  return out;
}

function resolveBin(command: string): string {
  return ["prisma", "next", "playwright", "vitest", "eslint", "tsc", "tsx"].includes(command)
    ? path.join(BIN, command)
    : command;
}

/** Applies the committed migrations; `quiet` keeps Prisma's banner out of test output unless it fails. */
export async function migrate(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  if (!options.quiet) return run("prisma", ["migrate", "deploy"], { DATABASE_URL: databaseUrl });
  await capture("prisma", ["migrate", "deploy"], { DATABASE_URL: databaseUrl }, { quiet: true });
}
