import { describe, expect, it } from "vitest";
import { compareSentences } from "@/lib/domain/facts";
import { matchContent } from "@/lib/domain/facts/features";
import { profileSentence } from "@/lib/domain/facts/profile";
import { areRelated, hasRelations } from "@/lib/domain/facts/relations";
import { WORDNET_RELATIONS } from "@/lib/domain/facts/wordnet-relations";
import { tokenize } from "@/lib/domain/facts/tokenize";

const stem = (word: string) => tokenize(word)[0]!.stem;

describe("WordNet relations", () => {
  it("is in the format scripts/build-wordnet-relations.ts writes: stem:related,… with each pair once, under its smaller stem", () => {
    const entries = WORDNET_RELATIONS.split(";");
    expect(entries.length).toBeGreaterThan(1000);
    let previous = "";
    for (const entry of entries) {
      expect(entry).toMatch(/^[^:;,]+:[^:;,]+(,[^:;,]+)*$/);
      const [key, list] = entry.split(":") as [string, string];
      expect(key > previous).toBe(true);
      previous = key;
      for (const other of list.split(",")) expect(other > key).toBe(true);
    }
  });

  it("relates synonyms and derivations of common senses, both ways", () => {
    expect(areRelated(stem("aboard"), stem("boarded"))).toBe(true);
    expect(areRelated(stem("boarded"), stem("aboard"))).toBe(true);
    expect(areRelated(stem("journey"), stem("trip"))).toBe(true);
    expect(areRelated(stem("confirmed"), stem("verified"))).toBe(true);
    expect(areRelated(stem("stopped"), stem("halted"))).toBe(true);
  });

  it("keeps rare senses and general words out", () => {
    // "board" = "plank" is a sense, but "board" = "table" (meals) is too rare to count.
    expect(areRelated(stem("board"), stem("table"))).toBe(false);
    // "travel" has dozens of hyponyms (fly, fall, rise …): none of them is linked to it.
    expect(areRelated(stem("travel"), stem("fall"))).toBe(false);
    expect(areRelated(stem("rise"), stem("fall"))).toBe(false);
    expect(hasRelations("putin")).toBe(false);
  });

  it("matches related words the exact stems leave, the same whichever sentence comes first", () => {
    const a = profileSentence("Kim traveled aboard his personal train.");
    const b = profileSentence("Kim boarded his personal train.");
    const ab = matchContent(a, b);
    const ba = matchContent(b, a);
    expect(ab.related).toBe(1);
    expect(ba.related).toBe(1);
    expect(ab.matchedA + ab.matchedB).toBe(ba.matchedA + ba.matchedB);
    expect(compareSentences("Kim traveled aboard his personal train.", "Kim boarded his personal train.").score).toBeGreaterThan(compareSentences("Kim traveled in his personal train.", "Kim boarded his personal train.").score);
  });

  it("does not relate numbers or acronyms", () => {
    // WordNet has "fifty" = "L" (the numeral); figures are compared as numbers, never as words.
    const m = matchContent(profileSentence("Troops halted 50 trucks."), profileSentence("Troops stopped L trucks."));
    expect(m.related).toBe(1);
  });
});
