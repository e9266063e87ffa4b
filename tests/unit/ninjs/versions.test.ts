import { describe, expect, it } from "vitest";
import { ninjsVersionFromAccept } from "@/lib/domain/ninjs/versions";

describe("ninjsVersionFromAccept", () => {
  it("reads the version a JSON media range names, by parameter or by the schema's URI as profile", () => {
    expect(ninjsVersionFromAccept("application/json; version=3.1")).toBe("3.1");
    expect(ninjsVersionFromAccept('application/json;version="2.1"')).toBe("2.1");
    expect(ninjsVersionFromAccept("application/ninjs+json; version=3.1")).toBe("3.1");
    expect(ninjsVersionFromAccept('application/json; profile="http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"')).toBe("3.1");
    expect(ninjsVersionFromAccept('*/*; profile="https://news.example/api/v1/schemas/factdesk-ninjs-3.1.json"')).toBe("3.1");
    expect(ninjsVersionFromAccept("APPLICATION/JSON; VERSION=3.1")).toBe("3.1");
  });

  it("is null when no JSON range names a version served here, so the default applies", () => {
    expect(ninjsVersionFromAccept(null)).toBeNull();
    expect(ninjsVersionFromAccept("")).toBeNull();
    expect(ninjsVersionFromAccept("application/json")).toBeNull();
    expect(ninjsVersionFromAccept("*/*")).toBeNull();
    expect(ninjsVersionFromAccept("application/json; version=3.0")).toBeNull();
    expect(ninjsVersionFromAccept("text/html; version=3.1")).toBeNull();
    expect(ninjsVersionFromAccept('application/json; profile="http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json"')).toBeNull();
  });

  it("prefers the range of highest quality, the first on a tie, and never one refused with q=0", () => {
    expect(ninjsVersionFromAccept("application/json; version=2.1; q=0.5, application/json; version=3.1")).toBe("3.1");
    expect(ninjsVersionFromAccept("application/json; version=3.1; q=0.4, application/json; version=2.1; q=0.9")).toBe("2.1");
    expect(ninjsVersionFromAccept("application/json; version=3.1, application/json; version=2.1")).toBe("3.1");
    expect(ninjsVersionFromAccept("text/html, application/json; version=3.1; q=0")).toBeNull();
    expect(ninjsVersionFromAccept("application/json; version=3.1; q=nonsense")).toBeNull();
  });
});
