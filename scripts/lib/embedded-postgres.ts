import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Real Postgres (PGlite, compiled to WASM) served over the Postgres wire protocol on a free
 * loopback port, so the app, Prisma's CLI and the tests all reach it exactly as they reach a
 * Postgres server: one code path (adapter-pg) for both.
 *
 * `dataDir` null keeps the database in memory (tests); otherwise the folder persists it.
 */
export async function startEmbeddedPostgres(options: { dataDir: string | null }): Promise<RunningDatabase> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? path.resolve(options.dataDir) : "memory://");
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: 0,
    // PGlite has one session; the socket server multiplexes connections and keeps an open
    // transaction exclusive to its connection, so a pool of clients is safe.
    maxConnections: 64,
  });
  keepExtendedQueriesWhole(server, db);
  await server.start();
  const hostPort = server.getServerConn();
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@${hostPort}/postgres?sslmode=disable`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}

/** The parts of pglite-socket's (unexported) query queue that the fix below replaces. */
interface QueryQueueInternals {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
}

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
/** Parse, Bind, Describe, Execute, Close, Flush: the messages of an extended query before its Sync. */
const EXTENDED_QUERY = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
/** The extended-query messages that need no answer before the next one: all but Flush. */
const HELD_UNTIL_SYNC = new Set([0x50, 0x42, 0x44, 0x45, 0x43]);

/**
 * pglite-socket 0.2 queues each protocol message on its own and, outside a transaction, lets any
 * connection's next message run. A connection's extended query (Parse, Bind, Describe, Execute,
 * Sync) can then be cut by another connection's Parse when its messages arrive in several socket
 * reads (a large value), and bind its values to the other's statement ("bind message supplies 3
 * parameters, but prepared statement requires 2"). This keeps the session with a connection from
 * its first extended-query message to its Sync, as the library already does for transactions, and
 * keeps the queue running after a failed message instead of stalling it.
 *
 * It also hands PGlite a connection's extended query in one call, from Parse to Sync, as a server
 * reads it from its socket: each call into PGlite costs about a quarter of a millisecond whatever
 * it carries, and the library makes one per message (five per statement).
 */
function keepExtendedQueriesWhole(server: PGLiteSocketServer, db: PGlite): void {
  const queue = (server as unknown as { queryQueue?: QueryQueueInternals }).queryQueue;
  if (
    !queue ||
    typeof queue.processQueue !== "function" ||
    typeof queue.clearQueueForHandler !== "function" ||
    typeof queue.enqueue !== "function" ||
    !Array.isArray(queue.queue)
  ) {
    throw new Error("@electric-sql/pglite-socket's query queue is not the one this project patches; check keepExtendedQueriesWhole against the new version.");
  }
  let extendedQueryOf: number | null = null;
  /** Each connection's extended-query messages not yet handed on: they go with the message that ends them. */
  const held = new Map<number, Uint8Array[]>();
  /** The type of the last message of each batch handed on (the first byte is the first message's). */
  const lastTypeOf = new WeakMap<Uint8Array, number>();

  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (handlerId, message, onData) => {
    const type = message[0]!;
    const before = held.get(handlerId);
    if (HELD_UNTIL_SYNC.has(type)) {
      if (before) before.push(message);
      else held.set(handlerId, [message]);
      // Nothing to answer yet: the connection reads on, and its Sync brings the answers of all.
      return Promise.resolve(0);
    }
    if (!before) return enqueue(handlerId, message, onData);
    held.delete(handlerId);
    const batch = Buffer.concat([...before, message]);
    lastTypeOf.set(batch, type);
    return enqueue(handlerId, batch, onData);
  };

  queue.processQueue = async function processQueue(this: QueryQueueInternals) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = extendedQueryOf ?? (db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        // The session belongs to a connection whose next message has not arrived yet: wait for it.
        if (index < 0) break;
        const [item] = this.queue.splice(index, 1) as [QueuedMessage];
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        const type = lastTypeOf.get(item.message) ?? item.message[0]!;
        if (type === SYNC || type === SIMPLE_QUERY) extendedQueryOf = null;
        else if (EXTENDED_QUERY.has(type)) extendedQueryOf = item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    held.delete(handlerId);
    clearQueueForHandler(handlerId);
    // A connection that went away in the middle of an extended query gives the session back.
    if (extendedQueryOf === handlerId) {
      extendedQueryOf = null;
      void queue.processQueue();
    }
  };
}
