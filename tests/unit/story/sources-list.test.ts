import { describe, expect, it } from "vitest";
import { markupText } from "@/lib/domain/http/html";
import { citeSources } from "@/lib/domain/story/citations";
import { publicDocument } from "@/lib/domain/story/public";
import { quotedFact, sourceListItem, sourceName, type TitledWire } from "@/lib/domain/story/sources-list";
import { makeDoc, makeFact, src } from "./support";

const wire = (id: string, agency: string | null, headline: string | null, title: string | null, date: string | null = "2023-09-12"): TitledWire => ({ id, agency, headline, title, date });

describe("sourceName", () => {
  it("names a wire by its agency, headline and date", () => {
    expect(sourceName(wire("ap", "AP", "Kim arrives in Russia", "Kim arrives in Russia"))).toBe("AP: Kim arrives in Russia, 2023-09-12");
    expect(sourceName(wire("ap", "AP", "Kim arrives in Russia", "Kim arrives in Russia", null))).toBe("AP: Kim arrives in Russia");
  });

  it("names a wire with no headline by its opening words, quoted, and a wire of no agency as Unattributed", () => {
    expect(sourceName(wire("anon", null, null, "Kim’s train rolled into Russia on Wednesday"))).toBe("Unattributed: “Kim’s train rolled into Russia on Wednesday”, 2023-09-12");
    expect(sourceName(wire("afp", "AFP", null, null, null))).toBe("AFP report");
    expect(sourceName(wire("anon", null, " ", " "))).toBe("Unattributed report, 2023-09-12");
  });
});

describe("sourceListItem", () => {
  const doc = publicDocument(
    makeDoc([
      [
        "p1",
        [
          makeFact("a", { text: "Kim arrived on Tuesday.", sources: [src("ap", 0, 5)], disputedBy: [{ ...src("anon", 0, 9), value: "Wednesday" }] }),
          makeFact("b", { text: "The site is 900 kilometers away.", sources: [src("ap", 10, 20), src("afp", 0, 5)], disputedBy: [{ ...src("afp", 9, 20), value: "1,200 kilometers" }, { ...src("afp", 9, 20), value: "750 miles" }] }),
        ],
      ],
    ]),
  );
  const wires = [wire("ap", "AP", "Kim arrives in Russia", "Kim arrives in Russia"), wire("afp", "AFP", "Kim in Russia", "Kim in Russia"), wire("anon", null, null, "Kim’s train rolled into Russia")];
  const { facts, sources } = citeSources(doc, wires);
  const factText = (number: number) => facts[number - 1]!.fact.text;
  const item = (number: number) => markupText(sourceListItem(sources[number - 1]!, factText));
  const plain = (markup: string) => markup.replace(/<span class="sr-only">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, "");

  it("writes the number as the facts' marks show it, then the wire and the facts it supports", () => {
    expect(plain(item(1))).toBe("[1] AP: Kim arrives in Russia, 2023-09-12 — supports “Kim arrived on Tuesday.” ↩, “The site is 900 kilometers away.” ↩\n");
    expect(item(1)).toMatch(/^<li id="source-1">\[1\] /);
  });

  it("says what a wire reported where the story says otherwise, in a line of its own", () => {
    expect(item(2)).toContain('<span class="reported">Reported “1,200 kilometers”, “750 miles” where the story says <a href="#fact-2" class="quote">“The site is 900 kilometers away.”');
    expect(plain(item(2))).toBe("[2] AFP: Kim in Russia, 2023-09-12 — supports “The site is 900 kilometers away.” ↩Reported “1,200 kilometers”, “750 miles” where the story says “The site is 900 kilometers away.” ↩\n");
  });

  it("quotes a fact that is itself a quotation without doubling the marks", () => {
    const quoted = (text: string) => plain(markupText(quotedFact(4, text)));
    expect(quoted("“Of course, there are no results.”")).toBe("“Of course, there are no results.” ↩");
    expect(quoted("“Having to travel across the length of his own country,” Miller said.")).toBe("“Having to travel across the length of his own country,” Miller said.” ↩");
  });

  it("leaves no dangling dash after a wire that only disputes, named by its opening words", () => {
    expect(plain(item(3))).toBe("[3] Unattributed: “Kim’s train rolled into Russia”, 2023-09-12Reported “Wednesday” where the story says “Kim arrived on Tuesday.” ↩\n");
    expect(item(3)).not.toContain("—");
  });
});
