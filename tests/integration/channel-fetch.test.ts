import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchFeed } from "@/lib/server/channels/fetch-feed";

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`;
const ETAG = '"v1"';
const MODIFIED = "Tue, 12 Sep 2023 06:15:00 GMT";
const seen: Record<string, string | undefined>[] = [];

const server = http.createServer((request, response) => {
  seen.push({ path: request.url, ifNoneMatch: request.headers["if-none-match"], ifModifiedSince: request.headers["if-modified-since"] });
  if (request.url === "/feed") {
    if (request.headers["if-none-match"] === ETAG) return void response.writeHead(304).end();
    return void response.writeHead(200, { "content-type": "application/rss+xml", etag: ETAG, "last-modified": MODIFIED }).end(FEED);
  }
  if (request.url === "/missing") return void response.writeHead(404).end("gone");
  if (request.url === "/slow") return void setTimeout(() => response.writeHead(200).end(FEED), 2_000);
  if (request.url === "/huge") {
    // No Content-Length: the cap must hold while reading, not only on a declared size.
    response.writeHead(200, { "content-type": "application/rss+xml" });
    const chunk = "x".repeat(64 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < 4 * 1024 * 1024) {
        sent += chunk.length;
        if (!response.write(chunk)) return void response.once("drain", pump);
      }
      response.end();
    };
    return pump();
  }
  response.writeHead(500).end();
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetchFeed", () => {
  it("fetches a feed with its validators, then asks conditionally and gets not-modified", async () => {
    const first = await fetchFeed(`${base}/feed`, { etag: null, lastModified: null });
    expect(first).toMatchObject({ status: "fetched", etag: ETAG, lastModified: MODIFIED, contentType: "application/rss+xml" });
    if (first.status !== "fetched") throw new Error("expected a body");
    expect(new TextDecoder().decode(first.bytes)).toBe(FEED);

    const second = await fetchFeed(`${base}/feed`, { etag: first.etag, lastModified: first.lastModified });
    expect(second).toEqual({ status: "not-modified" });
    expect(seen.at(-1)).toMatchObject({ ifNoneMatch: ETAG, ifModifiedSince: MODIFIED });
  });

  it("says in words what went wrong: an HTTP error, a timeout, a feed over the size cap, no server", async () => {
    await expect(fetchFeed(`${base}/missing`, { etag: null, lastModified: null })).rejects.toThrow("The feed answered 404 Not Found.");
    await expect(fetchFeed(`${base}/slow`, { etag: null, lastModified: null }, { timeoutMs: 300 })).rejects.toThrow("The feed did not answer within 0.3 seconds.");
    await expect(fetchFeed(`${base}/huge`, { etag: null, lastModified: null }, { sizeLimit: 1024 * 1024 })).rejects.toThrow("The feed is larger than 1 MB; nothing was imported from it.");
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(fetchFeed(`http://127.0.0.1:${port}/feed`, { etag: null, lastModified: null })).rejects.toThrow(`127.0.0.1:${port} refused the connection.`);
  });
});
