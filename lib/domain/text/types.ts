/**
 * Ranges and sentences of a text, as segmentation produces them. Every offset is a JavaScript
 * string index (UTF-16) into the text segmented, which for a wire story is `ParsedWire.text`.
 */

export interface TextRange {
  start: number;
  end: number;
}

export interface Sentence extends TextRange {
  /** Index of the sentence within the story body, 0-based. */
  index: number;
  /** The sentence as a reader sees it: original slices joined (a sentence repaired across a paragraph break joins its parts with one space). */
  text: string;
  /** Pieces of the original text that make up this sentence; usually one, two when a sentence was repaired across a paragraph break. */
  parts: TextRange[];
  /** Index of the paragraph of the body the sentence starts in, 0-based. */
  paragraph: number;
}
