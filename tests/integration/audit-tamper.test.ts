import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createStory } from "@/lib/server/services/create-story";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { reviewRevision } from "@/lib/server/services/review-revision";
import { db } from "@/lib/server/db";
import { insertUser } from "./db-helpers";

const APPEND_ONLY_TABLES = ["AuditEvent", "StoryEvent", "ReviewDecision"];
const SEEDS = [path.resolve("..", "shared", "seeds"), path.resolve("prisma", "seed-data")].find((dir) => fs.existsSync(dir))!;

/** A story with history in all three tables: audit events, story events and a review decision. */
async function reviewedStory() {
  const writer = (await insertUser({ role: "WRITER" })).actor;
  const editor = (await insertUser({ role: "EDITOR" })).actor;
  const file = fs.readdirSync(SEEDS).filter((name) => name.endsWith(".txt")).sort()[0]!;
  const wire = await importWireStory({ source: { kind: "user", user: writer }, upload: { bytes: fs.readFileSync(path.join(SEEDS, file)), contentType: "text/plain" } });
  const { storyId, revisionId } = await createStory({ actor: writer, input: { wireStoryIds: [wire.story.id] } });
  const { contentVersion } = await db.storyRevision.findUniqueOrThrow({ where: { id: revisionId } });
  await reviewRevision({ actor: writer, revisionId, input: { transition: "submit", contentVersion } });
  await reviewRevision({ actor: editor, revisionId, input: { transition: "approve", contentVersion } });
  return { writer, editor, storyId, revisionId };
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function count(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
  return rows[0]!.n;
}

let owner: pg.Client;
let story: Awaited<ReturnType<typeof reviewedStory>>;

beforeAll(async () => {
  story = await reviewedStory();
  owner = await connect(inject("ownerDatabaseUrl"));
});

afterAll(async () => {
  await owner?.end();
});

// The owner (a superuser in development) is who the triggers stop: privileges don't bind it.
describe("history tables, as the table owner", () => {
  it.each(APPEND_ONLY_TABLES)("%s refuses TRUNCATE", async (table) => {
    const before = await count(owner, table);
    expect(before).toBeGreaterThan(0);
    await expect(owner.query(`TRUNCATE "${table}"`)).rejects.toThrow(/append-only/);
    expect(await count(owner, table)).toBe(before);
  });

  it("refuses a TRUNCATE that cascades into the history", async () => {
    await expect(owner.query(`TRUNCATE "User" CASCADE`)).rejects.toThrow(/append-only/);
    expect(await count(owner, "AuditEvent")).toBeGreaterThan(0);
  });

  it.each(["StoryEvent", "ReviewDecision"])("%s refuses UPDATE and DELETE", async (table) => {
    const where = table === "StoryEvent" ? `"storyId" = $1` : `"revisionId" = $1`;
    const key = table === "StoryEvent" ? story.storyId : story.revisionId;
    const before = await count(owner, table);
    await expect(owner.query(`UPDATE "${table}" SET "createdAt" = now() WHERE ${where}`, [key])).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM "${table}" WHERE ${where}`, [key])).rejects.toThrow(/append-only/);
    expect(await count(owner, table)).toBe(before);
  });

  it("names every table that refuses TRUNCATE as append-only", async () => {
    // tgtype bit 5 (32) is TRUNCATE; a new history table must join the runtime role's list too.
    const { rows } = await owner.query<{ table: string }>(
      `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT t.tgisinternal AND t.tgtype & 32 <> 0 AND n.nspname = current_schema() ORDER BY 1`,
    );
    expect(rows.map((row) => row.table)).toEqual([...APPEND_ONLY_TABLES].sort());
  });
});
