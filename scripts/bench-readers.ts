import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { runMain } from "./lib/main";

/**
 * npm run bench:readers: how fast a running Factdesk serves readers. Finds a published story in
 * the feed, then loads, side by side in one run, the story's public page and the smallest of the
 * app's static script files (those the sign-in page loads; the public page loads none), the
 * fastest thing the same server serves, and prints both rates and their ratio (target: the page at
 * least half the script's rate); the story's ninjs and the feed too.
 *
 *   npm run demo                          # in another terminal: the app with a published story
 *   npm run --silent bench:readers -- [--url http://localhost:3000] [--connections 20] [--seconds 10] [--rounds 2] [--json]
 */
interface Load {
  requestsPerSecond: number;
  latencyMsP50: number;
  bytes: number;
  errors: number;
}

async function load(url: string, connections: number, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds });
  const failed = result.errors + result.timeouts + result.non2xx;
  return { requestsPerSecond: result.requests.average, latencyMsP50: result.latency.p50, bytes: result.throughput.total / Math.max(1, result.requests.total), errors: failed };
}

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}.`);
  return response.text();
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: process.env.FACTDESK_URL ?? "http://localhost:3000" },
      connections: { type: "string", default: "20" },
      seconds: { type: "string", default: "10" },
      rounds: { type: "string", default: "2" },
      json: { type: "boolean", default: false },
    },
  });
  const base = values.url!.replace(/\/$/, "");
  const connections = Number(values.connections);
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const say = (line: string) => (values.json ? undefined : console.log(line));

  const feed = await text(`${base}/feed.xml`).catch((error: Error) => {
    throw new Error(`${error.message} Is Factdesk running at ${base}? Start it with npm run demo, or pass --url.`);
  });
  const pageUrl = /<link rel="alternate" type="text\/html" href="([^"]+\/p\/[^"]+)"/.exec(feed)?.[1]?.replace(/&amp;/g, "&");
  if (!pageUrl) throw new Error(`No published story in ${base}/feed.xml: publish one (npm run demo publishes one).`);
  const page = new URL(pageUrl, base);
  const pageLocal = `${base}${page.pathname}`;
  const ninjsUrl = `${base}/api/v1/published/${page.pathname.split("/").pop()}`;
  const scripts = [...new Set([...(await text(`${base}/login`)).matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((match) => `${base}${match[1]}`))];
  if (scripts.length === 0) throw new Error(`${base}/login loads no script file to compare with.`);
  const sizes = await Promise.all(scripts.map(async (url) => ({ url, size: (await text(url)).length })));
  const script = sizes.sort((a, b) => a.size - b.size)[0]!;

  say(`Factdesk at ${base}: ${connections} connections, ${seconds} s per load, ${rounds} rounds, alternating.`);
  say(`  page   ${page.pathname}`);
  say(`  script ${new URL(script.url).pathname} (${script.size} bytes, the smallest of the app's scripts)`);
  // Warm both (the first request renders the page), then alternate so both see the same machine.
  await load(pageLocal, connections, 2);
  await load(script.url, connections, 2);
  const pageRuns: Load[] = [];
  const scriptRuns: Load[] = [];
  for (let round = 0; round < rounds; round += 1) {
    scriptRuns.push(await load(script.url, connections, seconds));
    pageRuns.push(await load(pageLocal, connections, seconds));
  }
  const ninjs = await load(ninjsUrl, connections, seconds);
  const feedLoad = await load(`${base}/feed.xml`, connections, seconds);
  const mean = (runs: Load[]) => runs.reduce((sum, run) => sum + run.requestsPerSecond, 0) / runs.length;
  const pageRate = mean(pageRuns);
  const scriptRate = mean(scriptRuns);
  const errors = [...pageRuns, ...scriptRuns, ninjs, feedLoad].reduce((sum, run) => sum + run.errors, 0);
  const figures = {
    connections,
    seconds,
    rounds,
    pageRequestsPerSecond: Math.round(pageRate),
    pageLatencyMsP50: pageRuns.at(-1)!.latencyMsP50,
    pageBytes: Math.round(pageRuns.at(-1)!.bytes),
    scriptRequestsPerSecond: Math.round(scriptRate),
    scriptBytes: script.size,
    ratio: Number((pageRate / scriptRate).toFixed(3)),
    ninjsRequestsPerSecond: Math.round(ninjs.requestsPerSecond),
    feedRequestsPerSecond: Math.round(feedLoad.requestsPerSecond),
    errors,
  };
  if (values.json) {
    console.log(JSON.stringify(figures));
  } else {
    say(`  public page  ${figures.pageRequestsPerSecond} requests/s (p50 ${figures.pageLatencyMsP50} ms, ${figures.pageBytes} bytes each)`);
    say(`  static script ${figures.scriptRequestsPerSecond} requests/s`);
    say(`  ratio ${figures.ratio} (target at least 0.5)`);
    say(`  ninjs ${figures.ninjsRequestsPerSecond} requests/s, feed ${figures.feedRequestsPerSecond} requests/s`);
    say(`  failed requests (errors, timeouts, non-2xx): ${errors}`);
  }
  if (errors > 0) process.exitCode = 1;
}

runMain(main);
