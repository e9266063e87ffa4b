import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/domain/http";
import type { PublicResponseCache } from "./public-response-cache";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

export interface FrontServerOptions {
  /** Proxies in front of us whose X-Forwarded-* headers are believed (TRUST_PROXY). */
  trustedProxyHops: number;
  handle: (request: IncomingMessage, response: ServerResponse) => unknown;
  upgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => unknown;
  /** Public responses kept in front of Next.js (not in development, where every request renders). */
  cache?: PublicResponseCache;
}

/**
 * The HTTP server in front of Next.js. Next keeps whatever X-Forwarded-* headers a client sends and
 * route handlers never see the socket, so the client's address is worked out here (TRUST_PROXY hops
 * deep into X-Forwarded-For, else the socket) and handed on as `x-factdesk-client-address`, and the
 * forwarding headers of an untrusted client are dropped, so nothing downstream (sign-in limits,
 * the same-origin checks) reads them.
 */
export function createFrontServer(options: FrontServerOptions): Server {
  const prepare = (request: IncomingMessage) => {
    const forwardedFor = request.headers["x-forwarded-for"];
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf({
      socketAddress: request.socket.remoteAddress,
      forwardedFor: Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
      trustedProxyHops: options.trustedProxyHops,
    });
    if (options.trustedProxyHops === 0) for (const name of FORWARDING_HEADERS) delete request.headers[name];
  };
  const server = createServer((request, response) => {
    prepare(request);
    if (options.cache?.serve(request, response)) return;
    void options.handle(request, response);
  });
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    prepare(request);
    if (options.upgrade) void options.upgrade(request, socket, head);
    else socket.destroy();
  });
  return server;
}
