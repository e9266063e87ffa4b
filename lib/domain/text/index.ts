export { segmentSentences } from "./segment";
export { normalizeForMatching } from "./normalize";
