/**
 * Sentence segmentation for newswire English (and, less carefully, other Latin-script and CJK
 * text). Offsets are JavaScript string indices into the text given.
 *
 * Rules, in short:
 * - A boundary needs terminal punctuation (. ! ? … 。！？), optional closing quotes/brackets
 *   (which stay with the sentence), whitespace, and something that can start a sentence
 *   (capital, digit, uncased letter, an opening quote before one of those, a quotation dash).
 * - After a lone period the word before it decides: titles, company suffixes, month and state
 *   abbreviations, initials and initialisms ("U.S.") do not end a sentence unless the next word
 *   is a typical sentence opener ("The", "He", "But"…).
 * - An ellipsis inside an open quotation marks an elision, not a boundary.
 * - A sentence never crosses a paragraph, except when a paragraph ends without terminal
 *   punctuation and the next starts in lowercase: then it is one sentence in several parts.
 * - Line breaks inside a paragraph (hard-wrapped copy) split a sentence into parts too, so a
 *   single-part sentence never contains a line break and its text is always the exact slice.
 */
import type { Sentence, TextRange } from "./types";
import {
  ABBREVIATIONS,
  LOWERCASE_ABBREVIATIONS,
  MONTH_ABBREVIATIONS,
  NUMBER_ABBREVIATIONS,
  SENTENCE_OPENERS,
  STATE_ABBREVIATIONS,
} from "./abbreviations";
import {
  isDigit,
  isLineBreak,
  isLineBreakCode,
  isLowercase,
  isUncasedLetter,
  isUppercase,
  isWhitespace,
  trimRange,
} from "./chars";

const TERMINATORS = new Set([".", "!", "?", "…", "‼", "⁇", "⁈", "⁉", "。", "！", "？"]);
/** CJK full stops need no following space. */
const CJK_TERMINATORS = new Set(["。", "！", "？"]);
const ALWAYS_CLOSERS = new Set(["”", "»", "›", ")", "]", "}"]);
const OPENERS = new Set(["“", "‘", '"', "'", "«", "‹", "„", "(", "[", "{", "¿", "¡"]);
const QUOTATION_DASHES = new Set(["-", "–", "—"]);
/** "(AP) — ", "(Reuters) - ", "(AP) _ " right after a period belong to a dateline, not a new sentence. */
const DATELINE_CREDIT = /^\([^()\n]{1,40}\)\s*(?:—|–|--|-|_)\s/;
const INITIALISM = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
const CURRENCY = /\p{Sc}/u;
const MAX_QUOTE_DEPTH = 16;

interface IndexedRange extends TextRange {
  index: number;
}

interface Span extends TextRange {
  paragraph: number;
}

/** Splits the given paragraphs of `text` into sentences (see the module comment for the rules). */
export function segmentSentences(text: string, paragraphs: readonly TextRange[]): Sentence[] {
  const groups: Span[][] = [];
  let previous: IndexedRange | null = null;
  for (const paragraph of sanitizeParagraphs(text, paragraphs)) {
    const spans: Span[] = splitParagraph(text, paragraph.start, paragraph.end).map((r) => ({
      start: r.start,
      end: r.end,
      paragraph: paragraph.index,
    }));
    let first = 0;
    const lastGroup = groups[groups.length - 1];
    if (previous && lastGroup && spans[0] && continuesAcrossParagraphs(text, previous, paragraph)) {
      lastGroup.push(spans[0]);
      first = 1;
    }
    for (const span of spans.slice(first)) groups.push([span]);
    previous = paragraph;
  }
  return groups.map((spans, index) => toSentence(text, spans, index));
}

function toSentence(text: string, spans: Span[], index: number): Sentence {
  const only = spans.length === 1 ? spans[0] : undefined;
  if (only && !containsLineBreak(text, only.start, only.end)) {
    // The common case, kept allocation-light: one part, the exact slice.
    const part = { start: only.start, end: only.end };
    return { index, start: part.start, end: part.end, text: text.slice(part.start, part.end), parts: [part], paragraph: only.paragraph };
  }
  const parts = spans.flatMap((span) => splitAtLineBreaks(text, span.start, span.end));
  const first = parts[0] ?? { start: 0, end: 0 };
  const last = parts[parts.length - 1] ?? first;
  return {
    index,
    start: first.start,
    end: last.end,
    text: parts.map((p) => text.slice(p.start, p.end)).join(" "),
    parts,
    paragraph: spans[0]?.paragraph ?? 0,
  };
}

/**
 * Paragraph ranges may come from anywhere (including property tests), so clamp them to the
 * text, order them, drop overlaps and trim them. Indices keep pointing at the caller's array.
 */
function sanitizeParagraphs(text: string, paragraphs: readonly TextRange[]): IndexedRange[] {
  const clamp = (n: number) => Math.min(Math.max(Math.trunc(n), 0), text.length);
  // Object spread is slow in V8 and this runs per paragraph of up to 2 MB: literals throughout.
  const ranges = paragraphs
    .map((p, index) => ({ start: p.start, end: p.end, index }))
    .filter((p) => Number.isFinite(p.start) && Number.isFinite(p.end))
    .map((p) => {
      const trimmed = trimRange(text, clamp(p.start), clamp(p.end));
      return { start: trimmed.start, end: trimmed.end, index: p.index };
    })
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start || a.index - b.index);
  const result: IndexedRange[] = [];
  let lastEnd = 0;
  for (const range of ranges) {
    if (range.start < lastEnd) continue;
    result.push(range);
    lastEnd = range.end;
  }
  return result;
}

/** The seed-004 repair: "…an opportunity to refill" / "ammunition stores that…". */
function continuesAcrossParagraphs(text: string, previous: TextRange, next: TextRange): boolean {
  return !endsWithTerminalPunctuation(text, previous) && isLowercase(text[next.start]);
}

function endsWithTerminalPunctuation(text: string, range: TextRange): boolean {
  let i = range.end - 1;
  while (i > range.start && isClosingMark(text[i])) i--;
  const ch = text[i];
  return ch !== undefined && (TERMINATORS.has(ch) || ch === ":" || ch === ";");
}

function isClosingMark(ch: string | undefined): boolean {
  return ch !== undefined && (ALWAYS_CLOSERS.has(ch) || ch === '"' || ch === "'" || ch === "’");
}

function containsLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isLineBreakCode(text.charCodeAt(i))) return true;
  return false;
}

function splitAtLineBreaks(text: string, start: number, end: number): TextRange[] {
  const parts: TextRange[] = [];
  let partStart = start;
  let i = start;
  while (i < end) {
    if (!isWhitespace(text[i])) {
      i++;
      continue;
    }
    let j = i;
    let hasBreak = false;
    while (j < end && isWhitespace(text[j])) {
      if (isLineBreak(text[j])) hasBreak = true;
      j++;
    }
    if (hasBreak) {
      parts.push({ start: partStart, end: i });
      partStart = j;
    }
    i = j;
  }
  parts.push({ start: partStart, end });
  return parts.filter((p) => p.end > p.start);
}

/** Tracks open quotations so that an ellipsis inside a quote is not taken as a boundary. */
class QuoteState {
  private readonly stack: string[] = [];

  observe(ch: string | undefined): void {
    switch (ch) {
      case "„":
      case "«":
        this.push(ch);
        break;
      case "“":
        // German quotes open with „ and close with “; English ones open with “.
        if (this.top() === "„") this.stack.pop();
        else this.push(ch);
        break;
      case "”":
        if (this.top() === "“" || this.top() === "„") this.stack.pop();
        break;
      case "»":
        if (this.top() === "«") this.stack.pop();
        break;
      case '"':
        if (this.top() === '"') this.stack.pop();
        else this.push(ch);
        break;
      default:
        break;
    }
  }

  get open(): boolean {
    return this.stack.length > 0;
  }

  top(): string | undefined {
    return this.stack[this.stack.length - 1];
  }

  private push(ch: string): void {
    if (this.stack.length >= MAX_QUOTE_DEPTH) this.stack.shift();
    this.stack.push(ch);
  }
}

/** Trimmed sentence spans of one paragraph, in order, covering all its non-whitespace. */
function splitParagraph(text: string, start: number, end: number): TextRange[] {
  const spans: TextRange[] = [];
  const quotes = new QuoteState();
  let sentenceStart = start;
  let i = start;
  while (i < end) {
    const ch = text[i] as string;
    if (!TERMINATORS.has(ch)) {
      quotes.observe(ch);
      i++;
      continue;
    }
    let j = i;
    while (j < end && TERMINATORS.has(text[j] as string)) j++;
    let k = j;
    while (k < end && isCloserAt(text, k, end, quotes)) {
      quotes.observe(text[k]);
      k++;
    }
    const nextStart = boundaryAfter(text, { runStart: i, runEnd: j, closersEnd: k, end, quotes });
    if (nextStart !== null) {
      spans.push(trimRange(text, sentenceStart, k));
      sentenceStart = nextStart;
    }
    i = k;
  }
  spans.push(trimRange(text, sentenceStart, end));
  return spans.filter((s) => s.end > s.start);
}

function isCloserAt(text: string, k: number, end: number, quotes: QuoteState): boolean {
  const ch = text[k];
  if (ch === undefined) return false;
  if (ALWAYS_CLOSERS.has(ch)) return true;
  if (ch === '"') return quotes.top() === '"';
  if (ch === "’" || ch === "'") {
    // A closing single quote, not the apostrophe of "’s": what follows is not a letter.
    const next = text[k + 1];
    return k + 1 >= end || next === undefined || !/\p{L}/u.test(next);
  }
  return false;
}

interface Candidate {
  runStart: number;
  runEnd: number;
  closersEnd: number;
  end: number;
  quotes: QuoteState;
}

/** Where the next sentence starts if the terminator run at `runStart` ends a sentence, else null. */
function boundaryAfter(text: string, c: Candidate): number | null {
  let m = c.closersEnd;
  while (m < c.end && isWhitespace(text[m])) m++;
  if (m >= c.end) return null; // the paragraph end closes the sentence anyway
  const run = text.slice(c.runStart, c.runEnd);
  if (m === c.closersEnd) return boundaryWithoutSpace(text, c, run);
  if (!startsSentence(text, m, c.end)) return null;
  const nextWord = wordAt(text, m, c.end);
  if (isEllipsis(run)) {
    return !c.quotes.open && SENTENCE_OPENERS.has(nextWord) ? m : null;
  }
  if (run === "." && !periodEndsSentence(text, c.runStart, m, nextWord)) return null;
  return m;
}

/** `。` needs no space; `…swearing in."Syria's war…` (a closed quote glued to a capital) is a boundary too. */
function boundaryWithoutSpace(text: string, c: Candidate, run: string): number | null {
  const last = run[run.length - 1] ?? "";
  if (CJK_TERMINATORS.has(last)) return c.closersEnd;
  const closedQuote = c.closersEnd > c.runEnd && !c.quotes.open;
  return closedQuote && isUppercase(text[c.closersEnd]) ? c.closersEnd : null;
}

function isEllipsis(run: string): boolean {
  return run.includes("…") || run.split(".").length > 2;
}

function startsSentence(text: string, m: number, end: number): boolean {
  const ch = text[m];
  if (isUppercase(ch) || isDigit(ch) || isUncasedLetter(ch)) return true;
  if (ch === undefined) return false;
  if (CURRENCY.test(ch)) return isDigit(text[m + 1]);
  if (OPENERS.has(ch)) {
    let n = m;
    while (n < end && OPENERS.has(text[n] as string)) n++;
    const after = text[n];
    return isUppercase(after) || isDigit(after) || isUncasedLetter(after);
  }
  if (QUOTATION_DASHES.has(ch)) {
    // Nordic and Finnish copy open quotes with a dash: "– Det er så mye…".
    return isWhitespace(text[m + 1]) && isUppercase(text[m + 2]);
  }
  return false;
}

/** The first word at m (after opening punctuation), lowercased. */
function wordAt(text: string, m: number, end: number): string {
  let n = m;
  while (n < end && OPENERS.has(text[n] as string)) n++;
  const match = /^\p{L}+/u.exec(text.slice(n, Math.min(end, n + 40)));
  return match ? match[0].toLowerCase() : "";
}

/** The token before a period: letters and inner dots ("Gov", "U.S", "p.m", "J"). */
function wordBefore(text: string, periodIndex: number): { word: string; start: number } {
  let s = periodIndex;
  while (s > 0 && s > periodIndex - 24 && /[\p{L}.]/u.test(text[s - 1] as string)) s--;
  const word = text.slice(s, periodIndex).replace(/^\.+/, "");
  return { word, start: periodIndex - word.length };
}

function periodEndsSentence(text: string, periodIndex: number, next: number, nextWord: string): boolean {
  if (DATELINE_CREDIT.test(text.slice(next, next + 48))) return false;
  const { word, start } = wordBefore(text, periodIndex);
  if (word === "") return true;
  const opener = SENTENCE_OPENERS.has(nextWord);
  const capitalised = isUppercase(word[0]);
  const lower = word.toLowerCase();
  if (INITIALISM.test(word)) return opener;
  if (word.length === 1) return capitalised ? opener : true;
  if (NUMBER_ABBREVIATIONS.has(lower)) return !isDigit(text[next]);
  if (MONTH_ABBREVIATIONS.has(lower) && capitalised) return isDigit(text[next]) ? false : opener;
  if (STATE_ABBREVIATIONS.has(lower) && capitalised && text.slice(start - 2, start) === ", ") return opener;
  if (ABBREVIATIONS.has(lower) && (capitalised || LOWERCASE_ABBREVIATIONS.has(lower))) return opener;
  return true;
}
