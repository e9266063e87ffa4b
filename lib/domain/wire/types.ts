/**
 * The contract between wire parsing (lib/domain/wire), segmentation (lib/domain/text) and
 * consolidation (lib/domain/facts). Every offset is a JavaScript string index into
 * `ParsedWire.text`. For plain text, `text` is the decoded original itself; for structured
 * formats (ninjs, NewsML-G2, NITF) it is the story as plain text, derived deterministically
 * from the document (headline, then one body paragraph per line pair), and `original`
 * keeps the document verbatim.
 */

// Segmentation's types, which wire parsing shares; re-exported so the wire contract stays one import.
import type { Sentence, TextRange } from "../text/types";
export type { Sentence, TextRange };

export type WireFormat = "text" | "ninjs" | "newsml-g2" | "nitf";

export interface RemovedRange extends TextRange {
  /** Why the range is not story text, e.g. "subscription prompt", "photo caption". */
  reason: string;
}

export interface WireMetadata {
  headline: string | null;
  /** Normalised agency name: "AP", "AFP", "Reuters", "RFE/RL", … */
  agency: string | null;
  /** Dateline place as written, e.g. "SEOUL, South Korea". */
  dateline: string | null;
  /** ISO date YYYY-MM-DD, only when the text or the format states it. */
  date: string | null;
  byline: string | null;
  /** BCP 47 language tag when stated or reliably detected, e.g. "en". */
  language: string | null;
  /** ninjs uri / NewsML guid, for versioning. */
  externalId: string | null;
  /** ninjs version / NewsML version, for versioning. */
  externalVersion: number | null;
}

export interface ParsedWire extends WireMetadata {
  format: WireFormat;
  /** The decoded input, verbatim (for XML/JSON: the whole document as received). */
  original: string;
  /** The text every offset indexes into; equals `original` for plain text. */
  text: string;
  /** Ranges of `text` that are the story body, in order (one per paragraph). */
  paragraphs: TextRange[];
  /** Ranges of `text` removed as not being story text, each with its reason. */
  removed: RemovedRange[];
  /** Sentences of the body, in reading order. */
  sentences: Sentence[];
}
