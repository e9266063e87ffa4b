import { describe, expect, it } from "vitest";
import { cutAtWord, storySummary } from "@/lib/domain/story/summary";

const story = (standfirst: string, ...lede: string[]) => ({ standfirst, paragraphs: [{ facts: lede.map((text) => ({ text })) }, { facts: [{ text: "Second paragraph." }] }] });

describe("storySummary", () => {
  it("is the standfirst when there is one", () => {
    expect(storySummary(story("  Kim and Putin  met at a cosmodrome. ", "Lede."))).toBe("Kim and Putin met at a cosmodrome.");
  });

  it("is the lede, whole when short, when the standfirst is empty", () => {
    expect(storySummary(story("", "Kim Jong Un arrived in Russia.", "He met Putin."))).toBe("Kim Jong Un arrived in Russia. He met Putin.");
  });

  it("cuts a long lede at a word, with an ellipsis, within the length", () => {
    const lede = "North Korean leader Kim Jong Un arrived in Russia on Tuesday by armoured train for a summit with President Vladimir Putin, the Kremlin said, as the two countries deepen military cooperation amid the war in Ukraine and Western sanctions.";
    const summary = storySummary(story("", lede));
    expect(summary.length).toBeLessThanOrEqual(200);
    expect(summary.endsWith("…")).toBe(true);
    expect(lede.startsWith(summary.slice(0, -1))).toBe(true);
    expect(lede.charAt(summary.length - 1)).toBe(" ");
  });

  it("is empty for a story with nothing to say", () => {
    expect(storySummary({ standfirst: "", paragraphs: [] })).toBe("");
  });
});

describe("cutAtWord", () => {
  it("cuts inside a single very long word when there is no space to cut at", () => {
    expect(cutAtWord("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("drops trailing punctuation before the ellipsis", () => {
    expect(cutAtWord("Officials said, after talks, that the deal holds", 17)).toBe("Officials said…");
  });
});
