import { AppError } from "@/lib/domain/errors";
import type { ParsedWire, Sentence, WireFormat, WireMetadata } from "./types";
import type { StoryAnalysis } from "./story";

/**
 * Puts a parse together. A document with no sentence of story text left after cleaning is
 * refused here, once for all formats, so callers never store an empty or junk story.
 */
export function buildParsedWire(
  format: WireFormat,
  original: string,
  text: string,
  analysis: StoryAnalysis,
  metadata: WireMetadata,
): ParsedWire {
  if (!analysis.sentences.some(isStorySentence)) {
    throw new AppError(
      "UNPROCESSABLE",
      analysis.sentences.length === 0
        ? "No story text here: once the headline, boilerplate and markup are set aside, nothing is left. Send the story itself."
        : "No sentence here, so there is no story to import: a wire story needs at least one full sentence, such as “The harbour reopened on Friday.”",
      { format },
    );
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

const WORD = /\p{L}[\p{L}\p{M}\p{N}'’-]*/gu;
const LETTER = /\p{L}/gu;
/** Ends as sentences do: . ! ? … (or their full-width forms), then perhaps closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？][\s"'”’»)\]]*$/u;
/** Scripts written without spaces between words, where words cannot be counted by spaces. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * Whether a segmented "sentence" is one a story could be made of: two words or more ending as a
 * sentence does ("Talks resumed."), or four or more that lost their full stop ("Kim arrives in
 * Russia"). A lone word ("test", "asdf."), a few stray ones ("asdf qwer"), numbers and symbols are not.
 */
export function isStorySentence(sentence: Pick<Sentence, "text">): boolean {
  const text = sentence.text.trim();
  if (UNSPACED_SCRIPT.test(text)) return (text.match(LETTER)?.length ?? 0) >= 6 && SENTENCE_END.test(text);
  const words = text.match(WORD)?.length ?? 0;
  return words >= (SENTENCE_END.test(text) ? 2 : 4);
}
