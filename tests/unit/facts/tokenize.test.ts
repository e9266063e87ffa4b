import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { porterStem } from "@/lib/domain/facts/porter";
import { dayStated } from "@/lib/domain/facts/mentions";
import { tokenize } from "@/lib/domain/facts/tokenize";

const norms = (s: string) => tokenize(s).map((t) => t.norm);
const stems = (s: string) => tokenize(s).map((t) => t.stem);

describe("tokenize", () => {
  it("unifies British and American spelling", () => {
    expect(stems("armoured honour gruelling sizeable travelled")).toEqual(stems("armored honor grueling sizable traveled"));
  });

  it("unifies unit synonyms, but only reads abbreviations as units after a number", () => {
    expect(norms("60 km")).toEqual(["60", "kilometer"]);
    expect(stems("60 kilometres")).toEqual(stems("60 kilometers"));
    expect(norms("Min Aung Hlaing")[0]).toBe("min");
  });

  it("reads spelled-out numbers as numbers, except 'one'", () => {
    expect(stems("four years")).toEqual(stems("4 years"));
    expect(tokenize("one of them")[0]!.value).toBeNull();
  });

  it("splits clitics and keeps negation", () => {
    expect(norms("didn’t Korea’s")).toEqual(["did", "not", "korea", "'s"]);
  });

  it("merges multi-word names with their short forms", () => {
    expect(stems("United Nations")).toEqual(stems("U.N."));
    expect(stems("the Democratic People’s Republic of Korea")).toEqual(stems("the DPRK"));
  });

  it("keeps codes, currencies and scales together", () => {
    expect(norms("An-148 COVID-19 $2.5bn 4.4%")).toEqual(["an-148", "covid", "dollar", "2.5", "billion", "4.4", "percent"]);
  });

  it("gives spans that point at the words as written", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        let last = 0;
        for (const t of tokenize(s)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(s.length);
          last = t.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("porterStem", () => {
  it("stems like the published algorithm", () => {
    const cases: Record<string, string> = {
      caresses: "caress", ponies: "poni", cats: "cat", agreed: "agre", plastered: "plaster", motoring: "motor",
      hopping: "hop", filing: "file", happy: "happi", relational: "relat", conditional: "condit", generalization: "gener",
      electrical: "electr", adjustment: "adjust", controllable: "control", arrived: "arriv", arriving: "arriv",
    };
    for (const [word, stem] of Object.entries(cases)) expect(porterStem(word), word).toBe(stem);
  });
});

describe("the day a sentence names", () => {
  const day = (text: string, storyDate: string | null = null) => dayStated(tokenize(text), storyDate);

  it("reads a weekday, or the weekday a date falls on, taking the year from the date or the story", () => {
    expect(day("Kim's train stopped in Khasan early Tuesday.")).toBe("tuesday");
    expect(day("Kim had arrived early on September 12, 2023 at Khasan.")).toBe("tuesday");
    expect(day("Kim had arrived early on September 12 at Khasan.", "2023-09-13")).toBe("tuesday");
    expect(day("Fresh riots were reported on Saturday December 13 2008.")).toBe("saturday");
  });

  it("names no day when it has none, several, or a date it cannot place in a year", () => {
    expect(day("Kim's train stopped in Khasan.")).toBeNull();
    expect(day("Putin arrived on Monday for a forum that runs through Wednesday.")).toBeNull();
    expect(day("Kim had arrived early on September 12 at Khasan.")).toBeNull();
    expect(day("The report is dated February 30.", "2023-01-01")).toBeNull();
  });
});
