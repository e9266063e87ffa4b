/**
 * Command line for incremental event clustering (lib/domain/events), the algorithm the inbox
 * uses as wires arrive: the files are taken in the order given, each joining an event or
 * starting one. No database needed.
 *
 *   npm run --silent cluster -- --json FILE...   {"events": [{"id", "files": [...]}]}
 *   npm run --silent cluster -- FILE...          one line per event: its files
 *
 * The files arrive a minute apart, in the order given: the date a wire states is when it was
 * written, not when it reached the desk, and the desk's clock (time decay) is the import time.
 */
import { isAppError } from "../lib/domain/errors";
import { EventClusterer } from "../lib/domain/events";
import { parseWireFile } from "./lib/fact-stories";
import { runMain } from "./lib/main";

const USAGE = "usage: npm run --silent cluster -- [--json] FILE...";
const MINUTE_MS = 60_000;

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  if (files.length === 0 || files.some((f) => f.startsWith("--"))) throw new Error(USAGE);
  const clusterer = new EventClusterer();
  files.forEach((file, i) => {
    let parsed;
    try {
      parsed = parseWireFile(file);
    } catch (error) {
      if (isAppError(error) || (error as NodeJS.ErrnoException).code) throw new Error(`${file}: ${(error as Error).message}`);
      throw error;
    }
    clusterer.add({ id: String(i), itemId: parsed.externalId, headline: parsed.headline, dateline: parsed.dateline, sentences: parsed.sentences.map((s) => s.text), arrivedAt: i * MINUTE_MS });
  });
  const events = clusterer.snapshot().map((e, n) => ({ id: `e${n + 1}`, files: e.wireIds.map((id) => files[Number(id)]!) }));
  if (json) process.stdout.write(`${JSON.stringify({ events })}\n`);
  else for (const e of events) process.stdout.write(`${e.id}\t${e.files.join(" ")}\n`);
}

runMain(main, { errorPrefix: "cluster: " });
