import { describe, expect, it } from "vitest";
import { creditLine } from "@/lib/domain/story/credit";
import { publicDocument } from "@/lib/domain/story/public";
import { makeDiscrepancy, makeDoc, makeFact, src } from "./support";

describe("publicDocument", () => {
  const doc = makeDoc([
    [
      "p1",
      [
        makeFact("a", { sources: [src("ap", 0, 10)], discrepancies: [makeDiscrepancy("d1", { resolution: { chosenSide: 0, note: "Called AP.", resolvedBy: "u1", resolvedAt: "2026-01-01T00:00:00Z" } })] }),
        makeFact("b", { sources: [], ownReportingNote: "Our source at the ministry, do not name." }),
        makeFact("c", { sources: [src("afp", 5, 20)], ownReportingNote: "Also seen by our photographer." }),
      ],
    ],
    ["p2", []],
  ]);

  it("keeps the words, the sources and whether a fact is own reporting", () => {
    expect(publicDocument(doc)).toEqual({
      headline: doc.headline,
      standfirst: doc.standfirst,
      dateline: doc.dateline,
      paragraphs: [
        {
          id: "p1",
          facts: [
            { id: "a", text: "Fact a.", sources: [src("ap", 0, 10)], ownReporting: false },
            { id: "b", text: "Fact b.", sources: [], ownReporting: true },
            { id: "c", text: "Fact c.", sources: [src("afp", 5, 20)], ownReporting: true },
          ],
        },
        { id: "p2", facts: [] },
      ],
    });
  });

  it("leaves out every internal note, the discrepancies and their resolution, and versions", () => {
    const json = JSON.stringify(publicDocument(doc));
    for (const internal of ["do not name", "photographer", "Called AP", "ownReportingNote", "discrepancies", "resolvedBy", "version"]) {
      expect(json.includes(internal), internal).toBe(false);
    }
  });

  it("takes only the known fields of a source, even if a stored one carries more", () => {
    const extra = { ...src("ap", 0, 10), reviewerNote: "internal" };
    const out = publicDocument(makeDoc([["p", [makeFact("a", { sources: [extra] })]]]));
    expect(out.paragraphs[0]!.facts[0]!.sources).toEqual([src("ap", 0, 10)]);
  });

  it("tells which wires reported another value, apart from the sources, with only the known fields", () => {
    const disputed = makeFact("a", { sources: [src("ap", 0, 10)], disputedBy: [{ ...src("afp", 0, 12), value: "1,200 kilometers", reviewerNote: "internal" } as never] });
    const out = publicDocument(makeDoc([["p", [disputed]]])).paragraphs[0]!.facts[0]!;
    expect(out.sources).toEqual([src("ap", 0, 10)]);
    expect(out.disputedBy).toEqual([{ ...src("afp", 0, 12), value: "1,200 kilometers" }]);
  });

  it("is credited like the story it comes from", () => {
    const wires = [
      { id: "ap", agency: "AP", headline: null, date: null },
      { id: "afp", agency: "AFP", headline: null, date: null },
    ];
    expect(creditLine(publicDocument(doc), wires)).toBe(creditLine(doc, wires));
  });
});
