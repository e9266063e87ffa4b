import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { consolidate, storyFromParsedWire, type Discrepancy, type Draft, type DraftFact } from "@/lib/domain/facts";
import { applyOperation, citedTexts, creditLine, documentFromDraft, documentProblems, factBadges, unsupportedMentions } from "@/lib/domain/story";
import type { StoryDocument, WireSourceInfo } from "@/lib/domain/story/types";
import { parseWire } from "@/lib/domain/wire";
import { seedFiles } from "../../../scripts/lib/shared-folder";
import { expectAppError, src } from "./support";

function counter(prefix = "id") {
  let n = 0;
  return { newId: () => `${prefix}${++n}` };
}

const monthsDiscrepancy: Discrepancy = {
  kind: "number",
  sides: [
    { value: "17 month", mentions: [{ storyId: "ap", sentence: 3, start: 100, end: 160, spanStart: 120, spanEnd: 129, text: "17 months" }] },
    {
      value: "18 month",
      mentions: [
        { storyId: "afp", sentence: 5, start: 200, end: 270, spanStart: 230, spanEnd: 238, text: "18-month" },
        { storyId: "afp2", sentence: 4, start: 50, end: 90, spanStart: 60, spanEnd: 69, text: "18 months" },
      ],
    },
  ],
};

function draftFact(clusterId: string, text: string, sources: Array<[string, number, number]>, discrepancies: Discrepancy[] = []): DraftFact {
  const refs = sources.map(([storyId, start, end], sentence) => ({ storyId, sentence, start, end }));
  return { clusterId, text, sources: refs, disputedBy: [], wordingFrom: refs[0]!, singleSource: new Set(sources.map((s) => s[0])).size === 1, discrepancies };
}

const DRAFT: Draft = {
  headline: "Kim arrives in Russia",
  lede: null,
  paragraphs: [
    [draftFact("f1", "Kim arrived in Russia on Tuesday.", [["ap", 0, 40], ["afp", 0, 52], ["ap", 0, 40]])],
    [
      draftFact("f2", "The war has lasted 17 months.", [["ap", 100, 160], ["afp", 200, 270]], [monthsDiscrepancy, monthsDiscrepancy]),
      draftFact("f3", "   ", [["ap", 300, 340]]),
    ],
    [],
    [draftFact("f4", "His final destination is uncertain.", [["rfe", 10, 45]])],
  ],
  creditLine: "Compiled from AP, AFP and RFE/RL reports",
  leftOut: [],
};

describe("documentFromDraft", () => {
  it("maps paragraphs, facts, sources and discrepancies, with ids from the generator", () => {
    const doc = documentFromDraft(DRAFT, counter(), { label: (id) => id.toUpperCase(), dateline: "SEOUL" });
    expect(documentProblems(doc)).toEqual([]);
    expect(doc).toMatchObject({ headline: "Kim arrives in Russia", standfirst: "", dateline: "SEOUL", metaVersion: 1 });
    // Empty paragraphs and blank facts are dropped; the same source twice is kept once.
    expect(doc.paragraphs.map((p) => p.facts.map((f) => f.text))).toEqual([
      ["Kim arrived in Russia on Tuesday."],
      ["The war has lasted 17 months."],
      ["His final destination is uncertain."],
    ]);
    const [lede, war] = [doc.paragraphs[0]!.facts[0]!, doc.paragraphs[1]!.facts[0]!];
    expect(lede).toEqual({ id: "id2", text: "Kim arrived in Russia on Tuesday.", sources: [src("ap", 0, 40), src("afp", 0, 52)], ownReportingNote: null, discrepancies: [], version: 1 });
    expect(doc.paragraphs[0]!.id).toBe("id1");
    // The same disagreement reported twice (an absorbed fact) is one discrepancy.
    expect(war.discrepancies).toEqual([
      {
        id: "id5",
        kind: "number",
        detail: "number: “17 months” (AP) vs “18-month / 18 months” (AFP, AFP2)",
        sides: [
          { value: "17 months", sources: [src("ap", 100, 160)], stated: ["17 months"] },
          // The side's wordings joined, and each source's own, so a wire is quoted as it wrote it.
          { value: "18-month / 18 months", sources: [src("afp", 200, 270), src("afp2", 50, 90)], stated: ["18-month", "18 months"] },
        ],
        resolution: null,
      },
    ]);
    expect(factBadges(war)).toEqual({ singleSourced: false, disputed: true, ownReporting: false });
  });

  it("maps engine story ids to wire story ids when they differ", () => {
    const doc = documentFromDraft(DRAFT, counter(), { wireStoryId: (id) => `wire-${id}` });
    expect(doc.paragraphs[2]!.facts[0]!.sources).toEqual([src("wire-rfe", 10, 45)]);
    expect(doc.paragraphs[1]!.facts[0]!.discrepancies[0]!.sides[0]!.sources).toEqual([src("wire-ap", 100, 160)]);
  });

  it("refuses an id generator that repeats itself", () => {
    expectAppError(() => documentFromDraft(DRAFT, { newId: () => "same" }), "INVALID_INPUT");
  });

  it("is editable: facts start at version 1", () => {
    const doc = documentFromDraft(DRAFT, counter());
    const fact = doc.paragraphs[0]!.facts[0]!;
    expect(applyOperation(doc, { type: "editText", factId: fact.id, baseVersion: 1, text: "Kim reached Russia on Tuesday." }).doc.paragraphs[0]!.facts[0]!.version).toBe(2);
  });
});

describe("documentFromDraft on the five seed stories", () => {
  const files = seedFiles();
  let wires: WireSourceInfo[] = [];
  let draft: Draft;
  let doc: StoryDocument;
  let texts = new Map<string, string>();

  // Parsing and consolidating five real stories takes a second or two; allow for a loaded machine.
  beforeAll(() => {
    const parsed = files.map((file) => ({ id: path.basename(file).slice(0, 3), parsed: parseWire({ bytes: new Uint8Array(readFileSync(file)), filename: path.basename(file) }) }));
    wires = parsed.map(({ id, parsed: p }) => ({ id, agency: p.agency, headline: p.headline, date: p.date }));
    draft = consolidate(parsed.map(({ id, parsed: p }) => storyFromParsedWire(id, p))).draft;
    doc = documentFromDraft(draft, counter("s"), { label: (id) => wires.find((w) => w.id === id)?.agency ?? id });
    texts = new Map(parsed.map(({ id, parsed: p }) => [id, p.text]));
  }, 60_000);

  it("gives a valid document with every draft fact, in the draft's order", () => {
    expect(files).toHaveLength(5);
    expect(documentProblems(doc)).toEqual([]);
    expect(doc.headline).toBe(draft.headline);
    expect(doc.paragraphs.flatMap((p) => p.facts.map((f) => f.text))).toEqual(draft.paragraphs.flat().map((f) => f.text));
  });

  it("points every source at a sentence of its wire story", () => {
    for (const fact of doc.paragraphs.flatMap((p) => p.facts)) {
      for (const s of fact.sources) {
        const text = texts.get(s.wireStoryId)!;
        expect(s.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(s.start, s.end).trim()).not.toBe("");
      }
    }
  });

  it("has nothing 'not in sources': each draft fact is worded as one of its sources says it", () => {
    for (const fact of doc.paragraphs.flatMap((p) => p.facts)) {
      expect(unsupportedMentions(fact.text, citedTexts(fact.sources, (id) => texts.get(id)))).toEqual([]);
    }
  });

  it("flags what an edit adds that the fact's sources don't say", () => {
    const fact = doc.paragraphs[0]!.facts[0]!;
    const edited = applyOperation(doc, { type: "editText", factId: fact.id, baseVersion: 1, text: `${fact.text} Defence Minister Sergei Shoigu met him 18 hours later.` });
    const after = edited.doc.paragraphs[0]!.facts[0]!;
    const flagged = unsupportedMentions(after.text, citedTexts(after.sources, (id) => texts.get(id))).map((m) => m.text);
    expect(flagged).toEqual(["Defence Minister Sergei Shoigu", "18 hours"]);
  });

  it("credits the agencies the facts cite, in order of first use, and other reports when facts rest on wires of no agency", () => {
    // 001 and 004 are rewrites without an agency; 000 and 002 are AP, 003 is AFP: as the engine's draft credits them.
    expect(creditLine(doc, wires)).toBe("Compiled from AP, AFP and other reports");
  });
});

describe("documentFromDraft: disputing sources", () => {
  it("carries the wires that dispute a fact apart from its sources, with the value each states", () => {
    const fact = draftFact("f1", "About 900 people were evacuated on Tuesday.", [["ap", 0, 44]]);
    const disputed: DraftFact = {
      ...fact,
      disputedBy: [
        { storyId: "afp", sentence: 0, start: 0, end: 47, kind: "number", value: "1,200 people", factValue: "900 people" },
        { storyId: "afp", sentence: 0, start: 0, end: 47, kind: "weekday", value: "Wednesday", factValue: "Tuesday" },
        { storyId: "afp", sentence: 0, start: 0, end: 47, kind: "weekday", value: "Wednesday", factValue: "Tuesday" },
      ],
    };
    const doc = documentFromDraft({ ...DRAFT, paragraphs: [[disputed], [draftFact("f2", "Kim left.", [["ap", 50, 60]])]] }, counter(), { wireStoryId: (id) => `wire-${id}` });
    expect(documentProblems(doc)).toEqual([]);
    const [first, second] = doc.paragraphs.map((p) => p.facts[0]!);
    expect(first!.sources).toEqual([{ wireStoryId: "wire-ap", start: 0, end: 44 }]);
    expect(first!.disputedBy).toEqual([
      { wireStoryId: "wire-afp", start: 0, end: 47, value: "1,200 people" },
      { wireStoryId: "wire-afp", start: 0, end: 47, value: "Wednesday" },
    ]);
    // A fact nobody disputes keeps its plain shape.
    expect(second).not.toHaveProperty("disputedBy");
  });
});
