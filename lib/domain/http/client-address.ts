/** Set by scripts/serve.ts on every request (any value a client sent is overwritten). */
export const CLIENT_ADDRESS_HEADER = "x-factdesk-client-address";

/**
 * Which address a request came from, for limits keyed on it. `X-Forwarded-For` is whatever the
 * client wrote unless a proxy we run appended to it, so it is read only as far as the configured
 * number of trusted proxy hops: each proxy appends the address it was called from, so with N
 * proxies the client is N places from the right of [X-Forwarded-For…, socket address].
 */
export function clientAddressOf(options: { socketAddress: string | undefined; forwardedFor: string | undefined; trustedProxyHops: number }): string {
  const socket = normalizeAddress(options.socketAddress ?? "");
  if (options.trustedProxyHops <= 0) return socket || "unknown";
  const forwarded = (options.forwardedFor ?? "")
    .split(",")
    .map((part) => normalizeAddress(part.trim()))
    .filter(Boolean);
  const chain = [...forwarded, socket];
  // Fewer entries than trusted hops: the request skipped a proxy, so the leftmost is the best we know.
  return chain[Math.max(0, chain.length - 1 - options.trustedProxyHops)] || "unknown";
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 64);
}

/** TRUST_PROXY: unset, empty or "false" → 0 hops; "true" → 1; a number → that many. */
export function parseTrustedProxyHops(value: string | undefined): number {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "false" || text === "0") return 0;
  if (text === "true") return 1;
  if (/^\d+$/.test(text)) return Math.min(Number(text), 16);
  throw new Error(`TRUST_PROXY must be a number of proxy hops (or true/false), not "${value}"`);
}
