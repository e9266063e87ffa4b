/**
 * Sentence-by-sentence diff of two versions of a wire story: which sentences stayed, which the
 * agency reworded (shown word by word), which it dropped and which it added. Sentences kept in
 * order are found by a longest common subsequence of their texts; between two kept ones, a
 * dropped and an added sentence that share at least half their words are one reworded sentence.
 */
import { diffWords, type WordDiff } from "./words";

export type SentenceRow =
  | { kind: "same"; text: string }
  | { kind: "changed"; before: string; after: string; words: WordDiff }
  | { kind: "removed"; before: string }
  | { kind: "added"; after: string };

/** Above this many sentence pairs the subsequence table is not built: the versions are compared as wholes. */
const MAX_TABLE_CELLS = 4_000_000;

/** Below this share of shared words, a dropped and an added sentence are two sentences, not one reworded. */
export const MIN_REWORDED_SIMILARITY = 0.5;

export function diffSentences(before: readonly string[], after: readonly string[]): SentenceRow[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const middle = a.length * b.length > MAX_TABLE_CELLS ? pairUp(a, b) : commonSubsequenceRows(a, b);
  return [
    ...before.slice(0, head).map((text): SentenceRow => ({ kind: "same", text })),
    ...middle,
    ...before.slice(before.length - tail).map((text): SentenceRow => ({ kind: "same", text })),
  ];
}

function commonSubsequenceRows(a: readonly string[], b: readonly string[]): SentenceRow[] {
  const width = b.length + 1;
  // lengths[i * width + j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const rows: SentenceRow[] = [];
  let dropped: string[] = [];
  let added: string[] = [];
  const flush = () => {
    rows.push(...pairUp(dropped, added));
    dropped = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      rows.push({ kind: "same", text: a[i]! });
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
      dropped.push(a[i++]!);
    } else {
      added.push(b[j++]!);
    }
  }
  flush();
  return rows;
}

/** Dropped and added sentences between two kept ones: each dropped one takes the most similar added one after the last taken, if similar enough. */
function pairUp(dropped: readonly string[], added: readonly string[]): SentenceRow[] {
  const rows: SentenceRow[] = [];
  let next = 0;
  for (const before of dropped) {
    let best = -1;
    let bestScore = MIN_REWORDED_SIMILARITY;
    for (let k = next; k < added.length; k++) {
      const score = wordSimilarity(before, added[k]!);
      if (score >= bestScore) {
        best = k;
        bestScore = score;
        if (score === 1) break;
      }
    }
    if (best < 0) {
      rows.push({ kind: "removed", before });
      continue;
    }
    for (; next < best; next++) rows.push({ kind: "added", after: added[next]! });
    rows.push({ kind: "changed", before, after: added[best]!, words: diffWords(before, added[best]!) });
    next = best + 1;
  }
  for (; next < added.length; next++) rows.push({ kind: "added", after: added[next]! });
  return rows;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Dice coefficient over word multisets: 1 for the same words, 0 for none in common. */
export function wordSimilarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const n = counts.get(word) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(word, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}
