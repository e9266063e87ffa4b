/**
 * The command-line contract of `npm run --silent cluster -- --json FILE...` (issue 14): the
 * incremental event clustering over files in the order given.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { REPO_ROOT, seedFiles } from "../../../scripts/lib/shared-folder";

const TIMEOUT = 120_000;
const ZOutput = z.object({ events: z.array(z.object({ id: z.string(), files: z.array(z.string()) }).strict()) }).strict();

function cluster(args: string[]) {
  return spawnSync("npm", ["run", "--silent", "cluster", "--", ...args], { cwd: REPO_ROOT, encoding: "utf8" });
}

describe("npm run cluster", () => {
  it(
    "puts the five sample wires in one event and a story about something else in another",
    () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "cluster-"));
      const other = path.join(dir, "election.txt");
      writeFileSync(other, "Chile elects Bachelet\n\nSANTIAGO (AP) — Michelle Bachelet won Chile's presidential run-off on Sunday with 62 percent of the vote, election officials said.\n\nBachelet promised free university education and a new constitution.\n");
      const seeds = seedFiles();
      const files = [seeds[0]!, other, ...seeds.slice(1)];
      const r = cluster(["--json", ...files]);
      expect(r.status, r.stderr).toBe(0);
      const { events } = ZOutput.parse(JSON.parse(r.stdout));
      expect(events.map((e) => e.files)).toEqual([seeds, [other]]);
      expect(new Set(events.map((e) => e.id)).size).toBe(2);
    },
    TIMEOUT,
  );

  it(
    "fails with a message naming the file it cannot read, and prints no events",
    () => {
      const r = cluster(["--json", path.join(os.tmpdir(), "no-such-wire.txt")]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/cluster: .*no-such-wire\.txt/);
    },
    TIMEOUT,
  );
});
