/**
 * Word-level diff for the review view: what an editor reads inline, struck-through and
 * underlined. Text is cut into words, runs of whitespace and single other characters, so
 * punctuation changes show on their own and a changed word never drags its neighbours along.
 *
 * Contract (property-tested): the `equal` and `delete` segments joined in order give `a`;
 * the `equal` and `insert` segments joined in order give `b`. No segment is empty, no two
 * neighbours share an op, and within a change a deletion comes before its insertion.
 */

export type DiffOp = "equal" | "insert" | "delete";

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export type WordDiff = DiffSegment[];

/**
 * Above this many tokens left after trimming the common prefix and suffix, the fine diff is
 * skipped: the middle is shown as one deletion and one insertion. A fact is a sentence, so
 * this only hits pasted walls of text, where a fine diff would cost time and help nobody.
 */
export const MAX_DIFF_TOKENS = 4000;

/**
 * Myers' algorithm is O((n + m) · d) in time and O(d²) in memory for d edits; beyond this
 * many edits the texts have little in common and the coarse diff says as much.
 */
export const MAX_EDIT_DISTANCE = 1000;

/**
 * Words (letters, marks and digits, with inner apostrophes: "don't", "O'Brien", "3.5" is three
 * tokens on purpose so "3.5" → "3.6" reads as a change of one digit group), runs of whitespace,
 * and any other single code point. `[^]` also takes lone surrogates, so tokens always join
 * back to the input.
 */
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|\s+|[^]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/** The word diff of `a` → `b`. Deterministic; see the module comment for the contract. */
export function diffWords(a: string, b: string): WordDiff {
  if (a === b) return a === "" ? [] : [{ op: "equal", text: a }];
  const left = tokenize(a);
  const right = tokenize(b);

  // Common prefix and suffix are cheap to find and usually most of an edited sentence.
  let prefix = 0;
  while (prefix < left.length && prefix < right.length && left[prefix] === right[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < left.length - prefix &&
    suffix < right.length - prefix &&
    left[left.length - 1 - suffix] === right[right.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const midLeft = left.slice(prefix, left.length - suffix);
  const midRight = right.slice(prefix, right.length - suffix);

  const segments: DiffSegment[] = [];
  if (prefix > 0) segments.push({ op: "equal", text: left.slice(0, prefix).join("") });
  const middle =
    midLeft.length + midRight.length > MAX_DIFF_TOKENS ? null : myers(midLeft, midRight, MAX_EDIT_DISTANCE);
  if (middle) segments.push(...middle);
  else segments.push({ op: "delete", text: midLeft.join("") }, { op: "insert", text: midRight.join("") });
  if (suffix > 0) segments.push({ op: "equal", text: left.slice(left.length - suffix).join("") });

  return normalise(absorbLoneWhitespace(segments));
}

/** The text before the change: equal and deleted segments. */
export function diffBefore(diff: readonly DiffSegment[]): string {
  return diff.filter((s) => s.op !== "insert").map((s) => s.text).join("");
}

/** The text after the change: equal and inserted segments. */
export function diffAfter(diff: readonly DiffSegment[]): string {
  return diff.filter((s) => s.op !== "delete").map((s) => s.text).join("");
}

export function hasChanges(diff: readonly DiffSegment[]): boolean {
  return diff.some((s) => s.op !== "equal");
}

/**
 * Myers' O(ND) shortest edit script over tokens, one segment per token (merged later).
 * Returns null when more than `maxEdits` edits would be needed.
 */
function myers(a: readonly string[], b: readonly string[], maxEdits: number): DiffSegment[] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  const max = n + m;
  const offset = max + 1;
  // v[offset + k]: furthest x reached on diagonal k (y = x - k).
  const v = new Int32Array(2 * max + 3);
  // trace[d]: v for k in [-(d + 1), d + 1] as it stood before round d, for the backtrack.
  const trace: Int32Array[] = [];
  const limit = Math.min(max, maxEdits);

  let found = -1;
  for (let d = 0; d <= limit && found < 0; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && at(v, offset + k - 1) < at(v, offset + k + 1));
      let x = down ? at(v, offset + k + 1) : at(v, offset + k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;

  const reversed: DiffSegment[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d -= 1) {
    const snapshot = trace[d];
    if (!snapshot) throw new Error("diff trace missing a round");
    const get = (k: number) => at(snapshot, k + d + 1);
    const k = x - y;
    const down = k === -d || (k !== d && get(k - 1) < get(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = get(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push({ op: "equal", text: tokenAt(a, x - 1) });
      x -= 1;
      y -= 1;
    }
    if (d > 0) {
      if (down) reversed.push({ op: "insert", text: tokenAt(b, prevY) });
      else reversed.push({ op: "delete", text: tokenAt(a, prevX) });
    }
    x = prevX;
    y = prevY;
  }
  return reversed.reverse();
}

function at(array: Int32Array, index: number): number {
  const value = array[index];
  if (value === undefined) throw new Error(`diff index ${index} out of range`);
  return value;
}

function tokenAt(tokens: readonly string[], index: number): string {
  const token = tokens[index];
  if (token === undefined) throw new Error(`diff token ${index} out of range`);
  return token;
}

/**
 * "a b c" → "x y z" matches the two spaces and reads as -a+x -b+y -c+z. A whitespace-only
 * match between two changes is noise to a reader, so it joins the change on both sides.
 */
function absorbLoneWhitespace(segments: readonly DiffSegment[]): DiffSegment[] {
  const merged = normalise(segments);
  const out: DiffSegment[] = [];
  merged.forEach((segment, i) => {
    const prev = merged[i - 1];
    const next = merged[i + 1];
    const between = prev !== undefined && next !== undefined && prev.op !== "equal" && next.op !== "equal";
    if (segment.op === "equal" && between && /^\s+$/u.test(segment.text)) {
      out.push({ op: "delete", text: segment.text }, { op: "insert", text: segment.text });
    } else {
      out.push(segment);
    }
  });
  return out;
}

/**
 * Drops empty segments, and within each run of changes between two equal segments puts all
 * deletions first, then all insertions, each merged into one segment. Order inside the
 * deletions (and inside the insertions) is kept, so both sides still join back exactly.
 */
function normalise(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted) out.push({ op: "delete", text: deleted });
    if (inserted) out.push({ op: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  for (const segment of segments) {
    if (segment.text === "") continue;
    if (segment.op === "delete") deleted += segment.text;
    else if (segment.op === "insert") inserted += segment.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === "equal") last.text += segment.text;
      else out.push({ op: "equal", text: segment.text });
    }
  }
  flush();
  return out;
}
