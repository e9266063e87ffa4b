import { describe, expect, it } from "vitest";
import { isJsonContentType, isSameOriginRequest } from "@/lib/domain/http";

const ownHosts = ["localhost:3000"];

describe("isSameOriginRequest", () => {
  it("accepts the app's own origin, whatever the scheme", () => {
    expect(isSameOriginRequest({ origin: "http://localhost:3000", secFetchSite: "same-origin", ownHosts })).toBe(true);
    expect(isSameOriginRequest({ origin: "https://LOCALHOST:3000", secFetchSite: null, ownHosts })).toBe(true);
  });

  it("refuses same-site pages: another port on the host, a sibling subdomain, another host", () => {
    expect(isSameOriginRequest({ origin: "http://localhost:3299", secFetchSite: "same-site", ownHosts })).toBe(false);
    expect(isSameOriginRequest({ origin: "http://127.0.0.1:3299", secFetchSite: "cross-site", ownHosts })).toBe(false);
    expect(isSameOriginRequest({ origin: "https://evil.factdesk.test", secFetchSite: "same-site", ownHosts: ["app.factdesk.test"] })).toBe(false);
  });

  it("refuses an opaque or malformed Origin even when Sec-Fetch-Site claims same-origin", () => {
    expect(isSameOriginRequest({ origin: "null", secFetchSite: "same-origin", ownHosts })).toBe(false);
    expect(isSameOriginRequest({ origin: "not a url", secFetchSite: null, ownHosts })).toBe(false);
  });

  it("without Origin, goes by Sec-Fetch-Site, and lets requests from no browser through", () => {
    expect(isSameOriginRequest({ origin: null, secFetchSite: "same-origin", ownHosts })).toBe(true);
    expect(isSameOriginRequest({ origin: null, secFetchSite: "none", ownHosts })).toBe(true);
    expect(isSameOriginRequest({ origin: null, secFetchSite: "same-site", ownHosts })).toBe(false);
    expect(isSameOriginRequest({ origin: null, secFetchSite: "cross-site", ownHosts })).toBe(false);
    expect(isSameOriginRequest({ origin: null, secFetchSite: null, ownHosts })).toBe(true);
  });
});

describe("isJsonContentType", () => {
  it("accepts JSON media types with parameters, nothing else", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=utf-8")).toBe(true);
    expect(isJsonContentType("application/merge-patch+json")).toBe(true);
    expect(isJsonContentType("text/plain")).toBe(false);
    expect(isJsonContentType("application/x-www-form-urlencoded")).toBe(false);
    expect(isJsonContentType("multipart/form-data; boundary=x")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});
