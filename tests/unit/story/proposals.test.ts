import { describe, expect, it } from "vitest";
import { applyOperation, buildAcceptProposal, factBadges, type StoryOperation } from "@/lib/domain/story";
import { proposalsFor, type ProposalWire } from "@/lib/domain/story/proposals";
import type { StoryDocument } from "@/lib/domain/story/types";

function counter() {
  let n = 0;
  return () => `new${++n}`;
}

function wire(id: string, agency: string, texts: string[]): ProposalWire {
  let at = 0;
  return {
    id,
    agency,
    headline: null,
    date: null,
    sentences: texts.map((text, paragraph) => {
      const start = at;
      at += text.length + 2;
      return { start, end: start + text.length, text, paragraph };
    }),
  };
}

const ap = wire("ap", "AP", [
  "North Korean leader Kim Jong Un arrived in Russia on an armored train on Tuesday.",
  "He is expected to meet President Vladimir Putin in Vladivostok this week.",
]);
const afp = wire("afp", "AFP", [
  "Kim Jong Un arrived in Russia aboard his armoured train on Tuesday, state media said.",
  "The spaceport at Vostochny has been mentioned as a possible venue for the talks.",
  "Kim is expected to meet Russian President Vladimir Putin in Vladivostok this week.",
]);

const doc: StoryDocument = {
  headline: "Kim arrives in Russia",
  standfirst: "",
  dateline: null,
  metaVersion: 1,
  paragraphs: [
    { id: "p1", facts: [{ id: "f1", text: ap.sentences[0]!.text, sources: [{ wireStoryId: "ap", start: ap.sentences[0]!.start, end: ap.sentences[0]!.end }], ownReportingNote: null, discrepancies: [], version: 1 }] },
    { id: "p2", facts: [{ id: "f2", text: ap.sentences[1]!.text, sources: [{ wireStoryId: "ap", start: ap.sentences[1]!.start, end: ap.sentences[1]!.end }], ownReportingNote: null, discrepancies: [], version: 1 }] },
  ],
};

/** Resolves the first fact's first discrepancy by choosing the disputing wire's side (the second); answers the fact. */
function chooseWiresValue(d: StoryDocument) {
  const fact = d.paragraphs[0]!.facts[0]!;
  const op: StoryOperation = { type: "resolveDiscrepancy", factId: fact.id, baseVersion: fact.version, discrepancyId: fact.discrepancies[0]!.id, chosenSide: 1, note: null, by: "editor", at: "2026-12-07T12:00:00.000Z" };
  return applyOperation(d, op).doc.paragraphs[0]!.facts[0]!;
}

describe("proposals for a wire added to a story", () => {
  it("proposes corroborating the facts the new wire repeats and adding the one it alone has, after the right fact", () => {
    const proposals = proposalsFor(doc, [ap, afp]);
    const corroborations = proposals.filter((p) => p.kind === "corroborate");
    expect(corroborations.map((p) => (p.kind === "corroborate" ? [p.factId, p.source.start] : null))).toEqual([
      ["f1", afp.sentences[0]!.start],
      ["f2", afp.sentences[2]!.start],
    ]);
    const additions = proposals.filter((p) => p.kind === "add");
    expect(additions).toHaveLength(1);
    expect(additions[0]).toMatchObject({ kind: "add", afterFactId: "f1", paragraphId: "p1", text: afp.sentences[1]!.text });
  });

  it("proposes nothing for sentences already cited or dismissed", () => {
    const dismissed = new Set(afp.sentences.map((s) => `afp:${s.start}:${s.end}`));
    expect(proposalsFor(doc, [ap, afp], dismissed)).toEqual([]);
    expect(proposalsFor(doc, [ap])).toEqual([]);
  });

  it("never proposes a sentence that states another value as a source of the fact: it proposes marking the fact disputed by it", () => {
    const disputing = wire("rt", "Reuters", ["North Korean leader Kim Jong Un arrived in Russia on an armored train on Wednesday."]);
    const proposals = proposalsFor(doc, [ap, disputing]);
    const apSource = doc.paragraphs[0]!.facts[0]!.sources[0]!;
    const rtSource = { wireStoryId: "rt", start: 0, end: disputing.sentences[0]!.end };
    // One proposal, on the fact it disputes, quoting the wire's value; no corroboration, no new fact.
    expect(proposals).toEqual([
      {
        kind: "dispute",
        id: expect.any(String),
        factId: "f1",
        text: disputing.sentences[0]!.text,
        source: { ...rtSource, value: "Wednesday" },
        discrepancies: [
          {
            kind: "weekday",
            detail: expect.stringContaining("Wednesday"),
            sides: [
              { value: "Tuesday", sources: [apSource], stated: ["Tuesday"] },
              { value: "Wednesday", sources: [rtSource], stated: ["Wednesday"] },
            ],
          },
        ],
      },
    ]);
    // Accepted, the fact keeps its text and sources, lists the wire as disputing it, and shows the
    // open disagreement (so publication waits for it); one undo takes it all back.
    const { ops } = buildAcceptProposal(doc, proposals[0]!, null, counter()) as { ops: StoryOperation[] };
    expect(ops).toHaveLength(1);
    const applied = applyOperation(doc, ops[0]!);
    const fact = applied.doc.paragraphs[0]!.facts[0]!;
    expect(applied.doc.paragraphs[0]!.facts).toHaveLength(1);
    expect(fact).toMatchObject({ id: "f1", text: doc.paragraphs[0]!.facts[0]!.text, sources: [apSource], disputedBy: [{ ...rtSource, value: "Wednesday" }] });
    expect(fact.discrepancies).toEqual([expect.objectContaining({ id: expect.any(String), kind: "weekday", resolution: null })]);
    expect(factBadges(fact)).toMatchObject({ disputed: true });
    // Once recorded, the sentence is accounted for: it is not proposed again.
    expect(proposalsFor(applied.doc, [ap, disputing])).toEqual([]);
    const undone = applyOperation(applied.doc, applied.inverse[0]!).doc.paragraphs[0]!.facts[0]!;
    expect(undone).toMatchObject({ text: fact.text, sources: [apSource], discrepancies: [] });
    expect(undone.disputedBy ?? []).toEqual([]);
    // Choosing the wire's value rewrites the fact and swaps the sourcing, as for a drafted dispute.
    const chosen = chooseWiresValue(applied.doc);
    expect(chosen.text).toContain("on Wednesday");
    expect(chosen.sources).toEqual([rtSource]);
    expect(chosen.disputedBy).toEqual([{ ...apSource, value: "Tuesday" }]);
  });

  it("puts on the fact's side only the sources that state the value in dispute; a silent one stays a source whatever is chosen", () => {
    const silent = wire("kcna", "KCNA", ["Kim Jong Un is to visit Russia at the invitation of President Vladimir Putin, state media said."]);
    const apSource = doc.paragraphs[0]!.facts[0]!.sources[0]!;
    const silentSource = { wireStoryId: "kcna", start: 0, end: silent.sentences[0]!.end };
    const twoSources: StoryDocument = {
      ...doc,
      paragraphs: [{ id: "p1", facts: [{ ...doc.paragraphs[0]!.facts[0]!, sources: [apSource, silentSource] }] }, doc.paragraphs[1]!],
    };
    const disputing = wire("rt", "Reuters", ["North Korean leader Kim Jong Un arrived in Russia on an armored train on Wednesday."]);
    const rtSource = { wireStoryId: "rt", start: 0, end: disputing.sentences[0]!.end };
    const [proposal] = proposalsFor(twoSources, [disputing], new Set(), [ap, silent, disputing]);
    expect(proposal).toMatchObject({
      kind: "dispute",
      discrepancies: [{ sides: [{ value: "Tuesday", sources: [apSource], stated: ["Tuesday"] }, { value: "Wednesday", sources: [rtSource] }] }],
    });
    const { ops } = buildAcceptProposal(twoSources, proposal!, null, counter()) as { ops: StoryOperation[] };
    const chosen = chooseWiresValue(applyOperation(twoSources, ops[0]!).doc);
    expect(chosen.sources).toEqual([silentSource, rtSource]);
    expect(chosen.disputedBy).toEqual([{ ...apSource, value: "Tuesday" }]);
  });

  it("places a new fact no earlier sentence of its wire anchors at the start of the story", () => {
    const opening = wire("rt", "Reuters", ["Russia's Defence Minister Sergei Shoigu will attend the talks, the Kremlin said.", ap.sentences[1]!.text]);
    const additions = proposalsFor(doc, [ap, opening]).filter((p) => p.kind === "add");
    expect(additions).toEqual([expect.objectContaining({ paragraphId: "p1", afterFactId: null, text: opening.sentences[0]!.text })]);
  });
});
