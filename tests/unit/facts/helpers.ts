import { expect } from "vitest";
import type { Consolidation, FactStory } from "@/lib/domain/facts";

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

/** Every sentence of every story is in exactly one cluster, and a cluster holds at most one sentence per story. */
export function expectOneClusterPerSentence(stories: readonly FactStory[], result: Pick<Consolidation, "clusters">): void {
  const seen = new Set<string>();
  for (const c of result.clusters) {
    expect(new Set(c.members.map((m) => m.storyId)).size).toBe(c.members.length);
    for (const m of c.members) {
      const key = `${m.storyId}:${m.sentence}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  }
  expect(seen.size).toBe(stories.reduce((n, s) => n + s.sentences.length, 0));
}
