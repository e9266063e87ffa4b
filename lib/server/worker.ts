import "server-only";
import PgBoss from "pg-boss";
import { pollChannel } from "./channels/poll-channel";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { sendDelivery } from "./subscribers/send-delivery";

/** The pg-boss schema and queue, created by the job_queue migration (never by the worker). */
const JOB_QUEUE_SCHEMA = "pgboss";
export const POLL_CHANNEL_QUEUE = "poll-channel";
/** One job per delivery to a subscriber; the queue retries a failed attempt with backoff. */
export const DELIVER_QUEUE = "deliver";

export interface WorkerOptions {
  databaseUrl: string;
  /** Channels polled (and deliveries sent) at once by this worker: a slow one holds one slot, not the others. */
  concurrency?: number;
  /** How often this worker looks for channels whose time has come and deliveries to send. */
  sweepSeconds?: number;
}

/**
 * The background worker: every few seconds it queues a poll job for each channel that is due and
 * a delivery job for each delivery to a subscriber that is waiting, and it takes jobs from both
 * queues. The queue (pg-boss on PostgreSQL, SKIP LOCKED) gives a job to one worker only, and the
 * poll queue's "stately" policy keeps one queued and one running job per channel, so any number
 * of workers on one database may sweep and work without taking a channel twice. All state is in
 * the database; a worker can stop or crash at any time.
 */
export async function startWorker(options: WorkerOptions): Promise<{ stop(): Promise<void> }> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: JOB_QUEUE_SCHEMA,
    application_name: "factdesk-worker",
    migrate: false,
    schedule: false,
    supervise: true,
    max: 2 * (options.concurrency ?? 4) + 2,
  });
  boss.on("error", (error) => console.error("Job queue:", error instanceof Error ? error.message : error));
  await boss.start();
  for (let slot = 0; slot < (options.concurrency ?? 4); slot++) {
    await boss.work<{ channelId: string }>(POLL_CHANNEL_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await pollChannel(job.data.channelId);
    });
    await boss.work<{ deliveryId: string }>(DELIVER_QUEUE, { pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
      if (job) await sendDelivery(job.data.deliveryId, { finalAttempt: job.retryCount >= job.retryLimit });
    });
  }
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      await queueDueChannels(boss);
      await queueWaitingDeliveries(boss);
      await failAbandonedDeliveries();
    } catch (error) {
      console.error("Worker sweep:", error instanceof Error ? error.message : error);
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

/**
 * Puts every delivery waiting since its transaction committed on the queue. Each is claimed
 * (QUEUED → SENDING, SKIP LOCKED) and its job inserted in one transaction, so two workers sweeping
 * at once never queue it twice and a worker that stops halfway leaves it QUEUED, never claimed
 * without a job.
 */
export async function queueWaitingDeliveries(boss: PgBoss): Promise<number> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Delivery" SET status = 'SENDING'
      WHERE id IN (SELECT id FROM "Delivery" WHERE status = 'QUEUED' ORDER BY "createdAt" LIMIT 500 FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    if (claimed.length) {
      const jobs = claimed.map(({ id }) => ({ name: DELIVER_QUEUE, data: { deliveryId: id }, singletonKey: id }));
      await boss.insert(jobs, { db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) } });
    }
    return claimed.length;
  });
}

/**
 * A delivery whose job is gone while it is still SENDING: its worker stopped during the last
 * attempt and the queue expired the job. It is marked FAILED, with the reason in its log, so an
 * admin sees it and can resend it rather than wait for ever.
 */
export async function failAbandonedDeliveries(): Promise<number> {
  const abandoned = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Delivery" d SET status = 'FAILED'
    WHERE d.status = 'SENDING'
      AND NOT EXISTS (
        SELECT 1 FROM ${Prisma.raw(JOB_QUEUE_SCHEMA)}.job j
        WHERE j.name = ${DELIVER_QUEUE} AND j.singleton_key = d.id AND j.state IN ('created', 'retry', 'active'))
    RETURNING d.id`;
  if (abandoned.length) {
    await db.deliveryAttempt.createMany({ data: abandoned.map(({ id }) => ({ deliveryId: id, statusCode: null, error: "The worker stopped during this delivery and the job queue gave up on it; resend it.", durationMs: 0 })) });
  }
  return abandoned.length;
}
