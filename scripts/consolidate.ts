/**
 * Command line for the consolidation engine (lib/domain/facts). Run from the repository root,
 * no database needed:
 *
 *   npm run --silent consolidate -- FILE...           the draft as readable text, with source marks
 *   npm run --silent consolidate -- --json FILE...    one JSON object: sources, clusters, draft
 *   npm run --silent consolidate -- --pairs FILE.tsv  MSRP-format pairs: id1, id2, score, 0|1
 *
 * The JSON shape is a contract other tools depend on; see GitHub issue 4.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isAppError } from "../lib/domain/errors";
import {
  compareSentences,
  consolidate,
  describeDiscrepancy,
  parsePairsTsv,
  storyFromParsedWire,
  type Consolidation,
  type FactStory,
  type SentenceRef,
} from "../lib/domain/facts";
import { parseWire, type ParsedWire } from "../lib/domain/wire";
import { runMain } from "./lib/main";

const USAGE = `usage:
  npm run --silent consolidate -- [--json] FILE...
  npm run --silent consolidate -- --pairs FILE.tsv`;

interface Source {
  file: string;
  id: string;
  parsed: ParsedWire;
}

function fail(message: string): never {
  process.stderr.write(`consolidate: ${message}\n`);
  process.exit(1);
}

function loadSources(files: string[]): Source[] {
  const seen = new Map<string, number>();
  return files.map((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      fail(`cannot read ${file}: ${(error as Error).message}`);
    }
    let parsed: ParsedWire;
    try {
      parsed = parseWire({ bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), filename: path.basename(file) });
    } catch (error) {
      if (isAppError(error)) fail(`${file}: ${error.message}`);
      throw error;
    }
    // The path as given identifies the story; the same path twice gets a distinct internal id.
    const n = (seen.get(file) ?? 0) + 1;
    seen.set(file, n);
    return { file, id: n === 1 ? file : `${file}#${n}`, parsed };
  });
}

function label(source: Source): string {
  const name = path.basename(source.file).replace(/\.[^.]+$/, "");
  return source.parsed.agency ? `${source.parsed.agency} ${name}` : name;
}

function toJson(sources: Source[], result: Consolidation): unknown {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const ref = (r: SentenceRef) => ({ file: byId.get(r.storyId)!.file, start: r.start, end: r.end });
  const labelOf = (id: string) => label(byId.get(id)!);
  return {
    sources: sources.map((s) => ({
      file: s.file,
      headline: s.parsed.headline,
      agency: s.parsed.agency,
      dateline: s.parsed.dateline,
      date: s.parsed.date,
      removed: s.parsed.removed.map((r) => ({ start: r.start, end: r.end, reason: r.reason })),
    })),
    clusters: result.clusters.map((c) => ({
      id: c.id,
      members: c.members.map(ref),
      discrepancies: c.discrepancies.map((d) => ({ kind: d.kind, detail: describeDiscrepancy(d, labelOf) })),
    })),
    draft: {
      headline: result.draft.headline,
      paragraphs: result.draft.paragraphs.map((p) =>
        p.map((f) => ({ text: f.text, sources: f.sources.map(ref), disputedBy: f.disputedBy.map((d) => ({ ...ref(d), kind: d.kind, value: d.value })) })),
      ),
    },
    // With the draft's sources, accounts for every body sentence of every file.
    leftOut: result.draft.leftOut.map((s) => ({ ...ref(s), reason: s.reason })),
  };
}

function toText(sources: Source[], result: Consolidation): string {
  const number = new Map(sources.map((s, i) => [s.id, i + 1]));
  const byId = new Map(sources.map((s) => [s.id, s]));
  const labelOf = (id: string) => label(byId.get(id)!);
  const lines: string[] = [result.draft.headline || "(no headline)", ""];
  for (const paragraph of result.draft.paragraphs) {
    const sentences = paragraph.map((f) => {
      const marks = [...new Set(f.sources.map((s) => number.get(s.storyId)!))].sort((a, b) => a - b).join(", ");
      const notes = [
        f.singleSource ? "single source" : null,
        ...[...new Set(f.disputedBy.map((d) => d.storyId))].map(
          (id) => `disputed by [${number.get(id)!}]: ${f.disputedBy.filter((d) => d.storyId === id).map((d) => d.value).join(", ")}`,
        ),
        ...f.discrepancies.map((d) => `discrepancy: ${describeDiscrepancy(d, labelOf)}`),
      ].filter(Boolean);
      return `${f.text} [${marks}]${notes.length > 0 ? ` {${notes.join("; ")}}` : ""}`;
    });
    lines.push(sentences.join(" "), "");
  }
  if (result.draft.leftOut.length > 0) {
    lines.push("Left out:");
    for (const s of result.draft.leftOut) lines.push(`  [${number.get(s.storyId)!}] ${byId.get(s.storyId)!.parsed.text.slice(s.start, s.end).replace(/\s+/g, " ")} (${s.reason})`);
    lines.push("");
  }
  lines.push("Sources:");
  sources.forEach((s, i) => {
    const meta = [s.parsed.agency, s.parsed.date, s.parsed.headline ? `"${s.parsed.headline}"` : null].filter(Boolean).join(", ");
    lines.push(`  [${i + 1}] ${s.file}${meta ? ` (${meta})` : ""}`);
  });
  lines.push("", result.draft.creditLine, "");
  return lines.join("\n");
}

function runPairs(file: string): void {
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  const out: string[] = [];
  for (const pair of parsePairsTsv(content)) {
    const d = compareSentences(pair.text1, pair.text2);
    out.push(`${pair.id1}\t${pair.id2}\t${d.score.toFixed(4)}\t${d.same ? 1 : 0}`);
  }
  process.stdout.write(out.join("\n") + (out.length > 0 ? "\n" : ""));
}

function main(argv: string[]): void {
  const json = argv.includes("--json");
  const pairsAt = argv.indexOf("--pairs");
  const unknown = argv.filter((a) => a.startsWith("--") && a !== "--json" && a !== "--pairs");
  if (unknown.length > 0) fail(`unknown option ${unknown[0]}\n${USAGE}`);
  if (pairsAt >= 0) {
    const file = argv[pairsAt + 1];
    if (!file || json) fail(USAGE);
    runPairs(file);
    return;
  }
  const files = argv.filter((a) => !a.startsWith("--"));
  if (files.length === 0) fail(USAGE);
  const sources = loadSources(files);
  const stories: FactStory[] = sources.map((s) => storyFromParsedWire(s.id, s.parsed));
  const result = consolidate(stories);
  process.stdout.write(json ? JSON.stringify(toJson(sources, result)) + "\n" : toText(sources, result));
}

runMain(() => main(process.argv.slice(2)));
