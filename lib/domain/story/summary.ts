/**
 * The one-paragraph summary readers and machines get of a story (meta description, Open Graph,
 * the Atom entry's summary, ninjs description): its standfirst, or, when the standfirst is empty,
 * the opening of its lede, cut at a word.
 */
export const SUMMARY_LENGTH = 200;

export interface SummarySource {
  standfirst: string;
  paragraphs: readonly { facts: readonly { text: string }[] }[];
}

export function storySummary(story: SummarySource, maxLength = SUMMARY_LENGTH): string {
  const standfirst = story.standfirst.replace(/\s+/g, " ").trim();
  if (standfirst) return standfirst;
  const lede = (story.paragraphs[0]?.facts ?? []).map((fact) => fact.text.trim()).filter(Boolean).join(" ").replace(/\s+/g, " ");
  return cutAtWord(lede, maxLength);
}

/** At most `maxLength` characters, ending at a word with an ellipsis when anything was cut. */
export function cutAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const head = text.slice(0, maxLength - 1);
  const lastSpace = head.lastIndexOf(" ");
  const cut = lastSpace > maxLength / 2 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,;:—–-]+$/, "")}…`;
}
