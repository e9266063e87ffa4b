import next from "next";
import { parseTrustedProxyHops } from "@/lib/domain/http";
import contract from "@/lib/public-cache-contract.json";
import { createFrontServer } from "./lib/front-server";
import { runMain } from "./lib/main";
import { createPublicResponseCache } from "./lib/public-response-cache";

// public-cache-handler.cjs tells every cache registered here which tags expired.
const LISTENERS_KEY = Symbol.for(contract.listenersSymbol);

/**
 * Next.js behind our own front server (scripts/lib/front-server.ts), which decides the client's
 * address. Started by the launcher (npm start, npm run demo, npm run dev).
 *
 *   tsx scripts/serve.ts start|dev
 */
async function main() {
  const dev = process.argv[2] === "dev";
  const port = Number(process.env.PORT ?? 3000);
  const trustedProxyHops = parseTrustedProxyHops(process.env.TRUST_PROXY);
  const app = next({ dev, port, hostname: "localhost" });
  await app.prepare();
  const cache = dev ? undefined : createPublicResponseCache();
  if (cache) {
    const holder = globalThis as { [LISTENERS_KEY]?: Set<(tags: string[]) => void> };
    (holder[LISTENERS_KEY] ??= new Set()).add((tags) => cache.expire(tags));
  }
  const server = createFrontServer({ trustedProxyHops, handle: app.getRequestHandler(), upgrade: app.getUpgradeHandler(), cache });
  server.listen(port, () => {
    const trust = trustedProxyHops ? `, trusting ${trustedProxyHops} proxy hop${trustedProxyHops > 1 ? "s" : ""}` : "";
    console.log(`Factdesk ready on http://localhost:${port}${trust}`);
  });
  const close = () => server.close(() => process.exit(0));
  process.on("SIGINT", close);
  process.on("SIGTERM", close);
}

runMain(main);
