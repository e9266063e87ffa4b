import { describe, expect, it } from "vitest";
import { clientAddressOf, parseTrustedProxyHops } from "@/lib/domain/http";

describe("clientAddressOf", () => {
  it("trusts no forwarding header unless told to: the socket is the client", () => {
    expect(clientAddressOf({ socketAddress: "::ffff:203.0.113.9", forwardedFor: "198.51.100.1", trustedProxyHops: 0 })).toBe("203.0.113.9");
    expect(clientAddressOf({ socketAddress: undefined, forwardedFor: "198.51.100.1", trustedProxyHops: 0 })).toBe("unknown");
  });

  it("behind N proxies, reads N places from the right, so what the client wrote itself is never used", () => {
    // The client forged "1.1.1.1"; our one proxy appended the address it saw.
    expect(clientAddressOf({ socketAddress: "10.0.0.2", forwardedFor: "1.1.1.1, 203.0.113.9", trustedProxyHops: 1 })).toBe("203.0.113.9");
    expect(clientAddressOf({ socketAddress: "10.0.0.3", forwardedFor: "1.1.1.1, 203.0.113.9, 10.0.0.2", trustedProxyHops: 2 })).toBe("203.0.113.9");
    expect(clientAddressOf({ socketAddress: "10.0.0.2", forwardedFor: undefined, trustedProxyHops: 1 })).toBe("10.0.0.2");
  });
});

describe("parseTrustedProxyHops", () => {
  it("reads a hop count or a boolean, and refuses anything else", () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops("false")).toBe(0);
    expect(parseTrustedProxyHops("true")).toBe(1);
    expect(parseTrustedProxyHops("2")).toBe(2);
    expect(() => parseTrustedProxyHops("yes please")).toThrow(/TRUST_PROXY/);
  });
});
