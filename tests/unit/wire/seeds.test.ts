import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseWire } from "@/lib/domain/wire";
import type { ParsedWire } from "@/lib/domain/wire/types";
import { expectParsedInvariants, readSeed, removedTexts, seedFile } from "./support";

function parseSeed(prefix: string): ParsedWire {
  return parseWire({ bytes: new Uint8Array(readFileSync(seedFile(prefix))), contentType: "text/plain" });
}

describe("seed 000 (AP republished by a newspaper site)", () => {
  const parsed = parseSeed("000");

  it("reads headline, agency, dateline and leaves unknowns null", () => {
    expect(parsed.format).toBe("text");
    expect(parsed.headline).toBe("North Korea’s leader is in Russia to meet Putin, with both locked in standoffs with the West");
    expect(parsed.agency).toBe("AP");
    expect(parsed.dateline).toBe("SEOUL, South Korea");
    expect(parsed.date).toBeNull(); // the dateline has no date; the photo caption's date is not the story's
    expect(parsed.byline).toBeNull();
    expect(parsed.language).toBe("en");
    expect(parsed.externalId).toBeNull();
    expect(parsed.externalVersion).toBeNull();
  });

  it("removes the headline, the photo caption, each subscription line and the dateline", () => {
    expect(removedTexts(parsed, "headline")).toEqual([parsed.headline]);
    const [caption, ...otherCaptions] = removedTexts(parsed, "photo caption");
    expect(otherCaptions).toEqual([]);
    expect(caption).toMatch(/^In this photo provided by the North Korean government, North Korea leader Kim Jong Un/);
    expect(caption).toMatch(/\(Korean Central News Agency\/Korea News Service via AP\)$/);
    expect(removedTexts(parsed, "subscription prompt")).toEqual([
      "Subscribe Now Choose a package that suits your preferences.",
      "Start Free Account Get access to 7 premium stories every month for FREE!",
      "Already a Subscriber? Current print subscriber? Activate your complimentary Digital account.",
    ]);
    expect(removedTexts(parsed, "dateline")).toEqual(["SEOUL, South Korea (AP) —"]);
    expect(parsed.removed).toHaveLength(6);
  });

  it("starts the body with the lede", () => {
    expect(parsed.sentences[0]?.text).toBe(
      "North Korea’s Kim Jong Un rolled through Russia on an armored train Tuesday toward a meeting with President Vladimir Putin, a rare encounter between isolated leaders driven together by their need for support in escalating standoffs with the West.",
    );
    expect(parsed.paragraphs).toHaveLength(10);
    expect(parsed.sentences).toHaveLength(15);
  });

  it("keeps abbreviations and dashes inside sentences", () => {
    const texts = parsed.sentences.map((s) => s.text);
    expect(texts).toContain(
      "He was met on a red carpet by regional Gov. Oleg Kozhemyako and Natural Resources Minister Alexander Kozlov, according to North Korean state media and video posted on social media channels.",
    );
    expect(texts).toContain("It’s a chance for the North Korean leader to get around crippling U.N. sanctions and years of diplomatic isolation.");
    expect(texts.some((t) => t.startsWith("Kim said his decision to visit Russia four years after his previous visit — his first foreign trip"))).toBe(true);
  });

  it("satisfies the range invariants", () => expectParsedInvariants(parsed));
});

describe("seed 001 (broadcaster rewrite, no headline, no dateline)", () => {
  const parsed = parseSeed("001");

  it("has no headline, dateline or date, and no agency the text supports", () => {
    expect(parsed.headline).toBeNull();
    expect(parsed.dateline).toBeNull();
    expect(parsed.date).toBeNull();
    // Yonhap, RIA Novosti and KCNA are sources quoted in the story, not its agency.
    expect(parsed.agency).toBeNull();
    expect(parsed.language).toBe("en");
  });

  it("removes nothing and keeps one paragraph per line", () => {
    expect(parsed.removed).toEqual([]);
    expect(parsed.paragraphs).toHaveLength(17);
  });

  it("starts the body with the lede and splits quoted sentences", () => {
    expect(parsed.sentences[0]?.text).toBe(readSeed("001").split("\n")[0]);
    const texts = parsed.sentences.map((s) => s.text);
    expect(texts).toContain('"Ukraine is conducting a so-called counteroffensive," Putin said in Vladivostok.');
    expect(texts).toContain('"Of course, there are no results."');
  });

  it("satisfies the range invariants", () => expectParsedInvariants(parsed));
});

describe("seed 002 (AP, longer version with dated dateline)", () => {
  const parsed = parseSeed("002");

  it("reads agency and place from the dateline; no year is stated, so no date", () => {
    expect(parsed.headline).toBeNull();
    expect(parsed.agency).toBe("AP");
    expect(parsed.dateline).toBe("SEOUL, South Korea");
    expect(parsed.date).toBeNull();
  });

  it("removes only the dateline prefix", () => {
    expect(parsed.removed.map((r) => [r.reason, parsed.text.slice(r.start, r.end)])).toEqual([
      ["dateline", "SEOUL, South Korea, Sept 12 (AP) —"],
    ]);
  });

  it("starts the body with the lede and handles U.S./Adm./quotes", () => {
    expect(parsed.sentences[0]?.text).toBe(
      "North Korea’s Kim Jong Un arrived in Russia on Tuesday for a meeting with President Vladimir Putin where they are expected to offer each other increased support in their escalating standoffs with the West.",
    );
    const texts = parsed.sentences.map((s) => s.text);
    expect(texts.some((t) => t.includes("and Navy Adm. Kim Myong Sik, who are linked"))).toBe(true);
    expect(texts).toContain(
      "“We urge the DPRK to abide by the public commitments that Pyongyang has made to not provide or sell arms to Russia.”",
    );
    expect(texts.some((t) => t.endsWith("and that the U.S. “will not hesitate to impose new sanctions.”"))).toBe(true);
  });

  it("satisfies the range invariants", () => expectParsedInvariants(parsed));
});

describe("seed 003 (AFP republished with donation appeal)", () => {
  const parsed = parseSeed("003");

  it("finds the headline after the appeal and the photo credit; agency from © AFP 2023", () => {
    expect(parsed.headline).toBe("North Korea's Kim Jong Un en route to Russia in armoured train to meet Vladimir Putin");
    expect(parsed.agency).toBe("AFP");
    expect(parsed.dateline).toBeNull();
    expect(parsed.date).toBeNull();
  });

  it("removes the donation appeal, photo credit, subhead and copyright line, and keeps the standfirst as story text", () => {
    expect(removedTexts(parsed, "donation appeal")).toEqual([
      "We need your help now",
      "Support from readers like you keeps The Journal open.",
      "You are visiting us because we have something you value. Independent, unbiased news that tells the truth. Advertising revenue goes some way to support our mission, but this year it has not been enough.",
      "If you've seen value in our reporting, please contribute what you can, so we can continue to produce accurate and meaningful journalism. For everyone who needs it.",
    ]);
    expect(removedTexts(parsed, "photo credit")).toEqual(["Alamy Stock Photo"]);
    // The agency's summary repeats the start of a later paragraph; it is story text all the same.
    expect(removedTexts(parsed, "standfirst")).toEqual([]);
    expect(removedTexts(parsed, "subhead")).toEqual(["- ‘Pay a price’ -"]);
    expect(removedTexts(parsed, "copyright")).toEqual(["© AFP 2023"]);
  });

  it("starts the body with the standfirst, then the lede, and keeps the elided quote whole", () => {
    expect(parsed.sentences[0]?.text).toBe("Experts suggest Putin is seeking artillery shells and antitank missiles from North Korea for Moscow’s war on Ukraine.");
    expect(parsed.sentences[1]?.text).toBe(
      "NORTH KOREA HAS said that leader Kim Jong Un is to visit Russia and meet President Vladimir Putin, with the reclusive ruler’s armoured train reportedly on its way to the border.",
    );
    expect(parsed.sentences.map((s) => s.text)).toContain(
      "Kim “will soon visit the Russian Federation at the invitation of… Putin,” the North’s official Korean Central News Agency said.",
    );
  });

  it("satisfies the range invariants", () => expectParsedInvariants(parsed));
});

describe("seed 004 (newspaper rewrite with metadata prefix and broken sentence)", () => {
  const parsed = parseSeed("004");

  it("reads the date from the metadata prefix and the place from 'Seoul:'", () => {
    expect(parsed.date).toBe("2023-09-12");
    expect(parsed.dateline).toBe("Seoul");
    expect(parsed.headline).toBeNull();
    expect(parsed.agency).toBeNull();
  });

  it("removes the metadata prefix and the dateline", () => {
    expect(parsed.removed.map((r) => [r.reason, parsed.text.slice(r.start, r.end)])).toEqual([
      ["metadata", "date 2023-09-12"],
      ["dateline", "Seoul:"],
    ]);
  });

  it("starts the body with the lede", () => {
    expect(parsed.sentences[0]?.text).toBe(
      "North Korea’s Kim Jong Un rolled into Russia on an armoured train Tuesday to see President Vladimir Putin, a rare meeting between isolated leaders driven together by their need for support in escalating standoffs with the West.",
    );
  });

  it("repairs the sentence broken across paragraphs into one sentence with two parts", () => {
    const repaired = parsed.sentences.filter((s) => s.parts.length > 1);
    expect(repaired).toHaveLength(1);
    const [sentence] = repaired;
    expect(sentence?.text).toBe("For Putin, it’s an opportunity to refill ammunition stores that the war has drained.");
    expect(sentence?.parts.map((p) => parsed.text.slice(p.start, p.end))).toEqual([
      "For Putin, it’s an opportunity to refill",
      "ammunition stores that the war has drained.",
    ]);
    expect(sentence?.start).toBe(sentence?.parts[0]?.start);
    expect(sentence?.end).toBe(sentence?.parts[1]?.end);
    expect(sentence?.paragraph).toBe(2);
    expect(parsed.sentences.filter((s) => s.text.includes("ammunition stores"))).toHaveLength(1);
  });

  it("satisfies the range invariants", () => expectParsedInvariants(parsed));
});

describe("seeds as plain text strings", () => {
  it("parse the same from text as from bytes", () => {
    for (const prefix of ["000", "001", "002", "003", "004"]) {
      const fromText = parseWire({ text: readSeed(prefix) });
      expect(fromText).toEqual(parseSeed(prefix));
    }
  });
});
