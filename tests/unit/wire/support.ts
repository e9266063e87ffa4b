/**
 * Shared test support for wire and text tests: seed and corpus locations, and the structural
 * invariants every parse and every segmentation must satisfy.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { isAppError } from "@/lib/domain/errors";
import type { ParsedWire, Sentence, TextRange } from "@/lib/domain/wire/types";
import { corpusDir, SEEDS_DIR } from "../../../scripts/lib/shared-folder";

/** The shared seeds when present (the real input), else the copy shipped with the repo. */
export const SEED_DIR = SEEDS_DIR;
/** The IPTC wire-format examples in ../shared; where a checkout has none, their tests say they were skipped. */
export const CORPUS_DIR = corpusDir("wire-formats") ?? "";

export function seedFile(prefix: string): string {
  const name = readdirSync(SEED_DIR).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!name) throw new Error(`seed ${prefix} not found in ${SEED_DIR}`);
  return path.join(SEED_DIR, name);
}

export function readSeed(prefix: string): string {
  return readFileSync(seedFile(prefix), "utf8");
}

export function readCorpus(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(CORPUS_DIR, relative)));
}

const isTrimmed = (s: string) => s.length > 0 && s.trim() === s;

/** Segmentation invariants that hold for any text and any paragraph ranges. */
export function expectSentenceInvariants(text: string, paragraphs: readonly TextRange[], sentences: readonly Sentence[]): void {
  let previousEnd = -1;
  sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(s.parts.length).toBeGreaterThan(0);
    expect(isTrimmed(s.text)).toBe(true);
    const slices = s.parts.map((p) => text.slice(p.start, p.end));
    for (const slice of slices) expect(isTrimmed(slice)).toBe(true);
    expect(slices.join(" ")).toBe(s.text);
    if (s.parts.length === 1) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.start).toBe(s.parts[0]?.start);
    expect(s.end).toBe(s.parts[s.parts.length - 1]?.end);
    for (const part of s.parts) {
      expect(part.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = part.end;
      const inside = paragraphs.some((p) => p.start <= part.start && part.end <= p.end);
      expect(inside).toBe(true);
    }
  });
}

/** Every non-whitespace character of the ranges is covered by exactly one sentence part. */
export function expectCoverage(text: string, ranges: readonly TextRange[], sentences: readonly Sentence[]): void {
  const owner = new Int32Array(text.length).fill(0);
  for (const s of sentences) for (const p of s.parts) for (let i = p.start; i < p.end; i++) owner[i]! += 1;
  for (const r of ranges) {
    for (let i = r.start; i < r.end; i++) {
      if (/\s/.test(text[i] as string)) continue;
      if (owner[i] !== 1) throw new Error(`character ${i} (${JSON.stringify(text[i])}) is in ${owner[i]} sentences`);
    }
  }
}

/** Everything a ParsedWire promises about its ranges. */
export function expectParsedInvariants(parsed: ParsedWire): void {
  const { text } = parsed;
  if (parsed.format === "text") expect(parsed.text).toBe(parsed.original);
  const ordered = (ranges: readonly TextRange[]) => {
    let end = 0;
    for (const r of ranges) {
      expect(r.start).toBeGreaterThanOrEqual(end);
      expect(r.end).toBeGreaterThan(r.start);
      expect(r.end).toBeLessThanOrEqual(text.length);
      expect(isTrimmed(text.slice(r.start, r.end))).toBe(true);
      end = r.end;
    }
  };
  ordered(parsed.removed);
  ordered(parsed.paragraphs);
  for (const r of parsed.removed) {
    expect(typeof r.reason).toBe("string");
    for (const p of parsed.paragraphs) expect(r.end <= p.start || p.end <= r.start).toBe(true);
  }
  expectSentenceInvariants(text, parsed.paragraphs, parsed.sentences);
  expectCoverage(text, parsed.paragraphs, parsed.sentences);
  // Nothing that is neither removed nor whitespace may fall outside the body paragraphs.
  const claimed = new Uint8Array(text.length);
  for (const r of [...parsed.removed, ...parsed.paragraphs]) for (let i = r.start; i < r.end; i++) claimed[i] = 1;
  for (let i = 0; i < text.length; i++) {
    if (!claimed[i] && !/\s/.test(text[i] as string)) throw new Error(`character ${i} (${JSON.stringify(text[i])}) is unaccounted for`);
  }
  if (parsed.date !== null) expect(parsed.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}

/** Runs fn and requires that it either returns or throws an AppError, never anything else. */
export function expectOnlyAppErrors<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return undefined;
  }
}

export function removedTexts(parsed: ParsedWire, reason: string): string[] {
  return parsed.removed.filter((r) => r.reason === reason).map((r) => parsed.text.slice(r.start, r.end));
}
