/**
 * The inbox at scale: synthetic wires imported through the same code as the API (parsing,
 * cleaning, segmentation, dedupe, versioning: importWireStory) into a fresh database — embedded
 * PGlite, or a new database on DATABASE_URL's PostgreSQL server — growing to each size in turn
 * (2,000 and 20,000 by default), and at each size the inbox's first page, a deep page by cursor,
 * and full-text searches timed. Prints one line per size; with --json, one JSON object per line:
 * {"wires", "database", "wiresPerSecond", "assignMsP50", "assignMsP95", "searchMsP50", "inboxMsP50", "deepPageMsP50"}.
 * Every import assigns its wire to an event (assignMs times that step: choosing the event, and the
 * statement that writes the wire's row with it); the synthetic desk has events of six wires, one
 * per agency, each event with names of its own.
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

const SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "du", "ri", "no", "bek", "ha", "zu", "pe", "gor", "li"];
/** Words every event's reports use. */
const COMMON = ["officials", "government", "police", "residents", "statement", "minister", "report", "crisis", "meeting", "spokesperson", "council", "authorities", "emergency", "agency", "region", "capital"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const TOPIC_WORDS = 24;

/** A small seeded generator, so every run imports the same wires. */
function seeded(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** A made-up word from three syllables: 4,096 of them, the vocabulary events draw their own words from. */
function coined(index: number): string {
  const s = SYLLABLES.length;
  return SYLLABLES[index % s]! + SYLLABLES[Math.floor(index / s) % s]! + SYLLABLES[Math.floor(index / s / s) % s]!;
}

const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/**
 * A plausible wire of ten sentences. Wire n reports event n / 6 (one wire per agency): an event
 * has its own people and words (drawn from a vocabulary of made-up words), a place and a kind
 * shared with other events, and each report words it its own way with its own numbers.
 */
function wire(n: number): string {
  const e = Math.floor(n / AGENCIES.length);
  const place = PLACES[e % PLACES.length]!;
  const event = EVENTS[Math.floor(e / PLACES.length) % EVENTS.length]!;
  const agency = AGENCIES[n % AGENCIES.length]!;
  const topicRandom = seeded(e + 1);
  const topic = Array.from({ length: TOPIC_WORDS }, () => coined(Math.floor(topicRandom() * SYLLABLES.length ** 3)));
  const person = `${capital(coined(e * 7 + 11))} ${capital(coined(e * 13 + 5))}`;
  const random = seeded(n + 1_000_003);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const sentence = () =>
    `${capital(pick(topic))} ${pick(topic)} ${pick(COMMON)} ${pick(topic)} near ${place} on ${pick(DAYS)}, ${person} told the ${pick(COMMON)}, citing ${1 + Math.floor(random() * 900)} ${pick(topic)}.`;
  const sentences = [
    `Officials said ${event} in ${place} on ${pick(DAYS)} after ${2 + (n % 9)} days, in what report ${n} called a relief for ${topic[0]} residents.`,
    `About ${100 + (n % 5000)} people were affected, the city council said in a statement.`,
    ...Array.from({ length: 8 }, sentence),
  ];
  return `${place}: ${event} as ${person} ${topic[1]} ${topic[2]} (${n})\n\n${place.toUpperCase()} (${agency}) — ${sentences.join(" ")}\n`;
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
      const assign: number[] = [];
      while (imported < size) {
        const timings: { eventAssignmentMs?: number } = {};
        await importWireStory({ source, upload: { text: wire(imported++), contentType: "text/plain" }, timings });
        if (timings.eventAssignmentMs !== undefined) assign.push(timings.eventAssignmentMs);
      }
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
        events: await db.newsEvent.count(),
        assignMsP50: round(percentile(assign, 50)),
        assignMsP95: round(percentile(assign, 95)),
        searchMsP50: round(percentile(search, 50)),
        inboxMsP50: round(percentile(inbox, 50)),
        deepPageMsP50: round(percentile(deep, 50)),
      };
      results.push(result);
      console.log(json ? JSON.stringify(result) : `${size} wires on ${result.database}: ${result.wiresPerSecond} wires/s imported, ${result.events} events, assignment p50 ${result.assignMsP50} ms (p95 ${result.assignMsP95}), search p50 ${result.searchMsP50} ms, inbox p50 ${result.inboxMsP50} ms, page 6 p50 ${result.deepPageMsP50} ms`);
    }
    if (!json && results.length > 1) {
      const [first, last] = [results[0]!, results[results.length - 1]!];
      const growth = (key: string) => `${key} ×${(Number(last[key]) / Number(first[key])).toFixed(2)}`;
      console.log(`From ${first.wires} to ${last.wires} wires (×${Number(last.wires) / Number(first.wires)}): ${["assignMsP50", "searchMsP50", "inboxMsP50", "deepPageMsP50"].map(growth).join(", ")}`);
    }
  } finally {
    await bench.close();
  }
}

runMain(main, { exitWhenDone: true });
