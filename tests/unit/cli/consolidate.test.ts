/**
 * The command-line contract of `npm run --silent consolidate` (GitHub issue 4): other tools
 * parse this output, so its shape is pinned here.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { parseWire } from "@/lib/domain/wire";
import { REPO_ROOT as ROOT, seedFiles } from "../../../scripts/lib/shared-folder";

const TIMEOUT = 120_000;

function run(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync("npm", ["run", "--silent", "consolidate", "--", ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Writes the files into a new temporary folder; their paths, in the order given. */
function tempFiles(files: Record<string, string>): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "consolidate-"));
  return Object.entries(files).map(([name, content]) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  });
}

const ZRef = z.object({ file: z.string(), start: z.number().int(), end: z.number().int() }).strict();
const ZOutput = z
  .object({
    sources: z.array(
      z
        .object({
          file: z.string(),
          headline: z.string().nullable(),
          agency: z.string().nullable(),
          dateline: z.string().nullable(),
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
          removed: z.array(z.object({ start: z.number().int(), end: z.number().int(), reason: z.string() }).strict()),
        })
        .strict(),
    ),
    clusters: z.array(
      z
        .object({
          id: z.string(),
          members: z.array(ZRef).min(1),
          discrepancies: z.array(z.object({ kind: z.string(), detail: z.string() }).strict()),
        })
        .strict(),
    ),
    draft: z
      .object({
        headline: z.string(),
        paragraphs: z.array(
          z
            .array(
              z
                .object({
                  text: z.string().min(1),
                  sources: z.array(ZRef).min(1),
                  disputedBy: z.array(ZRef.extend({ kind: z.string(), value: z.string().min(1) }).strict()),
                })
                .strict(),
            )
            .min(1),
        ),
      })
      .strict(),
    leftOut: z.array(ZRef.extend({ reason: z.string().min(1) }).strict()),
  })
  .strict();

// Paths as a user would type them: relative to the repository root when the seeds are inside it.
const files = seedFiles().map((file) => (file.startsWith(ROOT) ? path.relative(ROOT, file) : file));

describe("consolidate --json", () => {
  let output: z.infer<typeof ZOutput>;

  beforeAll(() => {
    const r = run(["--json", ...files]);
    expect(r.status, r.stderr).toBe(0);
    output = ZOutput.parse(JSON.parse(r.stdout));
  }, TIMEOUT);

  it("lists the sources in the order given, with their metadata", () => {
    expect(output.sources.map((s) => s.file)).toEqual(files);
    const ap = output.sources.find((s) => s.file.includes("002_"))!;
    expect(ap).toMatchObject({ agency: "AP", dateline: "SEOUL, South Korea" });
    expect(output.sources.find((s) => s.file.includes("004_"))!.date).toBe("2023-09-12");
  });

  it("puts every body sentence in exactly one cluster, and no removed text in any", () => {
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(path.resolve(ROOT, file)));
      const text = new TextDecoder().decode(bytes);
      const parsed = parseWire({ bytes, filename: path.basename(file) });
      const members = output.clusters.flatMap((c) => c.members).filter((m) => m.file === file);
      expect(members.map((m) => `${m.start}-${m.end}`).sort()).toEqual(parsed.sentences.map((s) => `${s.start}-${s.end}`).sort());
      for (const m of members) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(m.start, m.end).trim().length).toBeGreaterThan(0);
      }
      const source = output.sources.find((s) => s.file === file)!;
      for (const r of source.removed) for (const m of members) expect(m.end <= r.start || m.start >= r.end, `${file} ${m.start}-${m.end} overlaps removed ${r.reason}`).toBe(true);
    }
  });

  it("drafts a headline and paragraphs whose sources are cluster members", () => {
    const members = new Set(output.clusters.flatMap((c) => c.members).map((m) => `${m.file}:${m.start}:${m.end}`));
    expect(output.draft.headline.length).toBeGreaterThan(0);
    for (const item of output.draft.paragraphs.flat()) for (const s of item.sources) expect(members.has(`${s.file}:${s.start}:${s.end}`)).toBe(true);
    // Every body sentence supports the draft or is left out with a reason; none is both.
    const cited = new Set(output.draft.paragraphs.flat().flatMap((i) => i.sources.map((s) => `${s.file}:${s.start}:${s.end}`)));
    const leftOut = output.leftOut.map((s) => `${s.file}:${s.start}:${s.end}`);
    for (const s of leftOut) expect(cited.has(s)).toBe(false);
    expect(new Set([...cited, ...leftOut])).toEqual(members);
  });
});

describe("consolidate --json, two wires that disagree", () => {
  it(
    "cites only the wire that states the fact's values; the other disputes it with its own values and is left out",
    () => {
      const [a, b] = tempFiles({
        "a.txt": "About 900 people were evacuated from the flooded town of Marlow on Tuesday, officials said.\n",
        "b.txt": "Some 1,200 people were evacuated from the flooded town of Marlow on Wednesday, officials said.\n",
      }) as [string, string];
      const r = run(["--json", a, b]);
      expect(r.status, r.stderr).toBe(0);
      const out = ZOutput.parse(JSON.parse(r.stdout));
      const facts = out.draft.paragraphs.flat();
      expect(facts).toHaveLength(1);
      expect(facts[0]!.text).toContain("900");
      expect(facts[0]!.sources.map((s) => s.file)).toEqual([a]);
      expect(facts[0]!.disputedBy.map((d) => [d.file, d.value])).toEqual([
        [b, "1,200 people"],
        [b, "Wednesday"],
      ]);
      expect(out.leftOut.map((s) => s.file)).toEqual([b]);
      expect(out.leftOut[0]!.reason).toMatch(/disputes/);
    },
    TIMEOUT,
  );
});

describe("consolidate --pairs", () => {
  it(
    "prints id1, id2, a score in 0..1 and the 0|1 decision for each pair",
    () => {
      const [file] = tempFiles({
        "pairs.tsv":
          "\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n" +
          "1\t11\t12\tAt the forum, Putin declined to say what he intended to do there.\tPutin declined during the forum to say what he intended to do there.\r\n" +
          "0\t21\t22\tPutin arrived in Vladivostok.\tKim arrived in Russia.\r\n",
      }) as [string];
      const r = run(["--pairs", file]);
      expect(r.status, r.stderr).toBe(0);
      const lines = r.stdout.trimEnd().split("\n");
      expect(lines).toHaveLength(2);
      const rows = lines.map((l) => l.split("\t"));
      for (const row of rows) {
        expect(row).toHaveLength(4);
        expect(Number(row[2])).toBeGreaterThanOrEqual(0);
        expect(Number(row[2])).toBeLessThanOrEqual(1);
      }
      expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
        ["11", "12", "1"],
        ["21", "22", "0"],
      ]);
    },
    TIMEOUT,
  );
});

describe("consolidate (readable text)", () => {
  it(
    "prints the draft with bracketed source marks, the sources and the credit line",
    () => {
      const r = run(files);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/\[1(, \d)*\]/);
      expect(r.stdout).toContain("Sources:");
      expect(r.stdout).toContain("[5] ");
      expect(r.stdout).toContain("Compiled from AP, AFP and other reports");
    },
    TIMEOUT,
  );
});

describe("consolidate errors", () => {
  it(
    "fails with a message and status 1 on a missing file or no arguments",
    () => {
      const missing = run(["--json", "no/such/file.txt"]);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain("cannot read no/such/file.txt");
      expect(run([]).status).toBe(1);
    },
    TIMEOUT,
  );
});
