// @ts-check
/**
 * Next.js's cache handler for this app (next.config.js `cacheHandler`): Next's own file-system and
 * memory cache, each app instance keeping its own copy of what it rendered, with expiry shared by
 * all instances through PostgreSQL. The transaction that publishes, corrects or unpublishes a
 * story writes the tags that expire as a row of "PublicCacheExpiry" (lib/server/public-cache.ts);
 * this handler applies every row it has not seen yet, woken by NOTIFY on PostgreSQL and by a
 * one-second poll (the embedded PGlite does not deliver notifications across connections). Plain
 * JavaScript because Next.js loads it at run time, outside the app's bundles.
 */
const pg = require("pg");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;

const contract = require("./lib/public-cache-contract.json");

const CHANNEL = contract.notifyChannel;
const APPLY_KEY = Symbol.for(contract.applySymbol);
// Other caches of this process that keep public responses (the front server's) expire with it.
const LISTENERS_KEY = Symbol.for(contract.listenersSymbol);
const RETENTION = `${Number(contract.retentionDays)} days`;
const POLL_MS = Number(process.env.FACTDESK_PUBLIC_CACHE_POLL_MS) || 1000;

/**
 * One follower of the expiry rows per process (Next.js makes a handler per request).
 * @param {(tags: string[]) => Promise<void>} expire
 */
function followExpiries(expire) {
  const connectionString = process.env.DATABASE_URL;
  // `next build` loads the handler with no database: nothing is cached across a build anyway.
  if (!connectionString) return async () => {};
  const pool = new pg.Pool({ connectionString, max: 1 });
  pool.on("error", (error) => console.error("Public cache: database connection lost:", error.message));
  /** @type {string | null} The id of the last row applied; null until the first read. */
  let lastId = null;
  /** @type {Promise<void> | null} */
  let running = null;
  let again = false;
  let reported = false;

  async function readNewRows() {
    // A starting instance may hold pages on disk from before it stopped: it applies the recent rows.
    const { rows } =
      lastId === null
        ? await pool.query(`SELECT id::text AS id, tags FROM "PublicCacheExpiry" WHERE "createdAt" > CURRENT_TIMESTAMP - interval '${RETENTION}' ORDER BY id`)
        : await pool.query(`SELECT id::text AS id, tags FROM "PublicCacheExpiry" WHERE id > $1 ORDER BY id`, [lastId]);
    if (lastId === null && rows.length === 0) {
      const { rows: latest } = await pool.query(`SELECT coalesce(max(id), 0)::text AS id FROM "PublicCacheExpiry"`);
      lastId = latest[0].id;
      return;
    }
    const tags = new Set(rows.flatMap((row) => row.tags));
    if (tags.size) await expire([...tags]);
    if (rows.length) lastId = rows[rows.length - 1].id;
  }

  /** Reads one at a time; a call during a read gets another read after it, so no row is missed. */
  function apply() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await readNewRows();
        } while (again);
        reported = false;
      } catch (error) {
        // The next poll retries; say so once, not every second.
        if (!reported) console.error("Public cache: could not read expiries:", error instanceof Error ? error.message : error);
        reported = true;
      } finally {
        running = null;
      }
    })();
    return running;
  }

  async function listen() {
    const client = new pg.Client({ connectionString });
    client.on("error", () => setTimeout(listen, POLL_MS).unref());
    client.on("notification", () => void apply());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      client.removeAllListeners("error");
      await client.end().catch(() => {});
      setTimeout(listen, 10 * POLL_MS).unref();
    }
  }

  setInterval(apply, POLL_MS).unref();
  void listen();
  void apply();
  return apply;
}

module.exports = class PublicCacheHandler extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} context */
  constructor(context) {
    super(context);
    const holder = /** @type {Record<symbol, any>} */ (globalThis);
    holder[APPLY_KEY] ??= followExpiries(async (tags) => {
      await FileSystemCache.prototype.revalidateTag.call(this, tags);
      for (const listener of holder[LISTENERS_KEY] ?? []) listener(tags);
    });
  }
};
