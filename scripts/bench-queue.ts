import { performance } from "node:perf_hooks";
import PgBoss from "pg-boss";
import { Logger, makeWorkerUtils, run as runGraphile } from "graphile-worker";
import { createEphemeralDatabase } from "./lib/ephemeral-database";
import { argValue, runMain } from "./lib/main";

/**
 * npm run bench:queue [-- --jobs 1000 --concurrency 4]: the two PostgreSQL job queues Node 20 can
 * run (pg-boss 10.4.2, graphile-worker 0.16.6), side by side on a fresh database — the embedded
 * PGlite, or a new database on DATABASE_URL's server. Prints one JSON line per library: jobs sent
 * per second, jobs run per second (from the first send to the last job done), and whether every
 * job ran exactly once. The worker uses pg-boss (see README, "Ingest channels").
 */
interface Figures {
  library: string;
  database: string;
  jobs: number;
  sendPerSecond: number;
  runPerSecond: number;
  ranOnce: boolean;
}

/** batchSize 1 is how the channel worker takes jobs (one poll each); pg-boss waits its polling interval between fetches. */
async function benchPgBoss(url: string, jobs: number, concurrency: number, batchSize: number): Promise<Omit<Figures, "database">> {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", migrate: false, schedule: false, supervise: false, max: concurrency + 2 });
  await boss.start();
  await boss.createQueue("bench", { name: "bench", policy: "standard" });
  const runs = jobRuns(jobs);
  const started = performance.now();
  for (let i = 0; i < jobs; i++) await boss.send("bench", { n: i });
  const sent = performance.now();
  for (let slot = 0; slot < concurrency; slot++) {
    await boss.work<{ n: number }>("bench", { pollingIntervalSeconds: 0.5, batchSize }, async (batch) => {
      for (const job of batch) runs.ran(job.data.n);
    });
  }
  await runs.allDone;
  const ended = performance.now();
  await boss.stop({ graceful: true, wait: true });
  return { library: `pg-boss 10.4.2 (batchSize ${batchSize})`, jobs, sendPerSecond: rate(jobs, sent - started), runPerSecond: rate(jobs, ended - started), ranOnce: runs.eachOnce() };
}

async function benchGraphile(url: string, jobs: number, concurrency: number): Promise<Omit<Figures, "database">> {
  const quiet = new Logger(() => () => {});
  const utils = await makeWorkerUtils({ connectionString: url, logger: quiet });
  await utils.migrate();
  const runs = jobRuns(jobs);
  const started = performance.now();
  for (let i = 0; i < jobs; i++) await utils.addJob("bench", { n: i });
  const sent = performance.now();
  const runner = await runGraphile({
    connectionString: url,
    concurrency,
    pollInterval: 500,
    noHandleSignals: true,
    logger: quiet,
    taskList: {
      bench: async (payload) => runs.ran((payload as { n: number }).n),
    },
  });
  await runs.allDone;
  const ended = performance.now();
  await runner.stop();
  await utils.release();
  return { library: "graphile-worker 0.16.6", jobs, sendPerSecond: rate(jobs, sent - started), runPerSecond: rate(jobs, ended - started), ranOnce: runs.eachOnce() };
}

/** Counts each job's runs; allDone resolves when the last of `jobs` has run. */
function jobRuns(jobs: number) {
  const seen = new Map<number, number>();
  let finish: () => void = () => {};
  const allDone = new Promise<void>((resolve) => (finish = resolve));
  return {
    allDone,
    ran(n: number) {
      seen.set(n, (seen.get(n) ?? 0) + 1);
      if (seen.size === jobs) finish();
    },
    eachOnce: () => seen.size === jobs && [...seen.values()].every((count) => count === 1),
  };
}

const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);

async function main() {
  const jobs = Number(argValue("--jobs") ?? 1000);
  const concurrency = Number(argValue("--concurrency") ?? 4);
  const database = process.env.DATABASE_URL ? "postgresql" : "pglite";
  const benches = [(url: string) => benchPgBoss(url, jobs, concurrency, 1), (url: string) => benchPgBoss(url, jobs, concurrency, 25), (url: string) => benchGraphile(url, jobs, concurrency)];
  for (const bench of benches) {
    const db = await createEphemeralDatabase("bench_queue");
    try {
      console.log(JSON.stringify({ ...(await bench(db.ownerUrl)), database }));
    } finally {
      await db.stop();
    }
  }
}

runMain(main, { exitWhenDone: true });
