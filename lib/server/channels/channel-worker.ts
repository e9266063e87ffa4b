import "server-only";
import PgBoss from "pg-boss";
import { db } from "../db";
import { pollChannel } from "./poll-channel";

/** The pg-boss schema and queue, created by the job_queue migration (never by the worker). */
const JOB_QUEUE_SCHEMA = "pgboss";
export const POLL_CHANNEL_QUEUE = "poll-channel";

export interface ChannelWorkerOptions {
  databaseUrl: string;
  /** Channels polled at once by this worker: a slow feed holds one slot, not the others. */
  concurrency?: number;
  /** How often this worker looks for channels whose time has come. */
  sweepSeconds?: number;
}

/**
 * The channel worker: every few seconds it queues a poll job for each channel that is due, and
 * it takes poll jobs from the queue. The queue (pg-boss on PostgreSQL, SKIP LOCKED) gives a job
 * to one worker only, and its "stately" policy keeps one queued and one running job per channel,
 * so any number of workers on one database may sweep and poll without taking a channel twice.
 * All state is in the database; a worker can stop or crash at any time.
 */
export async function startChannelWorker(options: ChannelWorkerOptions): Promise<{ stop(): Promise<void> }> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: JOB_QUEUE_SCHEMA,
    application_name: "factdesk-worker",
    migrate: false,
    schedule: false,
    supervise: true,
    max: (options.concurrency ?? 4) + 2,
  });
  boss.on("error", (error) => console.error("Job queue:", error instanceof Error ? error.message : error));
  await boss.start();
  for (let slot = 0; slot < (options.concurrency ?? 4); slot++) {
    await boss.work<{ channelId: string }>(POLL_CHANNEL_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await pollChannel(job.data.channelId);
    });
  }
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      await queueDueChannels(boss);
    } catch (error) {
      console.error("Channel sweep:", error instanceof Error ? error.message : error);
    } finally {
      sweeping = false;
    }
  };
  await sweep();
  const timer = setInterval(() => void sweep(), (options.sweepSeconds ?? 5) * 1000);
  return {
    async stop() {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}

/** Queues a poll for every active channel whose next run has come; a channel already queued is left as it is. */
export async function queueDueChannels(boss: PgBoss, now = new Date()): Promise<number> {
  const due = await db.channel.findMany({ where: { paused: false, nextRunAt: { lte: now } }, select: { id: true }, orderBy: { nextRunAt: "asc" }, take: 500 });
  let queued = 0;
  for (const { id } of due) {
    if (await boss.send(POLL_CHANNEL_QUEUE, { channelId: id }, { singletonKey: id })) queued += 1;
  }
  return queued;
}
