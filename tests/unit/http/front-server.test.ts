import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/domain/http";
import { createFrontServer } from "../../../scripts/lib/front-server";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Starts the front server on a free loopback port with a handler that answers the headers it was given. */
async function start(trustedProxyHops: number): Promise<string> {
  const server = createFrontServer({
    trustedProxyHops,
    handle: (request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(request.headers));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("front server", () => {
  it("without TRUST_PROXY, a forged X-Forwarded-For or client-address header changes nothing", async () => {
    const base = await start(0);
    const seen = (await (await fetch(base, { headers: { "x-forwarded-for": "198.51.100.7", "x-forwarded-host": "evil.example", [CLIENT_ADDRESS_HEADER]: "198.51.100.8" } })).json()) as Record<string, string>;
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"]).toBeUndefined();
    expect(seen["x-forwarded-host"]).toBeUndefined();
  });

  it("with TRUST_PROXY=1, takes the address the proxy appended, not what the client wrote before it", async () => {
    const base = await start(1);
    const seen = (await (await fetch(base, { headers: { "x-forwarded-for": "1.1.1.1, 203.0.113.9" } })).json()) as Record<string, string>;
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.9");
    expect(seen["x-forwarded-for"]).toBe("1.1.1.1, 203.0.113.9");
  });
});
