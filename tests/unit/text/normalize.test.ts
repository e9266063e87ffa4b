import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalizeForMatching } from "@/lib/domain/text";

describe("normalizeForMatching", () => {
  it("unifies quotes, dashes and whitespace", () => {
    expect(normalizeForMatching("North Korea’s “firm support” — and\u00A0more\n\n here")).toBe(
      "North Korea's \"firm support\" - and more here",
    );
    expect(normalizeForMatching("‘a’ „b“ «c» --- d – e ‐ f")).toBe("'a' \"b\" \"c\" - d - e - f");
  });

  it("applies NFKC and drops invisible characters", () => {
    expect(normalizeForMatching("ﬁnal…")).toBe("final...");
    expect(normalizeForMatching("Kim\u200B Jong\u00AD Un\uFEFF")).toBe("Kim Jong Un");
    expect(normalizeForMatching("e\u0301")).toBe("é");
  });

  it("keeps case", () => {
    expect(normalizeForMatching("NORTH Korea")).toBe("NORTH Korea");
  });

  it("makes the seed variants of one sentence match", () => {
    const a = "Kim is expected to seek economic aid and military technology for his impoverished country, and, in a twist, appears to have something Putin desperately needs: munitions for Russia’s grueling war in Ukraine.";
    const b = "Kim is expected to seek economic aid and military technology for his impoverished country, and, in a twist, appears to have something Putin desperately needs: munitions for Russia's grueling war in Ukraine.";
    expect(normalizeForMatching(a)).toBe(normalizeForMatching(b));
  });

  it("is idempotent, trimmed and single-spaced for any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 100 }), (s) => {
        const once = normalizeForMatching(s);
        expect(normalizeForMatching(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s{2}|[\n\t]/);
      }),
      { numRuns: 500 },
    );
  });
});
