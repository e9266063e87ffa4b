import { describe, expect, it } from "vitest";
import { consolidate, describeDiscrepancy, type Discrepancy } from "@/lib/domain/facts";
import { story } from "./helpers";

/** Consolidates two one-sentence stories and returns the discrepancies of the cluster they form. */
function compare(a: string, b: string, extra: { dateA?: string; dateB?: string } = {}): Discrepancy[] {
  const x = story("a", [a], { agency: "AP", date: extra.dateA ?? null });
  const y = story("b", [b], { agency: "AFP", date: extra.dateB ?? null });
  const result = consolidate([x, y]);
  const cluster = result.clusters.find((c) => c.members.length === 2);
  expect(cluster, "the two sentences should state one fact").toBeDefined();
  return cluster!.discrepancies;
}

const label = (id: string) => (id === "a" ? "AP a" : "AFP b");

describe("discrepancies", () => {
  it("flags numbers that differ, naming the sources and spans", () => {
    const x = "The US has sent weapons to Ukraine in the past 17 months, officials said.";
    const y = "The US has sent weapons to Ukraine in the past 18 months, officials said.";
    const [d, ...rest] = compare(x, y);
    expect(rest).toEqual([]);
    expect(d!.kind).toBe("number");
    expect(d!.sides.map((s) => s.value)).toEqual(["17 month", "18 month"]);
    const [a, b] = d!.sides.map((s) => s.mentions[0]!);
    expect(a!.storyId).toBe("a");
    expect(x.slice(a!.spanStart, a!.spanEnd)).toBe("17 months");
    expect(y.slice(b!.spanStart, b!.spanEnd)).toBe("18 months");
    expect(describeDiscrepancy(d!, label)).toBe('number: "17 months" (AP a) vs "18 months" (AFP b)');
  });

  it("does not flag the same distance in other units or spellings", () => {
    expect(compare("Ussuriysk is about 60 kilometers (about 40 miles) north of Vladivostok, officials said.", "Ussuriysk is about 60 kilometres north of Vladivostok, officials said.")).toEqual([]);
    expect(compare("Ussuriysk lies some 60 km north of Vladivostok, the city council said on its website.", "Ussuriysk lies some 40 miles north of Vladivostok, the city council said on its website.")).toEqual([]);
  });

  it("flags weekdays that differ, and a date that falls on another weekday", () => {
    const [w] = compare("Kim boarded his personal train bound for Russia on Sunday afternoon, state media said.", "Kim boarded his personal train bound for Russia on Monday afternoon, state media said.");
    expect(w).toMatchObject({ kind: "weekday" });
    expect(w!.sides.map((s) => s.value)).toEqual(["sunday", "monday"]);
    const [d] = compare("Kremlin spokesman Dmitry Peskov on September 12 confirmed that Kim had entered Russia.", "Kremlin spokesman Dmitry Peskov on Monday confirmed that Kim had entered Russia.", { dateA: "2023-09-12" });
    expect(d).toMatchObject({ kind: "weekday" });
    expect(d!.sides.map((s) => s.value)).toEqual(["tuesday", "monday"]);
    expect(compare("Kremlin spokesman Dmitry Peskov on September 12 confirmed that Kim had entered Russia.", "Kremlin spokesman Dmitry Peskov on Tuesday confirmed that Kim had entered Russia.", { dateA: "2023-09-12" })).toEqual([]);
  });

  it("flags a different person, place or organisation, but not a spelling variant", () => {
    expect(compare("The delegation is led by Foreign Minister Choe Sun Hui, officials in Seoul said.", "The delegation is led by Foreign Minister Ri Son Gwon, officials in Seoul said.")).toMatchObject([{ kind: "person" }]);
    expect(compare("Kim's train stopped in Khasan early Tuesday, where a military band met it.", "Kim's train stopped in Tumangang early Tuesday, where a military band met it.")).toMatchObject([{ kind: "place" }]);
    expect(compare("The trip was first reported by the Korean Central News Agency on Sunday evening.", "The trip was first reported by the Rodong Sinmun newspaper on Sunday evening.")).toMatchObject([{ kind: "organisation" }]);
    expect(compare("Many had assumed Kim and Putin would meet in Vladivostok, a Russian city close to the border.", "Many had assumed Kim and Putin would meet in Vladisvostok, a Russian city close to the border.")).toEqual([]);
  });

  it("does not take two different endings that share only a preposition for two values of one name", () => {
    const opening = "Kim Jong Un arrived in Russia on Tuesday for talks with President Vladimir Putin";
    expect(compare(`${opening} that are expected to cover arms for the war in Ukraine.`, `${opening} amid escalating standoffs with the West.`)).toEqual([]);
  });

  it("flags who said it, and knows an agency by its initials", () => {
    const [d] = compare("Kim will visit Russia at the invitation of Putin, the Korean Central News Agency said on Monday.", "Kim will visit Russia at the invitation of Putin, the Yonhap news agency said on Monday.");
    expect(d).toMatchObject({ kind: "attribution" });
    expect(compare("Kim will visit Russia at the invitation of Putin, the Korean Central News Agency said on Monday.", "Kim will visit Russia at the invitation of Putin, KCNA said on Monday.")).toEqual([]);
  });
});

describe("offsets of a sentence repaired across a paragraph break", () => {
  it("map back into the story text", async () => {
    const { storyOffset } = await import("@/lib/domain/facts/discrepancies");
    const text = "It is an opportunity to refill\n\nammunition stores, 17 of them.";
    const sentence = { start: 0, end: text.length, text: "It is an opportunity to refill ammunition stores, 17 of them.", paragraph: 0, parts: [{ start: 0, end: 30 }, { start: 32, end: text.length }] };
    const at = sentence.text.indexOf("17");
    expect(text.slice(storyOffset(sentence, at), storyOffset(sentence, at + 2))).toBe("17");
    const am = sentence.text.indexOf("ammunition");
    expect(text.slice(storyOffset(sentence, am), storyOffset(sentence, am + 10))).toBe("ammunition");
  });
});
