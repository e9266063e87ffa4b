import type { FactStory } from "@/lib/domain/facts";

/** A story whose body is `sentences`, one paragraph each, joined by blank lines (offsets into that text). */
export function story(id: string, sentences: string[], extra: Partial<FactStory> = {}): FactStory & { text: string } {
  let text = "";
  const out = sentences.map((s, i) => {
    if (i > 0) text += "\n\n";
    const start = text.length;
    text += s;
    return { start, end: text.length, text: s, paragraph: i };
  });
  return { id, agency: null, headline: null, date: null, sentences: out, text, ...extra };
}
