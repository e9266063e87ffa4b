export { segmentSentences } from "./segment";
export { normalizeForMatching } from "./normalize";
export type { Sentence, TextRange } from "./types";
