import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { segmentSentences } from "@/lib/domain/text";
import type { TextRange } from "@/lib/domain/wire/types";
import { parsePlainText } from "@/lib/domain/wire/plain-text";
import { expectCoverage, expectSentenceInvariants, readSeed } from "../wire/support";
import splitCases from "./sentence-splits.json";

/** Sentences of a one-paragraph text. */
function split(text: string): string[] {
  return segmentSentences(text, [{ start: 0, end: text.length }]).map((s) => s.text);
}

/** Texts of one paragraph and the sentences they split into, with why (sentence-splits.json). */
const SPLITS: { why: string; text: string; sentences: string[] }[] = [
  ...splitCases,
  ...["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."].map((month) => ({
    why: `${month} before a day`,
    text: `It happened on ${month} 12, 2023, in Seoul. Officials confirmed it.`,
    sentences: [`It happened on ${month} 12, 2023, in Seoul.`, "Officials confirmed it."],
  })),
];

describe("segmentSentences: abbreviations, numbers, quotes, ellipses, dashes, datelines", () => {
  it.each(SPLITS)("$why", ({ text, sentences }) => {
    expect(split(text)).toEqual(sentences);
  });
});

describe("segmentSentences: paragraphs", () => {
  it("never crosses a paragraph that ends with terminal punctuation", () => {
    const text = "First paragraph ends here.\n\nsecond starts lowercase.";
    const sentences = segmentSentences(text, [
      { start: 0, end: 26 },
      { start: 28, end: text.length },
    ]);
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ["First paragraph ends here.", 0],
      ["second starts lowercase.", 1],
    ]);
  });

  it("does not join a paragraph without terminal punctuation to one starting in capitals", () => {
    const text = "A subhead without a period\n\nThe next paragraph.";
    const sentences = segmentSentences(text, [
      { start: 0, end: 26 },
      { start: 28, end: text.length },
    ]);
    expect(sentences.map((s) => s.text)).toEqual(["A subhead without a period", "The next paragraph."]);
  });

  it("repairs a sentence broken across paragraphs (seed 004)", () => {
    const text = "It is a chance. For Putin, it’s an opportunity to refill\n\nammunition stores that the war has drained.\n\nNext.";
    const first = { start: 0, end: text.indexOf("\n") };
    const second = { start: text.indexOf("ammunition"), end: text.indexOf("drained.") + 8 };
    const third = { start: text.lastIndexOf("Next."), end: text.length };
    const sentences = segmentSentences(text, [first, second, third]);
    expect(sentences.map((s) => s.text)).toEqual([
      "It is a chance.",
      "For Putin, it’s an opportunity to refill ammunition stores that the war has drained.",
      "Next.",
    ]);
    const repaired = sentences[1];
    expect(repaired?.parts).toEqual([
      { start: text.indexOf("For Putin"), end: first.end },
      { start: second.start, end: second.end },
    ]);
    expect(repaired?.start).toBe(text.indexOf("For Putin"));
    expect(repaired?.end).toBe(second.end);
    expect(repaired?.paragraph).toBe(0);
    expect(sentences[2]?.paragraph).toBe(2);
  });

  it("splits hard-wrapped lines into parts so that sentence text has no line breaks", () => {
    const text = "Italian Foreign Minister Angelino\nAlfano said it is\nunacceptable. Next one.";
    const [first, second] = segmentSentences(text, [{ start: 0, end: text.length }]);
    expect(first?.text).toBe("Italian Foreign Minister Angelino Alfano said it is unacceptable.");
    expect(first?.parts).toHaveLength(3);
    expect(second?.text).toBe("Next one.");
  });

  it("ignores broken paragraph ranges instead of crashing", () => {
    const text = "One. Two.";
    expect(segmentSentences(text, [{ start: -5, end: 100 }]).map((s) => s.text)).toEqual(["One.", "Two."]);
    expect(segmentSentences(text, [{ start: 5, end: 2 }])).toEqual([]);
    expect(segmentSentences(text, [{ start: Number.NaN, end: 4 }])).toEqual([]);
    expect(segmentSentences(text, [])).toEqual([]);
    expect(segmentSentences("", [{ start: 0, end: 0 }])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Text made of the characters that drive segmentation decisions. */
const trickyText = fc
  .array(
    fc.constantFrom(
      "a", "b", "Z", "K", "e", " ", " ", "\n", "\n\n", ".", ". ", "!", "?", "…", "...", "“", "”", '"', "'", "’", "‘",
      "(", ")", "—", "-", "_", "1", "9", "U.S.", "Gov.", "Sept.", " The ", "Mr.", "J. ", "\t", "\r\n", "。", "«", "»",
      "\u00A0", "\u2028", "\uFEFF",
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(""));

/** Non-overlapping paragraph ranges cut from a text by blank lines, as the parsers produce. */
function blankLineParagraphs(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) ranges.push({ start: m.index, end: m.index + m[0].length });
  return ranges;
}

const anyText = fc.oneof(trickyText, fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 80 }), fc.string({ unit: "binary", maxLength: 80 }));

/** Segments a text cut into paragraphs at blank lines and checks the invariants and full coverage. */
function expectWellSegmented(text: string): void {
  const paragraphs = blankLineParagraphs(text);
  const sentences = segmentSentences(text, paragraphs);
  expectSentenceInvariants(text, paragraphs, sentences);
  expectCoverage(text, paragraphs, sentences);
}

describe("segmentSentences: properties", () => {
  it("slices back, stays in order and inside paragraphs, covers every character (random text)", () => {
    fc.assert(
      fc.property(anyText, expectWellSegmented),
      { numRuns: 1500 },
    );
  }, 60_000);

  it("never crashes and stays inside the given ranges for arbitrary ranges", () => {
    const range = fc.record({ start: fc.integer({ min: -10, max: 200 }), end: fc.integer({ min: -10, max: 200 }) });
    fc.assert(
      fc.property(anyText, fc.array(range, { maxLength: 6 }), (text, paragraphs) => {
        const sentences = segmentSentences(text, paragraphs);
        const clamped = paragraphs.map((p) => ({
          start: Math.max(0, Math.min(p.start, text.length)),
          end: Math.max(0, Math.min(p.end, text.length)),
        }));
        expectSentenceInvariants(text, clamped, sentences);
      }),
      { numRuns: 800 },
    );
  }, 60_000);

  it("holds on every seed and on random slices of the seeds", () => {
    const seeds = ["000", "001", "002", "003", "004"].map(readSeed);
    for (const seed of seeds) {
      const parsed = parsePlainText(seed);
      expectSentenceInvariants(seed, parsed.paragraphs, parsed.sentences);
      expectCoverage(seed, parsed.paragraphs, parsed.sentences);
    }
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), fc.nat(), (seed, a, b) => {
        const start = a % seed.length;
        const end = start + (b % (seed.length - start + 1));
        expectWellSegmented(seed.slice(start, end));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("is deterministic", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const paragraphs = blankLineParagraphs(text);
        expect(segmentSentences(text, paragraphs)).toEqual(segmentSentences(text, paragraphs));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
