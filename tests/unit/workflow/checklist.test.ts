import { describe, expect, it } from "vitest";
import { canPublish, PUBLISH_CHECKS, publishChecklist, type PublishCheckId, type PublishChecklistInput } from "@/lib/domain/workflow";
import type { FactDiscrepancy } from "@/lib/domain/story/types";
import { document, editor, editor2, fact, writer } from "./support";

const openDiscrepancy: FactDiscrepancy = {
  id: "d1",
  kind: "number",
  detail: `number: "17 months" (AP) vs "18 months" (AFP)`,
  sides: [
    { value: "17 months", sources: [{ wireStoryId: "ap-1", start: 0, end: 10 }] },
    { value: "18 months", sources: [{ wireStoryId: "afp-1", start: 0, end: 10 }] },
  ],
  resolution: null,
};

/** Everything in order: every check passes. */
function passing(): PublishChecklistInput {
  return {
    document: document([
      fact("f1"),
      fact("f2", { sources: [], ownReportingNote: "Phoned the ministry." }),
      fact("f3", { discrepancies: [{ ...openDiscrepancy, resolution: { chosenSide: 0, note: null, resolvedBy: editor.id, resolvedAt: "2024-05-01T10:00:00Z" } }] }),
    ]),
    comments: [
      { id: "c1", blocking: false, resolved: false },
      { id: "c2", blocking: true, resolved: true },
    ],
    approvals: [{ reviewerId: editor.id, contentVersion: 4 }],
    requiredApprovals: 1,
    contentVersion: 4,
    creditLine: "By A. Writer and B. Reporter",
    withdrawnFactIds: [],
    ownerId: writer.id,
    editorIds: [writer.id],
  };
}

const failing = (input: PublishChecklistInput) => publishChecklist(input).filter((c) => !c.passed).map((c) => c.id);

describe("publishChecklist", () => {
  it("lists the six checks, in order, all passing", () => {
    const checklist = publishChecklist(passing());
    expect(checklist.map((c) => c.id)).toEqual(PUBLISH_CHECKS.map((c) => c.id));
    expect(checklist.every((c) => c.passed)).toBe(true);
    expect(checklist.map((c) => c.detail)).toEqual([
      "All 3 facts sourced.",
      "No unresolved discrepancy.",
      "No fact rests only on a withdrawn wire version.",
      "No open blocking comment.",
      "1 of 1 required approval on this revision.",
      "Headline and credit line present.",
    ]);
    expect(canPublish(checklist)).toBe(true);
  });

  // Each case breaks exactly one thing; only its check may fail.
  const cases: [PublishCheckId, string, (input: PublishChecklistInput) => PublishChecklistInput, string, string[]][] = [
    [
      "sources",
      "a fact without a source or own-reporting note",
      (i) => ({ ...i, document: document([fact("f1"), fact("bare", { sources: [] })]) }),
      "1 of 2 facts has neither a source nor an own-reporting note.",
      ["bare"],
    ],
    [
      "sources",
      "an own-reporting note that is only whitespace",
      (i) => ({ ...i, document: document([fact("f1", { sources: [], ownReportingNote: "  " })]) }),
      "1 of 1 fact has neither a source nor an own-reporting note.",
      ["f1"],
    ],
    [
      "withdrawn-sources",
      "a fact whose every source the agency has withdrawn",
      (i) => ({ ...i, withdrawnFactIds: ["f1", "gone"] }),
      "1 fact rests only on wire versions the agency has since corrected, withheld or killed: update, re-attach or detach its source.",
      ["f1"],
    ],
    [
      "discrepancies",
      "an unresolved discrepancy",
      (i) => ({ ...i, document: document([fact("f1", { discrepancies: [openDiscrepancy] }), fact("f2")]) }),
      "1 unresolved discrepancy in 1 fact.",
      ["d1"],
    ],
    [
      "blocking-comments",
      "an open blocking comment",
      (i) => ({ ...i, comments: [...i.comments, { id: "c3", blocking: true, resolved: false }] }),
      "1 blocking comment still open.",
      ["c3"],
    ],
    [
      "approvals",
      "no approval",
      (i) => ({ ...i, approvals: [] }),
      "0 of 1 required approval on this revision.",
      [],
    ],
    [
      "approvals",
      "an approval of earlier content only",
      (i) => ({ ...i, contentVersion: 5 }),
      "0 of 1 required approval on this revision; approvals of earlier content don't count.",
      [],
    ],
    [
      "approvals",
      "one reviewer where two are required, approving twice",
      (i) => ({ ...i, requiredApprovals: 2, approvals: [...i.approvals, { reviewerId: editor.id, contentVersion: 4 }] }),
      "1 of 2 required approvals on this revision.",
      [editor.id],
    ],
    [
      "approvals",
      "an approval by someone who edited the revision",
      (i) => ({ ...i, editorIds: [writer.id, editor.id] }),
      "0 of 1 required approval on this revision.",
      [],
    ],
    [
      "approvals",
      "an invalid required approvals setting",
      (i) => ({ ...i, requiredApprovals: 0 }),
      "The required approvals setting (0) is not a whole number of at least 1.",
      [],
    ],
    [
      "headline-credit",
      "a blank headline",
      (i) => ({ ...i, document: { ...i.document, headline: "  " } }),
      "Headline missing.",
      [],
    ],
    ["headline-credit", "no credit line", (i) => ({ ...i, creditLine: null }), "Credit line missing.", []],
    [
      "headline-credit",
      "neither",
      (i) => ({ ...i, creditLine: "", document: { ...i.document, headline: "" } }),
      "Headline and credit line missing.",
      [],
    ],
  ];

  for (const [id, what, breakIt, detail, refs] of cases) {
    it(`fails only "${id}" on ${what}`, () => {
      const input = breakIt(passing());
      expect(failing(input)).toEqual([id]);
      const check = publishChecklist(input).find((c) => c.id === id);
      expect(check?.detail).toBe(detail);
      expect(check?.refs).toEqual(refs);
      expect(canPublish(publishChecklist(input))).toBe(false);
    });
  }

  it("passes with two distinct reviewers where two are required", () => {
    const input = { ...passing(), requiredApprovals: 2, approvals: [{ reviewerId: editor.id, contentVersion: 4 }, { reviewerId: editor2.id, contentVersion: 4 }] };
    const check = publishChecklist(input).find((c) => c.id === "approvals");
    expect(check).toMatchObject({ passed: true, detail: "2 of 2 required approvals on this revision.", refs: [editor.id, editor2.id] });
  });

  it("counts every open discrepancy and every unsourced fact", () => {
    const input = {
      ...passing(),
      document: document([
        fact("a", { sources: [], discrepancies: [openDiscrepancy, { ...openDiscrepancy, id: "d2" }] }),
        fact("b", { sources: [], discrepancies: [{ ...openDiscrepancy, id: "d3" }] }),
      ]),
    };
    const [sources, discrepancies] = publishChecklist(input);
    expect(sources).toMatchObject({ passed: false, detail: "2 of 2 facts have neither a source nor an own-reporting note.", refs: ["a", "b"] });
    expect(discrepancies).toMatchObject({ passed: false, detail: "3 unresolved discrepancies in 2 facts.", refs: ["d1", "d2", "d3"] });
  });
});

describe("canPublish", () => {
  it("refuses a checklist missing any check, even if the rest pass", () => {
    const checklist = publishChecklist(passing());
    for (const id of PUBLISH_CHECKS.map((c) => c.id)) {
      expect(canPublish(checklist.filter((c) => c.id !== id))).toBe(false);
    }
    expect(canPublish([])).toBe(false);
  });
});
