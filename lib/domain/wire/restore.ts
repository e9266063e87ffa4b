import { segmentSentences } from "@/lib/domain/text/segment";
import type { RemovedRange, Sentence, TextRange } from "./types";

export interface WireBody {
  paragraphs: TextRange[];
  removed: RemovedRange[];
  sentences: Sentence[];
}

/**
 * The body after an editor restores some removed ranges (picked by their start offset): the
 * ranges go back into the body — joined to the paragraph they share a line with, else as
 * paragraphs of their own — and the body is segmented again. Unknown starts are ignored.
 */
export function restoreRemovedRanges(text: string, body: WireBody, restoredStarts: readonly number[]): WireBody {
  const restore = new Set(restoredStarts);
  const restored = body.removed.filter((range) => restore.has(range.start));
  if (restored.length === 0) return body;
  const removed = body.removed.filter((range) => !restore.has(range.start));
  const pieces = [...body.paragraphs, ...restored.map(({ start, end }) => trimRange(text, { start, end }))]
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const paragraphs: TextRange[] = [];
  for (const piece of pieces) {
    const last = paragraphs[paragraphs.length - 1];
    if (last && piece.start <= last.end) last.end = Math.max(last.end, piece.end);
    else if (last && !/\n/.test(text.slice(last.end, piece.start))) last.end = Math.max(last.end, piece.end);
    else paragraphs.push({ ...piece });
  }
  return { paragraphs, removed, sentences: segmentSentences(text, paragraphs) };
}

function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
