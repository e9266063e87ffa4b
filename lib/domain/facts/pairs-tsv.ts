/**
 * The MSRP pair format: a header line, then tab-separated Quality, #1 ID, #2 ID, #1 String,
 * #2 String. The files come with a UTF-8 BOM and CRLF line endings. Split on tabs only: the
 * sentences contain commas and quotes.
 */
import { AppError } from "../errors";

export interface LabelledPair {
  /** 1 = paraphrase (same fact), 0 = not; null when the column is empty or not 0/1. */
  quality: 0 | 1 | null;
  id1: string;
  id2: string;
  text1: string;
  text2: string;
}

export function parsePairsTsv(content: string): LabelledPair[] {
  const lines = content.replace(/^\uFEFF/, "").split(/\r?\n/);
  const pairs: LabelledPair[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const fields = line.split("\t");
    if (fields.length < 5) {
      throw new AppError("INVALID_INPUT", `line ${i + 1}: expected 5 tab-separated fields, found ${fields.length}`);
    }
    const [quality, id1, id2, text1, text2] = fields as [string, string, string, string, string];
    const q = quality.trim();
    pairs.push({ quality: q === "1" ? 1 : q === "0" ? 0 : null, id1: id1.trim(), id2: id2.trim(), text1, text2 });
  }
  return pairs;
}
