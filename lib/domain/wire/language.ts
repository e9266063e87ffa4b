/**
 * Language detection by stopword share. Only English is detected: it is the newsroom's
 * language and the share of English function words is a reliable signal for it; any other
 * language stays null unless the format states it.
 */
const ENGLISH_STOPWORDS = new Set([
  "the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "that", "with", "as", "by", "at",
  "from", "his", "her", "it", "its", "has", "have", "had", "said", "be", "are", "an", "will",
  "were", "which", "this", "but", "not", "he", "she", "they", "their", "who", "would", "been",
  "after", "about", "into", "than", "more", "also", "or", "after", "over", "its", "there",
]);

const MIN_WORDS = 8;
const MIN_SHARE = 0.25;

export function detectLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  const hits = words.filter((w) => ENGLISH_STOPWORDS.has(w)).length;
  return hits / words.length >= MIN_SHARE ? "en" : null;
}
