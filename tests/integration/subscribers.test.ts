/**
 * Subscribers: deliveries of publications, corrections and unpublications, signed, sent by the
 * worker through the job queue to a receiver on the loopback, retried, logged and resent.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { listSubscribers } from "@/lib/server/queries/subscribers";
import { createSubscriber, resendDelivery, setSubscriberActive } from "@/lib/server/services/manage-subscribers";
import { unpublishStory } from "@/lib/server/services/unpublish-story";
import { sendDelivery } from "@/lib/server/subscribers/send-delivery";
import PgBoss from "pg-boss";
import { failAbandonedDeliveries, queueWaitingDeliveries, startWorker } from "@/lib/server/worker";
import { insertUser } from "./db-helpers";
import { approveAndPublish, newsroom, readDocument } from "./route-helpers";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A subscriber's receiver on the loopback: records every request and answers the next planned status (then 200). */
const received: Received[] = [];
const plannedStatuses: number[] = [];
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(plannedStatuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/factdesk`;
});
afterAll(async () => {
  await db.subscriber.updateMany({ where: { url: receiverUrl }, data: { active: false } });
  await new Promise((resolve) => receiver.close(resolve));
});

const SECRET = "a-shared-secret-of-some-length";
const verify = ({ headers, body }: Received) => headers["x-factdesk-signature"] === `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;

async function subscribed() {
  const room = await newsroom({ wires: 2 });
  const { id } = await createSubscriber({ actor: room.admin, input: { name: "Partner", url: receiverUrl, secret: SECRET, formats: ["NINJS_2_1", "NEWSML_G2"], events: ["PUBLISHED", "CORRECTED", "UNPUBLISHED"] } });
  return { ...room, subscriberId: id };
}

const deliveriesOf = (subscriberId: string, storyId: string) => db.delivery.findMany({ where: { subscriberId, storyId }, orderBy: { createdAt: "asc" }, include: { attempts: true } });

describe("subscribers", () => {
  it("only admins register them, at an https (or loopback) address, with a secret long enough", async () => {
    const editor = (await insertUser({ role: "EDITOR" })).actor;
    const admin = (await insertUser({ role: "ADMIN" })).actor;
    const valid = { name: "Partner", url: "https://partner.example/in", secret: SECRET, formats: ["NINJS_2_1"], events: ["PUBLISHED"] };
    await expect(createSubscriber({ actor: editor, input: valid })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createSubscriber({ actor: admin, input: { ...valid, url: "http://partner.example/in" } })).rejects.toThrow(/https/);
    await expect(createSubscriber({ actor: admin, input: { ...valid, url: "https://user:pw@partner.example/in" } })).rejects.toThrow(/credentials/);
    await expect(createSubscriber({ actor: admin, input: { ...valid, secret: "short" } })).rejects.toThrow(/16 characters/);
    await expect(createSubscriber({ actor: admin, input: { ...valid, formats: [] } })).rejects.toThrow(/format/);
    expect(await db.subscriber.count({ where: { url: { in: ["http://partner.example/in", "https://user:pw@partner.example/in"] } } })).toBe(0);
    const { id } = await createSubscriber({ actor: admin, input: valid });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: "subscriber.create" } });
    expect(JSON.stringify(audit.data)).not.toContain(SECRET);
    await setSubscriberActive({ actor: admin, subscriberId: id, input: { active: false } });
  });

  it("a publication goes out signed in each format asked for; a failed attempt is retried, and the log shows every status code", async () => {
    const room = await subscribed();
    const slug = await approveAndPublish(room);
    const deliveries = await deliveriesOf(room.subscriberId, room.storyId);
    expect(deliveries.map((d) => [d.event, d.format, d.status]).sort()).toEqual([
      ["PUBLISHED", "NEWSML_G2", "QUEUED"],
      ["PUBLISHED", "NINJS_2_1", "QUEUED"],
    ]);
    const ninjs = deliveries.find((d) => d.format === "NINJS_2_1")!;
    const headline = (await readDocument(room.revisionId)).headline;

    // The receiver is down once: the attempt fails, is logged, and the queue will try again.
    plannedStatuses.push(503);
    const before = received.length;
    await expect(sendDelivery(ninjs.id, { finalAttempt: false })).rejects.toThrow("The subscriber answered 503.");
    expect((await db.delivery.findUniqueOrThrow({ where: { id: ninjs.id } })).status).toBe("SENDING");
    await sendDelivery(ninjs.id, { finalAttempt: false });
    const [failed, delivered] = received.slice(before);
    expect(delivered!.body).toBe(failed!.body);
    expect(verify(delivered!)).toBe(true);
    expect(verify({ ...delivered!, body: `${delivered!.body} ` })).toBe(false);
    expect(delivered!.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(delivered!.headers["x-factdesk-event"]).toBe("published");
    expect(delivered!.headers["x-factdesk-delivery"]).toBe(ninjs.id);
    const body = JSON.parse(delivered!.body) as { headlines: { value: string }[]; uri: string };
    expect(body.headlines[0]!.value).toBe(headline);
    expect(body.uri).toContain(`/p/${slug}`);
    const logged = await db.delivery.findUniqueOrThrow({ where: { id: ninjs.id }, include: { attempts: { orderBy: { at: "asc" } } } });
    expect(logged.status).toBe("DELIVERED");
    expect(logged.attempts.map((a) => a.statusCode)).toEqual([503, 200]);
    // Delivered is delivered: a job that runs twice sends nothing more.
    await sendDelivery(ninjs.id, { finalAttempt: false });
    expect(received.length).toBe(before + 2);

    const [log] = (await listSubscribers(room.admin)).filter((s) => s.id === room.subscriberId);
    const shown = log!.deliveries.find((d) => d.id === ninjs.id)!;
    expect(shown).toMatchObject({ status: "DELIVERED", event: "published", format: "ninjs 2.1", storyHeadline: headline });
    expect(shown.attempts.map((a) => a.statusCode)).toEqual([503, 200]);
  });

  it("after the last attempt fails the delivery is FAILED, and an admin sends the very same bytes again", async () => {
    const room = await subscribed();
    await approveAndPublish(room);
    const newsml = (await deliveriesOf(room.subscriberId, room.storyId)).find((d) => d.format === "NEWSML_G2")!;
    plannedStatuses.push(500);
    const before = received.length;
    await sendDelivery(newsml.id, { finalAttempt: true });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: newsml.id } })).status).toBe("FAILED");
    await expect(resendDelivery({ actor: room.editor, deliveryId: newsml.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await resendDelivery({ actor: room.admin, deliveryId: newsml.id });
    await sendDelivery(id, { finalAttempt: false });
    const [first, again] = received.slice(before);
    expect(again!.body).toBe(first!.body);
    expect(again!.headers["x-factdesk-signature"]).toBe(first!.headers["x-factdesk-signature"]);
    expect(again!.headers["content-type"]).toBe("application/vnd.iptc.g2.newsitem+xml; charset=utf-8");
    expect(again!.body).toContain("<newsItem");
    expect((await db.delivery.findUniqueOrThrow({ where: { id } })).status).toBe("DELIVERED");
    expect(await db.auditEvent.count({ where: { action: "subscriber.resend", subjectId: room.subscriberId } })).toBe(1);
  });

  it("an unpublication tells subscribers the item is canceled", async () => {
    const room = await subscribed();
    await approveAndPublish(room);
    await unpublishStory({ actor: room.publisher, storyId: room.storyId, input: { reason: "Legal review." } });
    const canceled = (await deliveriesOf(room.subscriberId, room.storyId)).filter((d) => d.event === "UNPUBLISHED");
    expect(canceled.map((d) => d.format).sort()).toEqual(["NEWSML_G2", "NINJS_2_1"]);
    const before = received.length;
    for (const delivery of canceled) await sendDelivery(delivery.id, { finalAttempt: false });
    const bodies = received.slice(before);
    expect(bodies.every(verify)).toBe(true);
    const ninjs = bodies.find((b) => b.headers["content-type"]!.startsWith("application/json"))!;
    expect(JSON.parse(ninjs.body)).toMatchObject({ pubstatus: "canceled" });
    expect(bodies.find((b) => b.body.includes("<newsItem"))!.body).toContain("stat:canceled");
  });

  it("the worker takes waiting deliveries off the queue and sends them", async () => {
    const room = await subscribed();
    const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL!, concurrency: 1, sweepSeconds: 1 });
    try {
      await approveAndPublish(room);
      const deadline = Date.now() + 30_000;
      let statuses: string[] = [];
      while (Date.now() < deadline) {
        statuses = (await deliveriesOf(room.subscriberId, room.storyId)).map((d) => d.status);
        if (statuses.length === 2 && statuses.every((status) => status === "DELIVERED")) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(statuses).toEqual(["DELIVERED", "DELIVERED"]);
      const queue = await db.$queryRaw<{ retry_limit: number; retry_backoff: boolean }[]>`SELECT retry_limit, retry_backoff FROM pgboss.queue WHERE name = 'deliver'`;
      expect(queue[0]).toMatchObject({ retry_limit: 7, retry_backoff: true });
    } finally {
      await worker.stop();
    }
  });

  it("claiming a delivery and queueing its job happen together: if the queue fails, the delivery waits for the next sweep", async () => {
    const room = await subscribed();
    await approveAndPublish(room);
    const failingQueue = { insert: () => Promise.reject(new Error("job queue unreachable")) } as unknown as PgBoss;
    await expect(queueWaitingDeliveries(failingQueue)).rejects.toThrow("job queue unreachable");
    expect((await deliveriesOf(room.subscriberId, room.storyId)).map((d) => d.status)).toEqual(["QUEUED", "QUEUED"]);

    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss", migrate: false, schedule: false, supervise: false, max: 2 });
    await boss.start();
    try {
      expect(await queueWaitingDeliveries(boss)).toBeGreaterThanOrEqual(2);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const deliveries = await deliveriesOf(room.subscriberId, room.storyId);
    expect(deliveries.map((d) => d.status)).toEqual(["SENDING", "SENDING"]);
    const jobs = await db.$queryRaw<{ singleton_key: string; state: string }[]>`SELECT singleton_key, state::text FROM pgboss.job WHERE name = 'deliver' AND singleton_key = ANY(${deliveries.map((d) => d.id)})`;
    expect(jobs.map((job) => job.singleton_key).sort()).toEqual(deliveries.map((d) => d.id).sort());
    expect(jobs.every((job) => job.state === "created")).toBe(true);

    // A job the queue gave up on (its worker stopped mid-attempt) must not leave its delivery SENDING for ever.
    await db.$executeRaw`UPDATE pgboss.job SET state = 'failed' WHERE name = 'deliver' AND singleton_key = ${deliveries[0]!.id}`;
    expect(await failAbandonedDeliveries()).toBeGreaterThanOrEqual(1);
    // Both deliveries were created in one statement (same createdAt): find each by its id, not by position.
    const after = await deliveriesOf(room.subscriberId, room.storyId);
    const abandoned = after.find((d) => d.id === deliveries[0]!.id);
    const waiting = after.find((d) => d.id === deliveries[1]!.id);
    expect(abandoned!.status).toBe("FAILED");
    expect(abandoned!.attempts.at(-1)!.error).toMatch(/worker stopped/);
    expect(waiting!.status).toBe("SENDING");
    await db.$executeRaw`UPDATE pgboss.job SET state = 'cancelled' WHERE name = 'deliver' AND singleton_key = ${deliveries[1]!.id}`;
  });
});
