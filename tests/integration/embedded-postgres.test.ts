import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded database", () => {
  it("keeps its data in its folder across a stop and a start", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-pglite-"));
    try {
      const first = await startEmbeddedPostgres({ dataDir });
      await query(first.url, "CREATE TABLE newsroom (name text)");
      await query(first.url, "INSERT INTO newsroom VALUES ($1)", ["kept across restarts"]);
      await first.stop();

      const second = await startEmbeddedPostgres({ dataDir });
      expect(await query<{ name: string }>(second.url, "SELECT name FROM newsroom")).toEqual([{ name: "kept across restarts" }]);
      await second.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("serves several connections at once, with transactions kept apart", async () => {
    const db = await startEmbeddedPostgres({ dataDir: null });
    try {
      await query(db.url, "CREATE TABLE counter (n int)");
      await query(db.url, "INSERT INTO counter VALUES (0)");
      const pool = new pg.Pool({ connectionString: db.url, max: 5 });
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            const { rows } = await client.query<{ n: number }>("SELECT n FROM counter FOR UPDATE");
            await client.query("UPDATE counter SET n = $1", [rows[0]!.n + 1]);
            await client.query("COMMIT");
          } finally {
            client.release();
          }
        }),
      );
      await pool.end();
      expect(await query<{ n: number }>(db.url, "SELECT n FROM counter")).toEqual([{ n: 10 }]);
    } finally {
      await db.stop();
    }
  });

  it("answers a parameterised query that fails with its error, and the connection goes on", async () => {
    // An extended query reaches PGlite in one call, Parse to Sync: an error in it must still end
    // at the Sync, leaving the connection ready for the next query and its transaction abortable.
    const db = await startEmbeddedPostgres({ dataDir: null });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query("CREATE TABLE item (id int PRIMARY KEY)");
      await expect(client.query("SELECT 1 / $1::int AS n", [0])).rejects.toThrow(/division by zero/);
      expect((await client.query<{ n: number }>("SELECT 10 / $1::int AS n", [2])).rows).toEqual([{ n: 5 }]);
      await client.query("BEGIN");
      await client.query("INSERT INTO item VALUES ($1)", [1]);
      await expect(client.query("INSERT INTO item VALUES ($1)", [1])).rejects.toThrow(/duplicate key/);
      await expect(client.query("SELECT $1::int AS n", [3])).rejects.toThrow(/current transaction is aborted/);
      await client.query("ROLLBACK");
      expect((await client.query<{ count: string }>("SELECT count(*) FROM item WHERE id = $1", [1])).rows).toEqual([{ count: "0" }]);
    } finally {
      await client.end();
      await db.stop();
    }
  });

  it("keeps each connection's parameterised queries whole when many run at once", async () => {
    // Outside a transaction, each query is Parse, Bind, Describe, Execute and Sync: messages of
    // two connections must not interleave, or one binds its values to the other's statement.
    const db = await startEmbeddedPostgres({ dataDir: null });
    const pool = new pg.Pool({ connectionString: db.url, max: 8 });
    try {
      // Large values arrive in several socket reads, which is where another connection can cut in.
      const large = "x".repeat(300_000);
      const results = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => {
          const sql = i % 2 === 0 ? "SELECT $1::int + $2::int AS n, length($3::text) AS size" : "SELECT $1::int * 2 AS n, length($2::text) AS size";
          const values = i % 2 === 0 ? [i, 1, i % 4 === 0 ? large : `q${i}`] : [i, `q${i}`];
          const { rows } = await pool.query<{ n: number; size: number }>(sql, values);
          return rows[0];
        }),
      );
      results.forEach((row, i) => expect(row).toEqual({ n: i % 2 === 0 ? i + 1 : i * 2, size: i % 4 === 0 ? large.length : `q${i}`.length }));
    } finally {
      await pool.end();
      await db.stop();
    }
  });
});
