import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { segmentSentences } from "@/lib/domain/text";
import type { TextRange } from "@/lib/domain/wire/types";
import { parsePlainText } from "@/lib/domain/wire/plain-text";
import { expectCoverage, expectSentenceInvariants, readSeed } from "../wire/support";

/** Sentences of a one-paragraph text. */
function split(text: string): string[] {
  return segmentSentences(text, [{ start: 0, end: text.length }]).map((s) => s.text);
}

/** [why, text, its sentences]: one paragraph each. */
const SPLITS: [string, string, string[]][] = [
  [
    "titles before names stay inside the sentence",
    "He met regional Gov. Oleg Kozhemyako and Navy Adm. Kim Myong Sik. Sen. Smith and Rep. Jones agreed.",
    ["He met regional Gov. Oleg Kozhemyako and Navy Adm. Kim Myong Sik.", "Sen. Smith and Rep. Jones agreed."],
  ],
  [
    "Dr., Mr., Mrs. and St. stay inside the sentence",
    "Dr. Lee told Mr. and Mrs. Park that St. Petersburg was cold. They left.",
    ["Dr. Lee told Mr. and Mrs. Park that St. Petersburg was cold.", "They left."],
  ],
  [
    "U.S. and U.N. inside a sentence",
    "U.S. officials said U.N. sanctions apply. The U.N. Security Council met.",
    ["U.S. officials said U.N. sanctions apply.", "The U.N. Security Council met."],
  ],
  ["U.S. at the end of a sentence", "The deal was signed in the U.S. The move angered Beijing.", ["The deal was signed in the U.S.", "The move angered Beijing."]],
  ["p.m. before a weekday", "Talks start at 7 p.m. Friday in Washington. He will attend.", ["Talks start at 7 p.m. Friday in Washington.", "He will attend."]],
  ...["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."].map((month): [string, string, string[]] => [
    `${month} before a day`,
    `It happened on ${month} 12, 2023, in Seoul. Officials confirmed it.`,
    [`It happened on ${month} 12, 2023, in Seoul.`, "Officials confirmed it."],
  ]),
  [
    "company suffixes stay inside the sentence",
    "Nutrisystem Inc. (NTRI) reported income. Apple Inc. Chief Executive Tim Cook spoke.",
    ["Nutrisystem Inc. (NTRI) reported income.", "Apple Inc. Chief Executive Tim Cook spoke."],
  ],
  ["a company suffix ends a sentence when a new one obviously starts", "Shares of Acme Corp. The company said nothing.", ["Shares of Acme Corp.", "The company said nothing."]],
  ["No. before a number", "He was ranked No. 1 in the world. The answer was no. He left.", ["He was ranked No. 1 in the world.", "The answer was no.", "He left."]],
  [
    "initials stay together",
    "J. R. R. Tolkien wrote it. George H. W. Bush championed it. He agreed.",
    ["J. R. R. Tolkien wrote it.", "George H. W. Bush championed it.", "He agreed."],
  ],
  ["ordinary words that look like state abbreviations", "He fell ill. Doctors said he would recover.", ["He fell ill.", "Doctors said he would recover."]],
  [
    "decimals, prices and domain names",
    "Brent rose 0.1 per cent to $48.83 per barrel, FlightRadar24.com showed. WTI rose 5.5%.",
    ["Brent rose 0.1 per cent to $48.83 per barrel, FlightRadar24.com showed.", "WTI rose 5.5%."],
  ],
  [
    "a closing quote after the period stays with its sentence",
    "“We urge the DPRK to abide.” He said. “Arms talks continue,” she said.",
    ["“We urge the DPRK to abide.”", "He said.", "“Arms talks continue,” she said."],
  ],
  ["a straight closing quote", '"The time of isolation is over." Analysts agreed.', ['"The time of isolation is over."', "Analysts agreed."]],
  ["a single closing quote", "He warned of a ‘price to pay.’ Then he left.", ["He warned of a ‘price to pay.’", "Then he left."]],
  [
    "a quotation spanning two sentences splits at its inner period",
    "“Putin launched this war with a dream of empire. That hope has failed,” Miller said. Kim arrived.",
    ["“Putin launched this war with a dream of empire.", "That hope has failed,” Miller said.", "Kim arrived."],
  ],
  ["a question or exclamation followed by lowercase attribution", "“Why now?” he asked. “Enough!” she shouted.", ["“Why now?” he asked.", "“Enough!” she shouted."]],
  [
    "an ellipsis inside a quotation is an elision",
    "Kim “will soon visit at the invitation of… Putin,” the agency said. Next.",
    ["Kim “will soon visit at the invitation of… Putin,” the agency said.", "Next."],
  ],
  ["an ellipsis outside a quotation ends a sentence", "He paused... Then he spoke. It ended.", ["He paused...", "Then he spoke.", "It ended."]],
  [
    "em dashes never split",
    "Kim’s visit — his first trip since the pandemic — showed importance. Seoul — and Tokyo — watched.",
    ["Kim’s visit — his first trip since the pandemic — showed importance.", "Seoul — and Tokyo — watched."],
  ],
  [
    "a dateline with a state abbreviation stays in the lede",
    "FORT WASHINGTON, Pa. (AP) _ Nutrisystem reported income. Shares rose.",
    ["FORT WASHINGTON, Pa. (AP) _ Nutrisystem reported income.", "Shares rose."],
  ],
  ["a dateline with an em dash", "SEOUL, South Korea (AP) — Kim arrived. Putin waited.", ["SEOUL, South Korea (AP) — Kim arrived.", "Putin waited."]],
  [
    "prompts ending in question marks",
    "Already a Subscriber? Current print subscriber? Activate your account.",
    ["Already a Subscriber?", "Current print subscriber?", "Activate your account."],
  ],
  ["a closing quote glued to the next sentence", 'He said "it was theatrical."Syria\'s war went on.', ['He said "it was theatrical."', "Syria's war went on."]],
  ["CJK full stops without spaces", "今天宣布。該公司獲獎。", ["今天宣布。", "該公司獲獎。"]],
];

describe("segmentSentences: abbreviations, numbers, quotes, ellipses, dashes, datelines", () => {
  it.each(SPLITS)("%s", (_why, text, sentences) => {
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
