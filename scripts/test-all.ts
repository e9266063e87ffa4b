import fs from "node:fs";
import path from "node:path";
import { ensurePrismaClient } from "./lib/launcher";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { diffMigratedSchemaTo, SCHEMA } from "./lib/migrations";
import { runMain } from "./lib/main";
import { run } from "./lib/run";

/**
 * npm test: every check, in order from fastest to slowest, stopping at the first failure —
 * types, lint, migrations in step with the schema, unit, integration (real database), then the
 * production build and end-to-end tests in Chromium. Ends with one line of test counts.
 */
const REPORTS = path.join("test-results", "reports");

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };

async function step(name: string, fn: () => Promise<void>) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  await fn();
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function migrationsMatchSchema() {
  const db = await startEmbeddedPostgres({ dataDir: null });
  try {
    const pending = await diffMigratedSchemaTo(SCHEMA, db.url);
    if (pending) throw new Error(`prisma/schema.prisma has changes no migration covers. Run: npm run db:migration -- <name>\n${pending}`);
  } finally {
    await db.stop();
  }
}

function addVitestCounts(file: string) {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function addPlaywrightCounts(file: string) {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

async function vitest(project: "unit" | "integration") {
  const file = path.join(REPORTS, `${project}.json`);
  try {
    await run("vitest", ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  } finally {
    if (fs.existsSync(file)) addVitestCounts(file);
  }
}

async function main() {
  fs.rmSync(REPORTS, { recursive: true, force: true });
  fs.mkdirSync(REPORTS, { recursive: true });
  const database = process.env.DATABASE_URL ? `PostgreSQL at ${new URL(process.env.DATABASE_URL).host}` : "embedded PGlite";
  console.log(`Running every test against ${database}.`);
  try {
    await step("Prisma client", ensurePrismaClient);
    await step("Typecheck", () => run("tsc", ["--noEmit"]));
    await step("Lint", () => run("eslint", [".", "--max-warnings=0"]));
    await step("Migrations match the schema", migrationsMatchSchema);
    await step("Unit tests", () => vitest("unit"));
    await step("Integration tests", () => vitest("integration"));
    await step("Production build", () => run("next", ["build"]));
    const e2eReport = path.join(REPORTS, "e2e.json");
    await step("End-to-end tests (Chromium)", async () => {
      try {
        await run("playwright", ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });
      } finally {
        if (fs.existsSync(e2eReport)) addPlaywrightCounts(e2eReport);
      }
    });
  } finally {
    console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  }
}

runMain(main, { errorPrefix: "\n✘ " });
