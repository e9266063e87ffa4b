/**
 * Line structure of plain text: trimmed non-empty lines, grouped into blocks separated by blank
 * lines. Stray control characters (ANPA/IPTC 7901 residue) split lines like a line break and
 * are reported so the caller can mark them as removed.
 */
import type { TextRange } from "./types";
import { isLineBreakCode, trimRange } from "@/lib/domain/text/chars";

export interface Line extends TextRange {
  /** Blocks are runs of lines without a blank line between them. */
  block: number;
  /** The line starts with two or more spaces or a tab: in wire copy, a new paragraph. */
  indented: boolean;
  /** A control-character run (removed by the caller) lies between this line and the previous one. */
  afterControl: boolean;
}

/** C0/C1 controls other than tab and the line-break characters. */
function isControlCode(code: number): boolean {
  return code <= 0x08 || (code >= 0x0e && code <= 0x1f) || (code >= 0x7f && code <= 0x9f && code !== 0x85);
}

export function splitLines(text: string): { lines: Line[]; controls: TextRange[] } {
  const lines: Line[] = [];
  const controls: TextRange[] = [];
  let block = 0;
  let blankSinceLastLine = false;
  let segmentStart = 0;
  let fullLine = true; // the segment started at a line start, not after a control run
  let controlSinceLastLine = false;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    const code = text.charCodeAt(i); // NaN at the end
    const atEnd = i === n;
    const isBreak = !atEnd && isLineBreakCode(code);
    const isControl = !atEnd && !isBreak && isControlCode(code);
    if (!atEnd && !isBreak && !isControl) {
      i++;
      continue;
    }
    const range = trimRange(text, segmentStart, i);
    if (range.end > range.start) {
      if (blankSinceLastLine && lines.length > 0) block++;
      blankSinceLastLine = false;
      lines.push({
        start: range.start,
        end: range.end,
        block,
        indented: fullLine && isIndented(text, segmentStart),
        afterControl: controlSinceLastLine,
      });
      controlSinceLastLine = false;
    } else if (fullLine && !isControl) {
      blankSinceLastLine = true;
    }
    if (atEnd) break;
    if (isControl) {
      let j = i;
      while (j < n && isControlCode(text.charCodeAt(j))) j++;
      controls.push({ start: i, end: j });
      controlSinceLastLine = true;
      i = j;
      fullLine = false;
    } else {
      i += code === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      fullLine = true;
    }
    segmentStart = i;
  }
  return { lines, controls };
}

function isIndented(text: string, start: number): boolean {
  return text[start] === "\t" || text.startsWith("  ", start);
}

export function groupLinesByBlock<T extends Line>(lines: readonly T[]): Map<number, T[]> {
  const byBlock = new Map<number, T[]>();
  for (const line of lines) {
    const group = byBlock.get(line.block);
    if (group) group.push(line);
    else byBlock.set(line.block, [line]);
  }
  return byBlock;
}

const HARD_WRAP_MAX_LINE = 100;

/**
 * Whether a block is hard-wrapped copy (lines broken at a fixed width) rather than one
 * paragraph per line: every line but the last is short and most of them end mid-sentence.
 */
export function isHardWrapped(text: string, block: readonly TextRange[]): boolean {
  if (block.length < 2) return false;
  const inner = block.slice(0, -1);
  if (inner.some((l) => l.end - l.start > HARD_WRAP_MAX_LINE)) return false;
  const open = inner.filter((l) => !/[.!?…:;]$/.test(text.slice(l.start, l.end).replace(/[’'"”)\]]+$/, ""))).length;
  return open * 2 >= inner.length;
}

/**
 * Paragraph texts of a plain-text body inside a structured document (ninjs text/plain body,
 * NewsML inlineData): one per line, except that hard-wrapped lines join and an indented line
 * starts a new paragraph. Whitespace is collapsed; a stray <p>/<br> wrapper (as ANSA sends in
 * text/plain) counts as a paragraph break, never as text.
 */
export function plainParagraphs(body: string): string[] {
  const text = body.replace(/<\/?p\s*>|<br\s*\/?>/gi, "\n\n");
  const paragraphs: string[] = [];
  for (const blockLines of groupLinesByBlock(splitLines(text).lines).values()) {
    const wrapped = isHardWrapped(text, blockLines);
    let current: string[] = [];
    for (const line of blockLines) {
      if (current.length > 0 && (!wrapped || line.indented)) {
        paragraphs.push(current.join(" "));
        current = [];
      }
      current.push(text.slice(line.start, line.end));
    }
    if (current.length > 0) paragraphs.push(current.join(" "));
  }
  return paragraphs.map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
}
