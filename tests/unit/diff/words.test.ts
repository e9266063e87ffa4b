import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { diffAfter, diffBefore, diffWords, hasChanges, MAX_DIFF_TOKENS, tokenize, type WordDiff } from "@/lib/domain/diff";
import { del, eq, ins } from "./support";

/** The contract every diff keeps, whatever the input. */
function expectWellFormed(a: string, b: string, diff: WordDiff) {
  expect(diffBefore(diff)).toBe(a);
  expect(diffAfter(diff)).toBe(b);
  for (const [i, segment] of diff.entries()) {
    expect(segment.text).not.toBe("");
    const next = diff[i + 1];
    if (next) {
      expect(next.op).not.toBe(segment.op);
      // Within a change, the deletion is shown first.
      expect(segment.op === "insert" && next.op === "delete").toBe(false);
    }
  }
}

const words = fc.constantFrom(
  "Kim", "Putin", "arrived", "left", "on", "Tuesday", "Wednesday", "17", "18", "months", "the", "a",
  "said", "don't", "O'Brien", "Vladivostok", "’s", ",", ".", "—", "(AP)", "\u00a0", "  ", "\n", "é", "😀",
);
const sentence = fc.array(words, { maxLength: 30 }).map((parts) => parts.join(" "));
/** Mostly the same sentence with a few words changed, as an edited fact is. */
const editedPair = fc
  .tuple(fc.array(words, { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(fc.nat(), words, fc.constantFrom("set", "insert", "delete"))))
  .map(([base, edits]) => {
    const edited = [...base];
    for (const [at, word, kind] of edits) {
      const i = at % (edited.length + 1);
      if (kind === "insert") edited.splice(i, 0, word);
      else if (kind === "delete") edited.splice(i, 1);
      else edited[i] = word;
    }
    return [base.join(" "), edited.join(" ")] as const;
  });

describe("diffWords: properties", () => {
  it("joins back to both texts on arbitrary strings, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }), (a, b) => {
        expectWellFormed(a, b, diffWords(a, b));
      }),
    );
  });

  it("joins back to both texts on word-like sentences and on edited sentences", () => {
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        expectWellFormed(a, b, diffWords(a, b));
      }),
    );
    fc.assert(
      fc.property(editedPair, ([a, b]) => {
        expectWellFormed(a, b, diffWords(a, b));
      }),
    );
  });

  it("reports no change for equal texts and a change otherwise", () => {
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        expect(hasChanges(diffWords(a, b))).toBe(a !== b);
        expect(diffWords(a, a)).toEqual(a === "" ? [] : [{ op: "equal", text: a }]);
      }),
    );
  });

  it("tokens join back to the text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(tokenize(text).join("")).toBe(text);
      }),
    );
  });
});

describe("diffWords: examples", () => {
  it("marks a changed word inline, leaving its neighbours equal", () => {
    expect(diffWords("Kim arrived on Tuesday.", "Kim arrived on Wednesday.")).toEqual([eq("Kim arrived on "), del("Tuesday"), ins("Wednesday"), eq(".")]);
  });

  it("shows insertions in the middle of a sentence", () => {
    expect(diffWords("Kim arrived on Tuesday, officials said.", "Kim arrived in Vladivostok on Tuesday, Russian officials said.")).toEqual([eq("Kim arrived "), ins("in Vladivostok "), eq("on Tuesday,"), ins(" Russian"), eq(" officials said.")]);
  });

  it("shows punctuation and number changes on their own", () => {
    expect(diffWords("It lasted 17 months.", "It lasted 18 months!")).toEqual([eq("It lasted "), del("17"), ins("18"), eq(" months"), del("."), ins("!")]);
  });

  it("keeps words with inner apostrophes whole", () => {
    expect(tokenize("O'Brien don't")).toEqual(["O'Brien", " ", "don't"]);
  });

  it("does not split a replacement at the spaces between replaced words", () => {
    expect(diffWords("a b c", "x y z")).toEqual([del("a b c"), ins("x y z")]);
  });

  it("handles empty sides", () => {
    expect(diffWords("", "")).toEqual([]);
    expect(diffWords("", "New text")).toEqual([ins("New text")]);
    expect(diffWords("Old text", "")).toEqual([del("Old text")]);
  });
});

describe("diffWords: size guard", () => {
  it("falls back to a coarse diff around the common prefix and suffix for very long texts", () => {
    const many = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");
    const a = `Start. ${many("alpha", MAX_DIFF_TOKENS)} End.`;
    const b = `Start. ${many("beta", MAX_DIFF_TOKENS)} End.`;
    const started = performance.now();
    const diff = diffWords(a, b);
    expect(performance.now() - started).toBeLessThan(2000);
    expectWellFormed(a, b, diff);
    expect(diff.map((s) => s.op)).toEqual(["equal", "delete", "insert", "equal"]);
    expect(diff[0]?.text).toBe("Start. ");
    expect(diff[3]?.text).toBe(" End.");
  });

  it("still diffs finely a long text with few edits", () => {
    const base = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const edited = [...base];
    edited[700] = "changed";
    const diff = diffWords(base.join(" "), edited.join(" "));
    expect(diff.filter((s) => s.op !== "equal")).toEqual([del("w700"), ins("changed")]);
  });
});
