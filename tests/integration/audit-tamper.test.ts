import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createStory } from "@/lib/server/services/create-story";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { reviewRevision } from "@/lib/server/services/review-revision";
import { db } from "@/lib/server/db";
import { APPEND_ONLY_TABLES, dropAppRole, ensureAppRole } from "../../scripts/lib/app-role";
import { testAppRoleRequested } from "../../scripts/lib/ephemeral-database";
import { seedFiles } from "../../scripts/lib/shared-folder";
import { insertUser } from "./db-helpers";


/** A story with history in all three tables: audit events, story events and a review decision. */
async function reviewedStory() {
  const writer = (await insertUser({ role: "WRITER" })).actor;
  const editor = (await insertUser({ role: "EDITOR" })).actor;
  const file = seedFiles()[0]!;
  const wire = await importWireStory({ source: { kind: "user", user: writer }, upload: { bytes: fs.readFileSync(file), contentType: "text/plain" } });
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

const embedded = inject("embeddedDatabase");

describe.skipIf(embedded)("the app's least-privilege role (PostgreSQL only; skipped on PGlite, whose one superuser session has no roles)", () => {
  const role = `factdesk_tamper_${randomBytes(4).toString("hex")}`;
  let app: pg.Client;

  beforeAll(async () => {
    const { url } = await ensureAppRole(inject("ownerDatabaseUrl"), { role });
    app = await connect(url);
  });

  afterAll(async () => {
    await app?.end();
    await dropAppRole(inject("ownerDatabaseUrl"), role);
  });

  it.each(APPEND_ONLY_TABLES)("may not TRUNCATE, UPDATE or DELETE %s, nor disable its triggers", async (table) => {
    const before = await count(owner, table);
    await expect(app.query(`TRUNCATE "${table}"`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE "${table}" SET "createdAt" = now()`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM "${table}"`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`ALTER TABLE "${table}" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`)).rejects.toThrow(/must be owner/);
    expect(await count(owner, table)).toBe(before);
  });

  it("may insert and read history", async () => {
    const audit = await app.query<{ id: string }>(
      `INSERT INTO "AuditEvent" ("actorId", action, "subjectType", "subjectId") VALUES ($1, 'tamper.test', 'Story', $2) RETURNING id`,
      [story.writer.id, story.storyId],
    );
    const event = await app.query<{ id: string }>(
      `INSERT INTO "StoryEvent" ("storyId", "revisionId", "actorId", kind, operation) VALUES ($1, $2, $3, 'tamper.test', '{}') RETURNING id`,
      [story.storyId, story.revisionId, story.writer.id],
    );
    await app.query(
      `INSERT INTO "ReviewDecision" (id, "revisionId", "reviewerId", verdict, "contentVersion") VALUES ($1, $2, $3, 'REQUEST_CHANGES', 0)`,
      [`tamper-${role}`, story.revisionId, story.editor.id],
    );
    expect((await app.query(`SELECT action FROM "AuditEvent" WHERE id = $1`, [audit.rows[0]!.id])).rows).toEqual([{ action: "tamper.test" }]);
    expect((await app.query(`SELECT kind FROM "StoryEvent" WHERE id = $1`, [event.rows[0]!.id])).rows).toEqual([{ kind: "tamper.test" }]);
    expect((await app.query(`SELECT verdict FROM "ReviewDecision" WHERE id = $1`, [`tamper-${role}`])).rows).toEqual([{ verdict: "REQUEST_CHANGES" }]);
  });

  it("keeps ordinary DML on the other tables", async () => {
    const { rowCount } = await app.query(`UPDATE "User" SET name = name WHERE id = $1`, [story.writer.id]);
    expect(rowCount).toBe(1);
  });

  it("may not change the schema, the migration history or the triggers' reach", async () => {
    await expect(app.query(`CREATE TABLE "Tampered" (id int)`)).rejects.toThrow(/permission denied for schema/);
    await expect(app.query(`DROP TABLE "AuditEvent"`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`DROP TRIGGER "AuditEvent_no_truncate" ON "AuditEvent"`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`DELETE FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
    // A superuser could skip every trigger for its session this way.
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    const { rows } = await app.query<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>(
      "SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user",
    );
    expect(rows).toEqual([{ rolsuper: false, rolcreaterole: false, rolcreatedb: false }]);
  });

  it("gets the same grants on tables created after it", async () => {
    await owner.query(`CREATE TABLE "TamperLater" (id serial PRIMARY KEY, note text)`);
    try {
      await app.query(`INSERT INTO "TamperLater" (note) VALUES ('later')`);
      expect((await app.query(`UPDATE "TamperLater" SET note = 'changed'`)).rowCount).toBe(1);
      await expect(app.query(`TRUNCATE "TamperLater"`)).rejects.toThrow(/permission denied/);
    } finally {
      await owner.query(`DROP TABLE "TamperLater"`);
    }
  });
});

describe.runIf(!embedded && testAppRoleRequested())("with FACTDESK_TEST_APP_ROLE", () => {
  it("the app under test runs as a role that is neither superuser nor the owner", async () => {
    const [me] = await db.$queryRaw<{ user: string; rolsuper: boolean; owner: boolean }[]>`
      SELECT current_user AS user, rolsuper, pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE relname = 'AuditEvent'), 'MEMBER') AS owner
      FROM pg_roles WHERE rolname = current_user`;
    expect(me).toMatchObject({ rolsuper: false, owner: false });
    expect(me!.user).not.toBe(new URL(inject("ownerDatabaseUrl")).username);
  });
});
