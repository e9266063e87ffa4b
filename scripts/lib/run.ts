import { spawn } from "node:child_process";
import path from "node:path";

const BIN = path.resolve("node_modules", ".bin");

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(resolveBin(command), args, {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Runs a command and captures its stdout; stderr passes through. */
export function capture(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(resolveBin(command), args, {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

function resolveBin(command: string): string {
  return ["prisma", "next", "playwright", "vitest", "eslint", "tsc", "tsx"].includes(command)
    ? path.join(BIN, command)
    : command;
}

/** Applies the committed migrations; `quiet` keeps Prisma's banner out of test output unless it fails. */
export async function migrate(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  if (!options.quiet) return run("prisma", ["migrate", "deploy"], { DATABASE_URL: databaseUrl });
  await new Promise<void>((resolve, reject) => {
    const child = spawn(resolveBin("prisma"), ["migrate", "deploy"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${output}`))));
  });
}
