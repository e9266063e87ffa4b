/**
 * Ingest channels end to end below the HTTP layer: a feed served by a local server and a drop
 * folder polled through the real import path, the channel's state after success and failure,
 * admin edits with a version check, and workers on the job queue that never take a channel twice.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { startWorker } from "@/lib/server/worker";
import { pollChannel } from "@/lib/server/channels/poll-channel";
import { listChannels } from "@/lib/server/queries/channels";
import { createChannel, deleteChannel, updateChannel } from "@/lib/server/services/manage-channels";
import { insertUser } from "./db-helpers";

function rss(items: { guid: string; title: string; body: string }[]): string {
  const entries = items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><pubDate>Tue, 12 Sep 2023 06:15:00 GMT</pubDate><description><![CDATA[${i.body}]]></description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>${entries.join("")}</channel></rss>`;
}

const feeds: Record<string, { body: string; etag?: string }> = {};
const requests: { path: string; ifNoneMatch?: string }[] = [];
const server = http.createServer((request, response) => {
  requests.push({ path: request.url ?? "", ifNoneMatch: request.headers["if-none-match"] });
  const feed = feeds[request.url ?? ""];
  if (!feed) return void response.writeHead(404).end();
  if (feed.etag && request.headers["if-none-match"] === feed.etag) return void response.writeHead(304).end();
  response.writeHead(200, { "content-type": "application/rss+xml", ...(feed.etag ? { etag: feed.etag } : {}) }).end(feed.body);
});
let base = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Makes a channel due, as its interval passing would. */
async function pollDue(id: string) {
  await db.channel.update({ where: { id }, data: { nextRunAt: new Date(0) } });
  return pollChannel(id);
}

const KIM = "<p>SEOUL, South Korea — North Korean leader Kim Jong Un arrived in Russia by armoured train on Tuesday.</p><p>He is expected to meet President Vladimir Putin.</p>";
const TALKS = "<p>VLADIVOSTOK, Russia — Talks between the two leaders lasted more than four hours, officials said.</p>";

describe("ingest channels", () => {
  it("a feed channel imports its items once, keeps validators, and records success", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    feeds["/good"] = { body: rss([{ guid: "urn:test:kim", title: "Kim arrives in Russia", body: KIM }, { guid: "urn:test:talks", title: "Talks last four hours", body: TALKS }]), etag: '"e1"' };
    const { id } = await createChannel({ actor: admin, input: { kind: "feed", url: `${base}/good`, intervalSeconds: 60, agency: "Test Wire" } });

    const first = await pollChannel(id);
    expect(first).toMatchObject({ ran: true, imported: 2, duplicates: 0, failed: 0, error: null });
    const wires = await db.wireStory.findMany({ where: { channelId: id }, orderBy: { createdAt: "asc" } });
    expect(wires.map((w) => [w.headline, w.agency, w.externalId])).toEqual([
      ["Talks last four hours", "Test Wire", "urn:test:talks"],
      ["Kim arrives in Russia", "Test Wire", "urn:test:kim"],
    ]);
    const channel = await db.channel.findUniqueOrThrow({ where: { id } });
    expect(channel).toMatchObject({ etag: '"e1"', itemsImported: 2, lastError: null, consecutiveFailures: 0 });
    expect(channel.nextRunAt.getTime() - channel.lastRunAt!.getTime()).toBeGreaterThanOrEqual(59_000);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: "channel.poll" } });
    expect(audit.actorId).toBeNull();
    expect(audit.data).toMatchObject({ imported: 2, wireStoryIds: wires.map((w) => w.id) });

    // Unchanged feed: a conditional GET answered 304, nothing imported.
    expect(await pollChannel(id)).toMatchObject({ ran: false }); // not due yet
    expect(await pollDue(id)).toMatchObject({ ran: true, imported: 0, duplicates: 0, error: null });
    expect(requests.at(-1)).toEqual({ path: "/good", ifNoneMatch: '"e1"' });
    // Changed feed without validators: the same items are duplicates, a changed item a new version.
    feeds["/good"] = { body: rss([{ guid: "urn:test:kim", title: "Kim arrives in Russia", body: `${KIM}<p>Putin greeted him at the cosmodrome.</p>` }, { guid: "urn:test:talks", title: "Talks last four hours", body: TALKS }]) };
    expect(await pollDue(id)).toMatchObject({ imported: 1, duplicates: 1, error: null });
    expect(await db.wireStory.count({ where: { externalId: "urn:test:kim" } })).toBe(2);
  });

  it("a failing feed records the error in words, backs off, and a failing item does not stop the others", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    const { id } = await createChannel({ actor: admin, input: { kind: "feed", url: `${base}/missing`, intervalSeconds: 60 } });
    expect(await pollChannel(id)).toMatchObject({ ran: true, imported: 0, error: "The feed answered 404 Not Found." });
    expect(await pollDue(id)).toMatchObject({ error: "The feed answered 404 Not Found." });
    const failing = await db.channel.findUniqueOrThrow({ where: { id } });
    expect(failing.consecutiveFailures).toBe(2);
    expect(failing.nextRunAt.getTime() - failing.lastRunAt!.getTime()).toBeGreaterThanOrEqual(239_000);
    expect(failing.lastSuccessAt).toBeNull();

    feeds["/mixed"] = { body: rss([{ guid: "urn:test:empty", title: "Headline only", body: "" }, { guid: "urn:test:mixed-ok", title: "Four-hour talks", body: TALKS.replace("four", "nearly five") }]) };
    const mixed = await createChannel({ actor: admin, input: { kind: "feed", url: `${base}/mixed`, intervalSeconds: 60 } });
    const outcome = await pollChannel(mixed.id);
    expect(outcome).toMatchObject({ imported: 1, failed: 1 });
    expect(outcome.error).toBe("1 item could not be imported: Headline only: The ninjs item has no body text.");
    expect((await db.channel.findUniqueOrThrow({ where: { id: mixed.id } })).consecutiveFailures).toBe(0);
  });

  it("a folder channel takes each file once, moving it to done/ or failed/", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-drop-"));
    // A story of its own: a seed may have been imported by another test already, and would be a duplicate.
    const tag = path.basename(folder);
    fs.writeFileSync(path.join(folder, "wire-1.txt"), `Ferry strike ends in ${tag}\n\nLISBON (Reuters) - A ferry strike in ${tag} ended on Tuesday after three days, the port authority said. Boats ran again by noon.\n`);
    fs.writeFileSync(path.join(folder, "broken.json"), "{ not json");
    fs.writeFileSync(path.join(folder, "notes.md"), "left alone");
    const { id } = await createChannel({ actor: admin, input: { kind: "folder", path: folder, intervalSeconds: 60 } });
    const outcome = await pollChannel(id);
    expect(outcome).toMatchObject({ imported: 1, failed: 1 });
    expect(outcome.error).toMatch(/^1 item could not be imported: broken\.json: /);
    expect(fs.readdirSync(folder).sort()).toEqual(["done", "failed", "notes.md"]);
    expect(fs.readdirSync(path.join(folder, "done"))).toEqual(["wire-1.txt"]);
    expect(fs.readdirSync(path.join(folder, "failed"))).toEqual(["broken.json"]);
    expect(await db.wireStory.count({ where: { channelId: id, filename: "wire-1.txt" } })).toBe(1);

    const missing = await createChannel({ actor: admin, input: { kind: "folder", path: path.join(folder, "nope"), intervalSeconds: 60 } });
    expect((await pollChannel(missing.id)).error).toBe(`The folder ${path.join(folder, "nope")} does not exist.`);
  });

  it("admins edit, pause and delete channels on the version they saw; others may not", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    const { actor: editor } = await insertUser({ role: "EDITOR" });
    await expect(createChannel({ actor: editor, input: { kind: "feed", url: `${base}/good`, intervalSeconds: 60 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createChannel({ actor: admin, input: { kind: "feed", url: "ftp://example.com/feed", intervalSeconds: 60 } })).rejects.toThrow(/http/);
    await expect(createChannel({ actor: admin, input: { kind: "feed", url: `${base}/good`, intervalSeconds: 5 } })).rejects.toThrow(/at most every 30 seconds/);
    await expect(createChannel({ actor: admin, input: { kind: "folder", path: "relative/dir", intervalSeconds: 60 } })).rejects.toThrow(/absolute path/);
    const before = await db.channel.count();
    await expect(createChannel({ actor: admin, input: { kind: "smoke-signals", intervalSeconds: 60 } })).rejects.toThrow(/kind must be/);
    expect(await db.channel.count()).toBe(before);

    const { id } = await createChannel({ actor: admin, input: { kind: "feed", url: `${base}/good`, intervalSeconds: 60, name: "Test wire" } });
    expect(await updateChannel({ actor: admin, channelId: id, input: { version: 1, paused: true } })).toEqual({ id, version: 2 });
    await expect(updateChannel({ actor: admin, channelId: id, input: { version: 1, intervalSeconds: 120 } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await pollDue(id)).toMatchObject({ ran: false });
    const listed = (await listChannels(admin)).find((c) => c.id === id)!;
    expect(listed).toMatchObject({ name: "Test wire", paused: true, nextRunAt: null, intervalSeconds: 60, version: 2 });
    await deleteChannel({ actor: admin, channelId: id });
    await expect(deleteChannel({ actor: admin, channelId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.auditEvent.findMany({ where: { subjectId: id }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["channel.create", "channel.pause", "channel.delete"]);
  });

  it("two workers on one database poll each due channel once", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    await db.channel.updateMany({ data: { paused: true } });
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) {
      feeds[`/worker-${n}`] = { body: rss([{ guid: `urn:test:worker-${n}`, title: `Worker item ${n}`, body: `<p>Officials said item number ${n} of the worker test arrived on Tuesday in Vladivostok.</p>` }]) };
      ids.push((await createChannel({ actor: admin, input: { kind: "feed", url: `${base}/worker-${n}`, intervalSeconds: 3600 } })).id);
    }
    const requestsBefore = requests.length;
    const workers = await Promise.all([0, 1].map(() => startWorker({ databaseUrl: process.env.DATABASE_URL!, concurrency: 2, sweepSeconds: 1 })));
    try {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (await db.channel.count({ where: { id: { in: ids }, lastRunAt: { not: null } } })) < ids.length) await new Promise((r) => setTimeout(r, 250));
      await new Promise((r) => setTimeout(r, 2_500)); // several more sweeps by both workers
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const channels = await db.channel.findMany({ where: { id: { in: ids } } });
    expect(channels.map((c) => c.itemsImported)).toEqual(ids.map(() => 1));
    const fetched = requests.slice(requestsBefore).map((r) => r.path);
    expect(fetched.sort()).toEqual(ids.map((_, n) => `/worker-${n}`).sort());
  }, 60_000);
});
