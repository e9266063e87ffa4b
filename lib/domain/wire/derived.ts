/**
 * The plain-text rendering of a structured story: headline, blank line, then one paragraph per
 * body block separated by blank lines. It is deterministic, so offsets into it are stable for a
 * given document, and it is what the editor reads.
 */
import type { RemovedRange, TextRange } from "./types";
import { normalizeForMatching } from "@/lib/domain/text/normalize";
import { REMOVAL_REASONS } from "./boilerplate";
import type { Block } from "./markup";

export interface DerivedStory {
  text: string;
  headlineRange: TextRange | null;
  /** Heading blocks, marked as subheads for the story analysis. */
  forced: RemovedRange[];
}

const SEPARATOR = "\n\n";

export function deriveStoryText(headline: string | null, blocks: readonly Block[]): DerivedStory {
  const head = (headline ?? "").replace(/\s+/g, " ").trim();
  const headKey = normalizeForMatching(head).toLowerCase();
  // Bodies often repeat the headline as their first heading (<h1>, <hl1>); print it once.
  const body = blocks.filter(
    (b, i) => !(head && (b.kind === "heading" || i === 0) && normalizeForMatching(b.text).toLowerCase() === headKey),
  );
  let text = "";
  const forced: RemovedRange[] = [];
  let headlineRange: TextRange | null = null;
  if (head) {
    text = head;
    headlineRange = { start: 0, end: head.length };
  }
  for (const block of body) {
    if (text) text += SEPARATOR;
    const start = text.length;
    text += block.text;
    if (block.kind === "heading") forced.push({ start, end: text.length, reason: REMOVAL_REASONS.subhead });
  }
  return { text, headlineRange, forced };
}

/** "By Marwan Makdisi" → "Marwan Makdisi"; "Von Christian Hollmann, dpa" → "Christian Hollmann, dpa". */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const byline = raw
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:by|von|par|por|di|door|av|af)(?:\s+|$)/i, "")
    .replace(/[\s,;:]+$/, "")
    .trim();
  return byline || null;
}
