/**
 * Story analysis shared by every format: given the story as plain text, decide which lines and
 * line prefixes are not story text (with a reason), which ranges are body paragraphs, and what
 * the text itself says about headline, dateline, agency, date and byline.
 *
 * Positional rules run on the top of the story only (headline, standfirst, labels, metadata
 * prefix, dateline) or on the body after the lede (subheads); line recognisers from
 * boilerplate.ts run everywhere.
 */
import type { RemovedRange, Sentence, TextRange } from "./types";
import { segmentSentences } from "@/lib/domain/text/segment";
import { normalizeForMatching } from "@/lib/domain/text/normalize";
import {
  REMOVAL_REASONS,
  classifyLine,
  looksLikeHeadline,
  looksLikeDashedSubhead,
  looksLikeLabel,
  looksLikeSubhead,
  matchMetadataPrefix,
} from "./boilerplate";
import { matchDateline, type Dateline } from "./dateline";
import { dateFromTimestamp, isoDate, yearOfWrittenDate } from "./dates";
import { detectLanguage } from "./language";
import { groupLinesByBlock, isHardWrapped, splitLines, type Line } from "./lines";

export interface StoryAnalysis {
  removed: RemovedRange[];
  paragraphs: TextRange[];
  sentences: Sentence[];
  headline: string | null;
  dateline: Dateline | null;
  /** From the dateline credit, else a copyright line, else a bare credit line. */
  agency: string | null;
  /** From a metadata prefix, else a dateline day whose year the text states. */
  date: string | null;
  byline: string | null;
  /** "en" when the body is clearly English, else null. */
  language: string | null;
}

export interface AnalyzeOptions {
  /**
   * The headline's range when the format states it; null when the story has none. When
   * omitted, the first line is taken as headline if it looks like one.
   */
  headline?: TextRange | null;
  /** Ranges the format already marks as not story text (e.g. subheads from markup). */
  forced?: readonly RemovedRange[];
}

interface WorkLine extends Line {
  /** Where the line's remaining content starts, after removed prefixes. */
  contentStart: number;
  /** The reason the whole line was removed, or null while it is (still) content. */
  removed: string | null;
}

interface Findings {
  removed: RemovedRange[];
  agencies: string[];
  copyrightYear: number | null;
  byline: string | null;
  metadataDate: string | null;
  headline: string | null;
  dateline: Dateline | null;
}

export function analyzeStory(text: string, options: AnalyzeOptions = {}): StoryAnalysis {
  const { lines: rawLines, controls } = splitLines(text);
  // Explicit literals, not spreads: this runs per line of up to 2 MB and spreads are slow in V8.
  const lines: WorkLine[] = rawLines.map((l) => ({
    start: l.start,
    end: l.end,
    block: l.block,
    indented: l.indented,
    afterControl: l.afterControl,
    contentStart: l.start,
    removed: null,
  }));
  const findings: Findings = {
    removed: controls.map((c) => ({ start: c.start, end: c.end, reason: REMOVAL_REASONS.control })),
    agencies: [],
    copyrightYear: null,
    byline: null,
    metadataDate: null,
    headline: null,
    dateline: null,
  };
  applyForced(text, lines, options, findings);
  classifyLines(text, lines, findings);
  const lede = analyzeTop(text, lines, options, findings);
  removeSubheads(text, lines, lede, findings);
  const paragraphs = buildParagraphs(text, lines);
  const sentences = segmentSentences(text, paragraphs);
  return {
    removed: findings.removed.sort((a, b) => a.start - b.start),
    paragraphs,
    sentences,
    headline: findings.headline,
    dateline: findings.dateline,
    agency: findings.dateline?.agency ?? findings.agencies[0] ?? null,
    date: storyDate(text, findings),
    byline: findings.byline,
    language: detectLanguage(sentences.map((s) => s.text).join(" ")),
  };
}

const lineText = (text: string, line: WorkLine) => text.slice(line.contentStart, line.end);

function removeLine(line: WorkLine, reason: string, findings: Findings): void {
  findings.removed.push({ start: line.contentStart, end: line.end, reason });
  line.removed = reason;
}

/** Removes the first `length` characters of the line's content; the rest stays content. */
function removePrefix(text: string, line: WorkLine, length: number, reason: string, findings: Findings): void {
  const end = line.contentStart + length;
  findings.removed.push({ start: line.contentStart, end, reason });
  let next = end;
  while (next < line.end && /\s/.test(text[next] as string)) next++;
  line.contentStart = next;
  if (next >= line.end) line.removed = reason;
}

function nextContentLine(lines: readonly WorkLine[], from: number): number {
  for (let i = Math.max(from, 0); i < lines.length; i++) if (!lines[i]?.removed) return i;
  return -1;
}

function applyForced(text: string, lines: WorkLine[], options: AnalyzeOptions, findings: Findings): void {
  const forced = [...(options.forced ?? [])];
  if (options.headline) {
    forced.push({ ...options.headline, reason: REMOVAL_REASONS.headline });
    findings.headline = text.slice(options.headline.start, options.headline.end).replace(/\s+/g, " ").trim() || null;
  }
  forced.sort((a, b) => a.start - b.start);
  // Lines and forced ranges are both in text order: one sweep.
  let f = 0;
  for (const line of lines) {
    while (f < forced.length && (forced[f] as RemovedRange).end < line.end) f++;
    const cover = forced[f];
    if (cover && cover.start <= line.start && line.end <= cover.end) removeLine(line, cover.reason, findings);
  }
}

function classifyLines(text: string, lines: WorkLine[], findings: Findings): void {
  for (const line of lines) {
    if (line.removed) continue;
    const verdict = classifyLine(lineText(text, line));
    if (!verdict) continue;
    removeLine(line, verdict.reason, findings);
    if (verdict.agency) findings.agencies.push(verdict.agency);
    if (verdict.year && findings.copyrightYear === null) findings.copyrightYear = verdict.year;
    if (verdict.byline && findings.byline === null) findings.byline = verdict.byline;
  }
}

/** Top of the story: metadata prefix, headline, standfirst, labels, dateline. Returns the lede line index. */
function analyzeTop(text: string, lines: WorkLine[], options: AnalyzeOptions, findings: Findings): number {
  let i = stripMetadataPrefix(text, lines, nextContentLine(lines, 0), findings);
  if (options.headline === undefined && i >= 0 && isHeadlineLine(text, lines, i)) {
    findings.headline = lineText(text, lines[i] as WorkLine);
    removeLine(lines[i] as WorkLine, REMOVAL_REASONS.headline, findings);
    i = nextContentLine(lines, i + 1);
  }
  if (findings.headline && i >= 0 && isStandfirst(text, lines, i)) {
    // A standfirst is the agency's own summary, not boilerplate: it stays in the body, where the
    // consolidation engine cites it as a source of the fact it repeats (nothing is lost). Only
    // the labels and dateline that follow it are looked for past it.
    i = nextContentLine(lines, i + 1);
  }
  while (i >= 0 && isLabelLine(text, lines, i)) {
    removeLine(lines[i] as WorkLine, REMOVAL_REASONS.label, findings);
    i = nextContentLine(lines, i + 1);
  }
  i = stripMetadataPrefix(text, lines, i, findings);
  if (i < 0) return i;
  const line = lines[i] as WorkLine;
  const dateline = matchDateline(lineText(text, line));
  if (dateline) {
    findings.dateline = dateline;
    removePrefix(text, line, dateline.length, REMOVAL_REASONS.dateline, findings);
    if (line.removed) i = nextContentLine(lines, i + 1);
  }
  return i;
}

function stripMetadataPrefix(text: string, lines: WorkLine[], i: number, findings: Findings): number {
  const line = lines[i];
  if (!line) return i;
  const prefix = matchMetadataPrefix(lineText(text, line));
  if (!prefix) return i;
  findings.metadataDate ??= dateFromTimestamp(prefix.date);
  removePrefix(text, line, prefix.length, REMOVAL_REASONS.metadata, findings);
  return line.removed ? nextContentLine(lines, i + 1) : i;
}

const startsBlock = (lines: readonly WorkLine[], i: number) => lines[i - 1]?.block !== lines[i]?.block;
const endsBlock = (lines: readonly WorkLine[], i: number) => lines[i + 1]?.block !== lines[i]?.block;

/** A label (kicker, section name) stands alone between blank lines, before the lede. */
function isLabelLine(text: string, lines: readonly WorkLine[], i: number): boolean {
  return (
    startsBlock(lines, i) &&
    endsBlock(lines, i) &&
    nextContentLine(lines, i + 1) >= 0 &&
    looksLikeLabel(lineText(text, lines[i] as WorkLine))
  );
}

/** A headline is the first line, looks like one, is followed by a blank line and by more text. */
function isHeadlineLine(text: string, lines: readonly WorkLine[], i: number): boolean {
  return endsBlock(lines, i) && nextContentLine(lines, i + 1) >= 0 && looksLikeHeadline(lineText(text, lines[i] as WorkLine));
}

/** A standfirst repeats the start of a later paragraph, as web pages print the summary twice. */
function isStandfirst(text: string, lines: readonly WorkLine[], i: number): boolean {
  const candidate = lineText(text, lines[i] as WorkLine);
  if (candidate.length > 400 || candidate.split(/\s+/).length < 4) return false;
  const core = normalizeForMatching(candidate).replace(/[.!?…]+$/, "");
  return lines.slice(i + 1).some((l) => !l.removed && normalizeForMatching(lineText(text, l)).startsWith(core));
}

/**
 * Subheads open a block. In hard-wrapped copy the first line of a paragraph can look like a
 * title-case fragment ("President Vladimir Putin said on"), so there a subhead must also be
 * visibly shorter than the wrapped lines.
 */
function removeSubheads(text: string, lines: WorkLine[], lede: number, findings: Findings): void {
  if (lede < 0) return;
  const blocks = groupLinesByBlock(lines);
  for (let i = lede + 1; i < lines.length; i++) {
    const line = lines[i] as WorkLine;
    if (line.removed || !startsBlock(lines, i) || nextContentLine(lines, i + 1) < 0) continue;
    const content = lineText(text, line);
    if (!looksLikeSubhead(content)) continue;
    const block = blocks.get(line.block) ?? [];
    const longest = block.reduce((max, l) => Math.max(max, l.end - l.start), 0);
    const wrapped = block.length > 1 && isHardWrapped(text, block);
    if (!wrapped || looksLikeDashedSubhead(content) || content.length <= 0.6 * longest) {
      removeLine(line, REMOVAL_REASONS.subhead, findings);
    }
  }
}

/** One paragraph per remaining line, except that hard-wrapped lines of a block join up. */
function buildParagraphs(text: string, lines: readonly WorkLine[]): TextRange[] {
  const wrappedBlocks = new Set<number>();
  for (const [block, blockLines] of groupLinesByBlock(lines)) if (isHardWrapped(text, blockLines)) wrappedBlocks.add(block);

  const paragraphs: TextRange[] = [];
  let previous: WorkLine | null = null;
  for (const line of lines) {
    const joins =
      previous !== null &&
      !previous.removed &&
      !line.removed &&
      previous.block === line.block &&
      wrappedBlocks.has(line.block) &&
      !line.indented &&
      !line.afterControl && // a removed control run sits between them
      line.contentStart === line.start; // so does a removed prefix (dateline, metadata)
    const last = paragraphs[paragraphs.length - 1];
    if (!line.removed) {
      if (joins && last) last.end = line.end;
      else paragraphs.push({ start: line.contentStart, end: line.end });
    }
    previous = line;
  }
  return paragraphs;
}

function storyDate(text: string, findings: Findings): string | null {
  if (findings.metadataDate) return findings.metadataDate;
  const d = findings.dateline;
  if (!d?.month || !d.day) return null;
  const year = d.year ?? findings.copyrightYear ?? yearOfWrittenDate(text, d.month, d.day);
  return year ? isoDate(year, d.month, d.day) : null;
}
