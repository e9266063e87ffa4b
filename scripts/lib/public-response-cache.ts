import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { publicPathTags } from "@/lib/domain/http/public-cache";

interface Entry {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  tags: string[];
  storedAt: number;
  freshUntil: number;
}

interface Variants {
  /** The request headers the response varies by (its Vary header), lower case. */
  vary: string[];
  entries: Map<string, Entry>;
}

export interface PublicResponseCacheOptions {
  /** All bodies together; the least recently stored go first. */
  maxBytes?: number;
  maxEntryBytes?: number;
  now?: () => number;
}

export interface PublicResponseCache {
  /**
   * Answers `request` from the cache and returns true, or returns false and keeps the response
   * that is about to be written, if a CDN could keep it too.
   */
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  /** Drops every response with one of `tags` (a story published, corrected or unpublished). */
  expire(tags: string[]): void;
  readonly size: number;
}

const S_MAXAGE = /(?:^|,)\s*s-maxage=(\d+)/i;
const NOT_SHARED = /(?:^|,)\s*(?:private|no-store|no-cache)\b/i;

function headerText(value: OutgoingHttpHeaders[string] | string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(", ") : value === undefined ? "" : String(value);
}

/** How long a shared cache may keep the response (its s-maxage), or 0 when it may not. */
function sharedLifetimeMs(headers: OutgoingHttpHeaders): number {
  const control = headerText(headers["cache-control"]);
  if (!control || NOT_SHARED.test(control) || headers["set-cookie"]) return 0;
  return Number(S_MAXAGE.exec(control)?.[1] ?? 0) * 1000;
}

/**
 * The public responses of this server (story pages, their ninjs, the feed) kept in memory in front
 * of Next.js, as a CDN would keep them: by address and the request headers they vary by, for
 * their s-maxage, answering conditional requests with 304. Next.js renders each once per published
 * revision; this answers the readers' many requests for it without entering Next.js at all. Expiry
 * follows the same tags as Next.js's cache (public-cache-handler.cjs calls `expire`), so a change
 * shows at once here too.
 */
export function createPublicResponseCache(options: PublicResponseCacheOptions = {}): PublicResponseCache {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 4 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const byAddress = new Map<string, Variants>();
  let bytes = 0;
  // Any expiry while a response was being made may concern it: such a response is not kept.
  let expiries = 0;

  const addressOf = (request: IncomingMessage) => `${request.headers.host ?? ""}${request.url ?? ""}`;
  const variantOf = (request: IncomingMessage, vary: string[]) => vary.map((name) => headerText(request.headers[name])).join("\n");

  function remove(address: string, variant: string) {
    const variants = byAddress.get(address);
    const entry = variants?.entries.get(variant);
    if (!variants || !entry) return;
    bytes -= entry.body.length;
    variants.entries.delete(variant);
    if (variants.entries.size === 0) byAddress.delete(address);
  }

  function store(address: string, variant: string, vary: string[], entry: Entry) {
    remove(address, variant);
    let variants = byAddress.get(address);
    if (!variants || variants.vary.join() !== vary.join()) {
      for (const key of variants?.entries.keys() ?? []) remove(address, key);
      variants = { vary, entries: new Map() };
      byAddress.set(address, variants);
    }
    variants.entries.set(variant, entry);
    bytes += entry.body.length;
    for (const [oldAddress, { entries }] of byAddress) {
      if (bytes <= maxBytes) break;
      for (const key of [...entries.keys()]) remove(oldAddress, key);
    }
  }

  function answer(request: IncomingMessage, response: ServerResponse, entry: Entry) {
    const etag = headerText(entry.headers["etag"]);
    const held = headerText(request.headers["if-none-match"]);
    const headers = { ...entry.headers, age: String(Math.floor((now() - entry.storedAt) / 1000)), "x-factdesk-cache": "HIT" };
    if (etag && held.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag.replace(/^W\//, ""))) {
      const notModified: OutgoingHttpHeaders = { ...headers };
      for (const name of ["content-length", "content-type", "content-encoding"]) delete notModified[name];
      response.writeHead(304, notModified).end();
    } else {
      response.writeHead(entry.status, headers).end(request.method === "HEAD" ? undefined : entry.body);
    }
  }

  function keep(request: IncomingMessage, response: ServerResponse, address: string, tags: string[]) {
    const startedAt = expiries;
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || size > maxEntryBytes) return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      chunks.push(buffer);
    };
    // Headers given to writeHead are not in getHeaders(): they are moved to setHeader first.
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    response.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((arg) => typeof arg === "object" && arg !== null && !Array.isArray(arg)) as OutgoingHttpHeaders | undefined;
      for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) response.setHeader(name, value);
      return writeHead(status, ...rest.filter((arg) => arg !== headers));
    }) as ServerResponse["writeHead"];
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as ServerResponse["end"];
    response.on("finish", () => {
      const headers = response.getHeaders();
      const lifetime = sharedLifetimeMs(headers);
      if (response.statusCode !== 200 || lifetime === 0 || size > maxEntryBytes || expiries !== startedAt) return;
      const vary = headerText(headers["vary"])
        .split(",")
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
      if (vary.includes("*")) return;
      store(address, variantOf(request, vary), vary, { status: 200, headers, body: Buffer.concat(chunks), tags, storedAt: now(), freshUntil: now() + lifetime });
    });
  }

  return {
    serve(request, response) {
      if ((request.method !== "GET" && request.method !== "HEAD") || request.headers.range) return false;
      const tags = publicPathTags(new URL(request.url ?? "/", "http://localhost").pathname);
      if (!tags) return false;
      const address = addressOf(request);
      const variants = byAddress.get(address);
      if (variants) {
        const variant = variantOf(request, variants.vary);
        const entry = variants.entries.get(variant);
        if (entry && entry.freshUntil > now()) {
          answer(request, response, entry);
          return true;
        }
        if (entry) remove(address, variant);
      }
      if (request.method === "GET") keep(request, response, address, tags);
      return false;
    },
    expire(tags) {
      expiries += 1;
      const expired = new Set(tags);
      for (const [address, { entries }] of [...byAddress]) {
        for (const [variant, entry] of [...entries]) if (entry.tags.some((tag) => expired.has(tag))) remove(address, variant);
      }
    },
    get size() {
      return bytes;
    },
  };
}
