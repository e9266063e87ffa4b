import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { FEED_TAG, publicPathTags, publicStoryTags, publishedSlugTag } from "@/lib/domain/http/public-cache";
import { createFrontServer } from "../../../scripts/lib/front-server";
import { createPublicResponseCache, type PublicResponseCache } from "../../../scripts/lib/public-response-cache";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

type Respond = (request: IncomingMessage, response: ServerResponse) => void;

const SHARED = "public, s-maxage=300, stale-while-revalidate=3300";

/** The front server with a cache, in front of `respond`; counts the requests that reached it. */
async function start(respond: Respond, clock = { now: 1_000_000 }) {
  const cache = createPublicResponseCache({ now: () => clock.now, maxBytes: 1000 });
  const reached = { count: 0 };
  const server = createFrontServer({
    trustedProxyHops: 0,
    cache,
    handle: (request, response) => {
      reached.count += 1;
      respond(request, response);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, cache, reached, clock };
}

const page = (cacheControl: string, body = "<p>story</p>", extra: Record<string, string> = {}): Respond => (_request, response) => {
  response.writeHead(200, { "content-type": "text/html", "cache-control": cacheControl, etag: '"v1"', ...extra });
  response.write(body.slice(0, 3));
  response.end(body.slice(3));
};

describe("public response cache", () => {
  it("answers a public address from memory once a response said a shared cache may keep it", async () => {
    const { base, reached } = await start(page(SHARED));
    const first = await fetch(`${base}/p/kim-visit`);
    expect(await first.text()).toBe("<p>story</p>");
    expect(first.headers.get("x-factdesk-cache")).toBeNull();
    const second = await fetch(`${base}/p/kim-visit`);
    expect(await second.text()).toBe("<p>story</p>");
    expect(second.headers.get("x-factdesk-cache")).toBe("HIT");
    expect(second.headers.get("cache-control")).toBe(SHARED);
    expect(second.headers.get("etag")).toBe('"v1"');
    expect(reached.count).toBe(1);
    const head = await fetch(`${base}/p/kim-visit`, { method: "HEAD" });
    expect(head.headers.get("x-factdesk-cache")).toBe("HIT");
    expect(await head.text()).toBe("");
    expect(reached.count).toBe(1);
  });

  it("answers 304 to a reader who holds the same version", async () => {
    const { base } = await start(page(SHARED));
    await fetch(`${base}/feed.xml`);
    const response = await fetch(`${base}/feed.xml`, { headers: { "If-None-Match": '"v1"' } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
  });

  it.each([
    ["no s-maxage", "max-age=60"],
    ["private", "private, s-maxage=300"],
    ["no-store", "no-store"],
  ])("keeps nothing a shared cache may not keep (%s)", async (_case, cacheControl) => {
    const { base, reached } = await start(page(cacheControl));
    await fetch(`${base}/p/kim-visit`);
    await fetch(`${base}/p/kim-visit`);
    expect(reached.count).toBe(2);
  });

  it("keeps nothing that sets a cookie, is not a 200, or is not a public address", async () => {
    const cookie = await start(page(SHARED, "<p>story</p>", { "set-cookie": "session=1" }));
    await fetch(`${cookie.base}/p/kim-visit`);
    await fetch(`${cookie.base}/p/kim-visit`);
    expect(cookie.reached.count).toBe(2);
    await close?.();
    const missing = await start((_request, response) => response.writeHead(404, { "cache-control": SHARED }).end("gone"));
    await fetch(`${missing.base}/p/kim-visit`);
    await fetch(`${missing.base}/p/kim-visit`);
    expect(missing.reached.count).toBe(2);
    await close?.();
    const newsroom = await start(page(SHARED));
    await fetch(`${newsroom.base}/stories/1`);
    await fetch(`${newsroom.base}/stories/1`);
    expect(newsroom.reached.count).toBe(2);
  });

  it("keeps one copy per value of the request headers the response varies by", async () => {
    const { base, reached } = await start((request, response) => {
      response.writeHead(200, { "content-type": "application/json", "cache-control": SHARED, vary: "Accept" }).end(JSON.stringify({ accept: request.headers.accept }));
    });
    const ask = (accept: string) => fetch(`${base}/api/v1/published/kim-visit`, { headers: { accept } }).then((response) => response.json());
    expect(await ask("application/json; version=3.1")).toEqual({ accept: "application/json; version=3.1" });
    expect(await ask("application/json")).toEqual({ accept: "application/json" });
    expect(await ask("application/json; version=3.1")).toEqual({ accept: "application/json; version=3.1" });
    expect(reached.count).toBe(2);
  });

  it("asks again once the response's s-maxage has passed", async () => {
    const { base, reached, clock } = await start(page(SHARED));
    await fetch(`${base}/p/kim-visit`);
    clock.now += 299_000;
    await fetch(`${base}/p/kim-visit`);
    expect(reached.count).toBe(1);
    clock.now += 2_000;
    await fetch(`${base}/p/kim-visit`);
    expect(reached.count).toBe(2);
  });

  it("drops what an expired tag covers, and nothing else", async () => {
    const { base, cache, reached } = await start(page(SHARED, "<p>s</p>"));
    await fetch(`${base}/p/kim-visit`);
    await fetch(`${base}/p/other-story`);
    cache.expire(publicStoryTags(["kim-visit"]));
    await fetch(`${base}/p/kim-visit`);
    await fetch(`${base}/p/other-story`);
    expect(reached.count).toBe(3);
  });

  it("does not keep a response that was being made when a tag expired: it may show the old state", async () => {
    const made: { cache?: PublicResponseCache } = {};
    const started = await start((request, response) => {
      made.cache!.expire([publishedSlugTag("unrelated")]);
      page(SHARED)(request, response);
    });
    made.cache = started.cache;
    await fetch(`${started.base}/p/kim-visit`);
    await fetch(`${started.base}/p/kim-visit`);
    expect(started.reached.count).toBe(2);
  });

  it("holds no more than its size: the oldest responses go first", async () => {
    const { base, cache, reached } = await start(page(SHARED, "x".repeat(400)));
    for (const slug of ["a", "b", "c"]) await fetch(`${base}/p/${slug}`);
    expect(cache.size).toBeLessThanOrEqual(1000);
    await fetch(`${base}/p/c`);
    expect(reached.count).toBe(3);
    await fetch(`${base}/p/a`);
    expect(reached.count).toBe(4);
  });
});

describe("public cache tags", () => {
  it("name a story's page, ninjs and NewsML-G2 by slug, and the feed apart", () => {
    expect(publicPathTags("/p/kim-visit")).toEqual([publishedSlugTag("kim-visit")]);
    expect(publicPathTags("/api/v1/published/kim-visit")).toEqual([publishedSlugTag("kim-visit")]);
    expect(publicPathTags("/api/v1/published/kim-visit.xml")).toEqual([publishedSlugTag("kim-visit")]);
    expect(publicPathTags("/feed.xml")).toEqual([FEED_TAG]);
    expect(publicPathTags("/p/%E0%A4%A")).toBeNull();
    expect(publicPathTags("/stories/kim-visit")).toBeNull();
    expect(publicPathTags("/p/kim-visit/extra")).toBeNull();
  });

  it("of a changed story cover every slug it has had, and the feed", () => {
    const tags = publicStoryTags(["new-slug", "old-slug"]);
    for (const path of ["/p/new-slug", "/p/old-slug", "/api/v1/published/old-slug", "/api/v1/published/old-slug.xml", "/feed.xml"]) {
      expect(publicPathTags(path)!.every((tag) => tags.includes(tag))).toBe(true);
    }
  });
});
