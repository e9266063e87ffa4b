import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { MAX_PASTED_STORIES, splitPastedStories } from "@/lib/domain/wire";

const paste = (count: number) => Array.from({ length: count }, (_, i) => `Story ${i + 1}. Officials said so.`).join("\n---\n");

describe("the cap on stories per paste", () => {
  it("is 50", () => {
    expect(MAX_PASTED_STORIES).toBe(50);
  });

  it("splits a paste of exactly the cap", () => {
    const pieces = splitPastedStories(paste(MAX_PASTED_STORIES));
    expect(pieces).toHaveLength(MAX_PASTED_STORIES);
    expect(pieces.at(-1)).toBe("Story 50. Officials said so.");
  });

  it("refuses one story more, saying how many there are", () => {
    expect(() => splitPastedStories(paste(MAX_PASTED_STORIES + 1))).toThrowError(
      "A paste can hold at most 50 stories; this one has 51. Split it, or import files.",
    );
    try {
      splitPastedStories(paste(2_000));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: "INVALID_INPUT",
        message: "A paste can hold at most 50 stories; this one has 2000. Split it, or import files.",
        details: { stories: 2_000, limit: 50 },
      });
    }
  });

  it("counts stories, not separators: empty pieces do not count", () => {
    const text = `${paste(MAX_PASTED_STORIES)}\n---\n\n---\n   \n---\n`;
    expect(splitPastedStories(text)).toHaveLength(MAX_PASTED_STORIES);
  });
});
