import { AppError } from "@/lib/domain/errors";
import type { ParsedWire, WireFormat, WireMetadata } from "./types";
import type { StoryAnalysis } from "./story";

/**
 * Puts a parse together. A document with no story text left after cleaning is refused here,
 * once for all formats, so callers never store an empty story.
 */
export function buildParsedWire(
  format: WireFormat,
  original: string,
  text: string,
  analysis: StoryAnalysis,
  metadata: WireMetadata,
): ParsedWire {
  if (analysis.sentences.length === 0) {
    throw new AppError("UNPROCESSABLE", "No story text found: the input holds only a headline, boilerplate or markup.", {
      format,
    });
  }
  return {
    format,
    original,
    text,
    ...metadata,
    paragraphs: analysis.paragraphs,
    removed: analysis.removed,
    sentences: analysis.sentences,
  };
}
