/**
 * Items through a channel: a feed of N items served on loopback, one worker (the one the app starts)
 * on a fresh database — PGlite, or a new database on DATABASE_URL's PostgreSQL server — and the time
 * from adding the channel to the last item in the inbox, through the whole import path (parsing,
 * cleaning, segmentation, dedupe, versioning). Then a story is made from the first item, the feed
 * changes that item, the channel is made due (as resuming it does), and the time is taken until the
 * story's workspace flags the fact that cites the changed sentence. Prints one JSON line.
 *
 *   npm run bench:channels [-- --items 1000]
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { openBenchDatabase } from "./lib/bench-database";
import { argValue, runMain } from "./lib/main";

const PLACES = ["Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn", "Hobart", "Accra", "Bergen"];
const EVENTS = ["a port strike ended", "a bridge reopened", "floods receded", "a rail line was restored", "a power cut was repaired"];

/** A plausible, distinct wire item: different numbers and places, so no two are duplicates. */
function item(n: number, affected = 100 + n): string {
  const place = PLACES[n % PLACES.length]!;
  const event = EVENTS[n % EVENTS.length]!;
  const body = `<p>${place.toUpperCase()} — Officials said ${event} in ${place} on Tuesday, item ${n} of the benchmark feed.</p><p>About ${affected} people were affected, the city council said in a statement.</p><p>Services were expected to return to normal by ${1 + (n % 12)} p.m.</p>`;
  return `<item><guid>urn:bench:${n}</guid><title>${place}: ${event} (${n})</title><pubDate>Tue, 12 Sep 2023 06:15:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>`;
}

async function main() {
  const items = Number(argValue("--items") ?? 1000);
  const feedOf = (changedFirst: boolean) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench wire</title>${Array.from({ length: items }, (_, n) => item(n, n === 0 && changedFirst ? 150 : 100 + n)).join("")}</channel></rss>`;
  let feed = feedOf(false);
  const server = http.createServer((_request, response) => void response.writeHead(200, { "content-type": "application/rss+xml" }).end(feed));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss.xml`;

  const bench = await openBenchDatabase("bench_channels");
  const { db } = bench;
  const { createChannel, updateChannel } = await import("@/lib/server/services/manage-channels");
  const { createStory } = await import("@/lib/server/services/create-story");
  const { storyForClient } = await import("@/lib/server/queries/stories");
  const { sourceUpdates } = await import("@/lib/domain/story/source-updates");
  const { startWorker } = await import("@/lib/server/worker");
  const worker = await startWorker({ databaseUrl: bench.url, concurrency: 1, sweepSeconds: 1 });
  try {
    const admin = await db.user.create({ data: { email: `bench-${Date.now()}@factdesk.test`, name: "Bench Admin", role: "ADMIN", passwordHash: "not-for-sign-in" } });
    const started = performance.now();
    const { id } = await createChannel({ actor: { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN" }, input: { kind: "feed", url, intervalSeconds: 3600 } });
    let channel = await db.channel.findUniqueOrThrow({ where: { id } });
    while (!channel.lastRunAt || channel.lastRunAt.getTime() < channel.createdAt.getTime()) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      channel = await db.channel.findUniqueOrThrow({ where: { id } });
    }
    const seconds = (performance.now() - started) / 1000;
    const inInbox = await db.wireStory.count({ where: { channelId: id } });

    // A story citing the first item; the agency changes that item; the channel comes due.
    const writer = await db.user.create({ data: { email: `bench-writer-${Date.now()}@factdesk.test`, name: "Bench Writer", role: "WRITER", passwordHash: "not-for-sign-in" } });
    const writerActor = { id: writer.id, email: writer.email, name: writer.name, role: "WRITER" as const };
    const first = await db.wireStory.findFirstOrThrow({ where: { channelId: id, itemKey: { contains: "urn:bench:0" } }, select: { id: true } });
    const { storyId } = await createStory({ actor: writerActor, input: { wireStoryIds: [first.id] } });
    feed = feedOf(true);
    const due = performance.now();
    const { version } = await db.channel.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await updateChannel({ actor: { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN" }, channelId: id, input: { version, intervalSeconds: 3600, url: `${url}?changed` } });
    let changeImportedSeconds: number | null = null;
    let changeFlaggedSeconds: number | null = null;
    while (performance.now() - due < 120_000) {
      const workspace = (await storyForClient(storyId, writerActor))!;
      if (changeImportedSeconds === null && workspace.wires.length > 1) changeImportedSeconds = (performance.now() - due) / 1000;
      if (sourceUpdates(workspace.document, workspace.wires).some((flag) => flag.updates.some((u) => u.diff?.some((segment) => segment.op === "insert" && segment.text === "150")))) {
        changeFlaggedSeconds = (performance.now() - due) / 1000;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    channel = await db.channel.findUniqueOrThrow({ where: { id } });
    const round = (value: number | null) => (value === null ? null : Number(value.toFixed(1)));
    console.log(
      JSON.stringify({
        items,
        database: bench.kind,
        imported: inInbox,
        error: channel.lastError,
        seconds: Number(seconds.toFixed(1)),
        itemsPerSecond: Math.round(inInbox / seconds),
        // From the channel coming due with one item changed to the new version in the story's wires, and to the flag on its fact.
        changeImportedSeconds: round(changeImportedSeconds),
        changeFlaggedSeconds: round(changeFlaggedSeconds),
      }),
    );
  } finally {
    await worker.stop();
    await bench.close();
    server.close();
  }
}

runMain(main, { exitWhenDone: true });
