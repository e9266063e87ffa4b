/**
 * How soon another editor sees an edit: from an operation's answer to the story feed's event for it,
 * on a fresh database (PGlite, or a new database on DATABASE_URL's PostgreSQL server). The watcher is
 * woken the way another app instance's would be: by PostgreSQL NOTIFY, or, on PGlite (which delivers
 * no notifications across connections), by the one-second poll. Prints min / median / p95 / max.
 *
 *   npm run bench:live [-- --edits 100]
 */
import fs from "node:fs";
import { openBenchDatabase, percentile } from "./lib/bench-database";
import { runMain } from "./lib/main";
import { seedFiles } from "./lib/shared-folder";

const edits = Number(process.argv[process.argv.indexOf("--edits") + 1]) || 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


async function main() {
  const bench = await openBenchDatabase("bench_live");
  const { db } = bench;
  const onServer = bench.kind === "postgresql";
  const { importWireStory } = await import("@/lib/server/services/import-wire-story");
  const { createStory } = await import("@/lib/server/services/create-story");
  const { applyStoryOperation } = await import("@/lib/server/services/apply-story-operation");
  const { watchStory } = await import("@/lib/server/stories/story-feed");
  try {
    const user = await db.user.create({ data: { email: `bench-${Date.now()}@factdesk.test`, name: "Bench Writer", role: "WRITER", passwordHash: "not-for-sign-in" } });
    const actor = { id: user.id, email: user.email, name: user.name, role: "WRITER" as const };
    const wireIds: string[] = [];
    for (const file of seedFiles().slice(0, 2)) {
      wireIds.push((await importWireStory({ source: { kind: "user", user: actor }, upload: { bytes: fs.readFileSync(file), contentType: "text/plain" } })).story.id);
    }
    const { storyId, revisionId } = await createStory({ actor, input: { wireStoryIds: wireIds } });

    const arrived = new Map<string, number>();
    const unwatch = await watchStory(storyId, null, { change: (change) => arrived.set(change.eventId, performance.now()), presence: () => {} });
    await sleep(500); // LISTEN is set up in the background
    const delays: number[] = [];
    let missed = 0;
    for (let i = 0; i < edits; i++) {
      const revision = await db.revisionFact.findFirstOrThrow({ where: { revisionId }, orderBy: { position: "asc" }, select: { factId: true, version: true } });
      const result = await applyStoryOperation({ actor, revisionId, operation: { type: "editText", factId: revision.factId, baseVersion: revision.version, text: `Edit ${i} of the bench.` } });
      const answeredAt = performance.now();
      if (result.status !== "applied") throw new Error(`edit ${i} was not applied: ${result.status}`);
      const deadline = answeredAt + 3000;
      while (!arrived.has(result.eventId) && performance.now() < deadline) await sleep(2);
      const at = arrived.get(result.eventId);
      if (at === undefined) missed += 1;
      else delays.push(at - answeredAt);
      // Editors' pauses fall anywhere in the poll's second; a fixed pause would lock the edits to its phase.
      await sleep(Math.random() * 1000);
    }
    unwatch();
    delays.sort((a, b) => a - b);
    const fmt = (ms: number) => `${Math.round(ms)} ms`;
    const version = (await db.$queryRawUnsafe<{ server_version: string }[]>("SHOW server_version"))[0]!.server_version;
    console.log(
      JSON.stringify({
        database: onServer ? `PostgreSQL ${version}` : `PGlite (PostgreSQL ${version}, embedded)`,
        edits,
        missed,
        min: fmt(delays[0]!),
        median: fmt(percentile(delays, 50)),
        p95: fmt(percentile(delays, 95)),
        max: fmt(delays.at(-1)!),
      }),
    );
  } finally {
    await bench.close();
  }
}

runMain(main, { exitWhenDone: true });
