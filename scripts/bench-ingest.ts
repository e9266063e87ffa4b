/**
 * The inbox at scale: synthetic wires imported through the same code as the API (parsing,
 * cleaning, segmentation, dedupe, versioning: importWireStory) into a fresh database — embedded
 * PGlite, or a new database on DATABASE_URL's PostgreSQL server — growing to each size in turn
 * (2,000 and 20,000 by default), and at each size the inbox's first page, a deep page by cursor,
 * and full-text searches timed. Prints one line per size; with --json, one JSON object per line:
 * {"wires", "database", "wiresPerSecond", "assignMsP50", "assignMsP95", "searchMsP50", "inboxMsP50", "deepPageMsP50"}.
 * Event assignment at import is not built yet (issue 14): its figures are null.
 *
 *   npm run --silent bench:ingest -- --json [--sizes 2000,20000]
 */
import { performance } from "node:perf_hooks";
import { openBenchDatabase, percentile } from "./lib/bench-database";
import { argValue, runMain } from "./lib/main";

const PLACES = ["Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn", "Hobart", "Accra", "Bergen", "Lima", "Dakar", "Oslo", "Perth", "Riga", "Cusco", "Tunis"];
const EVENTS = ["a port strike ended", "a bridge reopened", "floods receded", "a rail line was restored", "a power cut was repaired", "a wildfire was contained", "a dam held", "talks resumed"];
const AGENCIES = ["AP", "AFP", "Reuters", "dpa", "ANSA", "EFE"];
const SEARCHES = ["bridge reopened", "floods", "strike council", "wildfire contained Perth", "rail line", "dam", "talks resumed Lima"];

/** A plausible wire of ten sentences, distinct by its numbers, place and event. */
function wire(n: number): string {
  const place = PLACES[n % PLACES.length]!;
  const event = EVENTS[(n >> 2) % EVENTS.length]!;
  const agency = AGENCIES[n % AGENCIES.length]!;
  const sentences = [
    `Officials said ${event} in ${place} on Tuesday after ${2 + (n % 9)} days, in what report ${n} called a relief for residents.`,
    `About ${100 + (n % 5000)} people were affected, the city council said in a statement.`,
    `Services were expected to return to normal by ${1 + (n % 12)} p.m., a spokesperson said.`,
    `Local media showed crowds gathering near the harbour as the news spread.`,
    `The mayor of ${place} thanked emergency workers and promised an inquiry into the causes.`,
    `Opposition lawmakers said warnings had been ignored for months.`,
    `Insurers estimated damage at ${10 + (n % 90)} million euros, a figure officials did not confirm.`,
    `Schools in the district would stay closed until ${["Monday", "Wednesday", "Friday"][n % 3]}, the education office said.`,
    `Weather forecasters expected calmer conditions for the rest of the week.`,
    `The government said it would publish a full report within ${3 + (n % 10)} weeks.`,
  ];
  return `${place}: ${event} (${n})\n\n${place.toUpperCase()} (${agency}) — ${sentences.join(" ")}\n`;
}

const round = (value: number) => Number(value.toFixed(1));

async function timed(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return times;
}

async function main() {
  const json = process.argv.includes("--json");
  const sizes = (argValue("--sizes") ?? "2000,20000").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  if (sizes.length === 0) throw new Error("--sizes: give sizes as whole numbers, e.g. --sizes 2000,20000");
  const bench = await openBenchDatabase("bench_ingest");
  const { db } = bench;
  const { importWireStory } = await import("@/lib/server/services/import-wire-story");
  const { listWireStories } = await import("@/lib/server/queries/wires");
  try {
    const writer = await db.user.create({ data: { email: `bench-${Date.now()}@factdesk.test`, name: "Bench Writer", role: "WRITER", passwordHash: "not-for-sign-in" } });
    const source = { kind: "user" as const, user: { id: writer.id, email: writer.email, name: writer.name, role: "WRITER" as const } };
    const results: Record<string, number | string | null>[] = [];
    let imported = 0;
    for (const size of sizes) {
      const started = performance.now();
      const from = imported;
      while (imported < size) await importWireStory({ source, upload: { text: wire(imported++), contentType: "text/plain" } });
      const wiresPerSecond = (imported - from) / ((performance.now() - started) / 1000);
      const search = await timed(SEARCHES.length * 3, (i) => listWireStories({ q: SEARCHES[i % SEARCHES.length] }));
      const inbox = await timed(20, () => listWireStories({}));
      // A page deep in the list: the cursor after the first five pages.
      let cursor: string | null = null;
      for (let page = 0; page < 5; page++) cursor = (await listWireStories(cursor ? { cursor } : {})).nextCursor;
      const deep = await timed(20, () => listWireStories(cursor ? { cursor } : {}));
      const result = {
        wires: size,
        database: bench.kind,
        wiresPerSecond: round(wiresPerSecond),
        assignMsP50: null,
        assignMsP95: null,
        searchMsP50: round(percentile(search, 50)),
        inboxMsP50: round(percentile(inbox, 50)),
        deepPageMsP50: round(percentile(deep, 50)),
      };
      results.push(result);
      console.log(json ? JSON.stringify(result) : `${size} wires on ${result.database}: ${result.wiresPerSecond} wires/s imported, search p50 ${result.searchMsP50} ms, inbox p50 ${result.inboxMsP50} ms, page 6 p50 ${result.deepPageMsP50} ms`);
    }
    if (!json && results.length > 1) {
      const [first, last] = [results[0]!, results[results.length - 1]!];
      const growth = (key: string) => `${key} ×${(Number(last[key]) / Number(first[key])).toFixed(2)}`;
      console.log(`From ${first.wires} to ${last.wires} wires (×${Number(last.wires) / Number(first.wires)}): ${["searchMsP50", "inboxMsP50", "deepPageMsP50"].map(growth).join(", ")}`);
    }
  } finally {
    await bench.close();
  }
}

runMain(main, { exitWhenDone: true });
