import { describe, expect, it } from "vitest";
import { slugFitsHeadline, slugFor, slugWords } from "@/lib/domain/story/slug";

describe("slugs", () => {
  it("are the headline's first eight words, lowercased, without accents or punctuation, and a suffix", () => {
    expect(slugFor("North Korea's Kim Jong Un en route to Russia in armoured train", "820a80")).toBe("north-korea-s-kim-jong-un-en-route-820a80");
    expect(slugWords("Élysée: « Macron » reçoit Kim")).toBe("elysee-macron-recoit-kim");
    expect(slugWords("???")).toBe("story");
  });

  it("fit a headline whose words they are, whatever the suffix, and no other", () => {
    const headline = "Kim arrives in Russia";
    expect(slugFitsHeadline("kim-arrives-in-russia-1a2b3c", headline)).toBe(true);
    expect(slugFitsHeadline("kim-arrives-in-russia-1a2b3c", "Kim arrives in Russia!")).toBe(true);
    expect(slugFitsHeadline("kim-arrives-in-russia-1a2b3c", "Kim arrives in Vladivostok")).toBe(false);
    expect(slugFitsHeadline("kim-arrives-in-russia-by-train-1a2b3c", headline)).toBe(false);
  });
});
