/**
 * Adapting parser output to the engine's input. The engine reads only plain fields, so it does
 * not depend on how the wire parser works inside.
 */
import type { ParsedWire } from "../wire/types";
import type { FactStory } from "./types";

export function storyFromParsedWire(id: string, parsed: Pick<ParsedWire, "agency" | "headline" | "date" | "sentences">): FactStory {
  return {
    id,
    agency: parsed.agency,
    headline: parsed.headline,
    date: parsed.date,
    sentences: parsed.sentences.map((s) => ({ start: s.start, end: s.end, text: s.text, parts: s.parts, paragraph: s.paragraph })),
  };
}
