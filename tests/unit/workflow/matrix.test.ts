/**
 * Every transition from every state by every kind of actor, with the expected outcome written
 * out. All other conditions are met (notes given, approvals in, checklist passing, the actor
 * did not edit the revision), so each cell shows what the role and the state alone decide.
 */
import { describe, expect, it } from "vitest";
import { REVISION_STATES, TRANSITION_NAMES, decideTransition, publishChecklist, type RevisionState, type TransitionName } from "@/lib/domain/workflow";
import type { Role } from "@/lib/domain/policy";
import type { StoryDocument } from "@/lib/domain/story/types";

// Cells: the state the revision ends in (new:STATE when a new revision is created instead),
// 403 refused by the policy (FORBIDDEN), 409 refused by the state (CONFLICT).
// Actors: writer-own is the writer who owns the revision; everyone else does not own it.
const MATRIX = `
transition      actor         DRAFT      IN_REVIEW          CHANGES_REQUESTED  APPROVED   PUBLISHED    UNPUBLISHED  SUPERSEDED
submit          writer-own    IN_REVIEW  409                409                409        409          409          409
submit          writer-other  403        403                403                403        403          403          403
submit          editor        IN_REVIEW  409                409                409        409          409          409
submit          publisher     IN_REVIEW  409                409                409        409          409          409
submit          admin         IN_REVIEW  409                409                409        409          409          409

resubmit        writer-own    409        409                IN_REVIEW          409        409          409          409
resubmit        writer-other  403        403                403                403        403          403          403
resubmit        editor        409        409                IN_REVIEW          409        409          409          409
resubmit        publisher     409        409                IN_REVIEW          409        409          409          409
resubmit        admin         409        409                IN_REVIEW          409        409          409          409

requestChanges  writer-own    403        403                403                403        403          403          403
requestChanges  writer-other  403        403                403                403        403          403          403
requestChanges  editor        409        CHANGES_REQUESTED  409                CHANGES_REQUESTED  409  409          409
requestChanges  publisher     409        CHANGES_REQUESTED  409                CHANGES_REQUESTED  409  409          409
requestChanges  admin         409        CHANGES_REQUESTED  409                CHANGES_REQUESTED  409  409          409

approve         writer-own    403        403                403                403        403          403          403
approve         writer-other  403        403                403                403        403          403          403
approve         editor        409        APPROVED           409                APPROVED   409          409          409
approve         publisher     409        APPROVED           409                APPROVED   409          409          409
approve         admin         409        APPROVED           409                APPROVED   409          409          409

publish         writer-own    403        403                403                403        403          403          403
publish         writer-other  403        403                403                403        403          403          403
publish         editor        403        403                403                403        403          403          403
publish         publisher     409        409                409                PUBLISHED  409          409          409
publish         admin         409        409                409                PUBLISHED  409          409          409

unpublish       writer-own    403        403                403                403        403          403          403
unpublish       writer-other  403        403                403                403        403          403          403
unpublish       editor        403        403                403                403        403          403          403
unpublish       publisher     409        409                409                409        UNPUBLISHED  409          409
unpublish       admin         409        409                409                409        UNPUBLISHED  409          409

supersede       writer-own    403        403                403                403        403          403          403
supersede       writer-other  403        403                403                403        403          403          403
supersede       editor        403        403                403                403        403          403          403
supersede       publisher     409        409                409                409        SUPERSEDED   409          409
supersede       admin         409        409                409                409        SUPERSEDED   409          409

startRevision   writer-own    409        409                409                409        new:DRAFT    new:DRAFT    409
startRevision   writer-other  403        403                403                403        403          403          403
startRevision   editor        409        409                409                409        new:DRAFT    new:DRAFT    409
startRevision   publisher     409        409                409                409        new:DRAFT    new:DRAFT    409
startRevision   admin         409        409                409                409        new:DRAFT    new:DRAFT    409

correct         writer-own    403        403                403                403        403          403          403
correct         writer-other  403        403                403                403        403          403          403
correct         editor        403        403                403                403        403          403          403
correct         publisher     409        409                409                409        new:DRAFT    409          409
correct         admin         409        409                409                409        new:DRAFT    409          409

edit            writer-own    DRAFT      IN_REVIEW          CHANGES_REQUESTED  IN_REVIEW  409          409          409
edit            writer-other  403        403                403                403        403          403          403
edit            editor        DRAFT      IN_REVIEW          CHANGES_REQUESTED  IN_REVIEW  409          409          409
edit            publisher     DRAFT      IN_REVIEW          CHANGES_REQUESTED  IN_REVIEW  409          409          409
edit            admin         DRAFT      IN_REVIEW          CHANGES_REQUESTED  IN_REVIEW  409          409          409
`;

const ACTORS: Record<string, { id: string; role: Role }> = {
  "writer-own": { id: "owner", role: "WRITER" },
  "writer-other": { id: "writer-2", role: "WRITER" },
  editor: { id: "editor-1", role: "EDITOR" },
  publisher: { id: "publisher-1", role: "PUBLISHER" },
  admin: { id: "admin-1", role: "ADMIN" },
};

const DOCUMENT: StoryDocument = {
  headline: "Kim arrives in Russia",
  standfirst: "",
  dateline: null,
  metaVersion: 1,
  paragraphs: [{ id: "p1", facts: [{ id: "f1", text: "Kim arrived.", sources: [{ wireStoryId: "w", start: 0, end: 12 }], ownReportingNote: null, discrepancies: [], version: 1 }] }],
};

interface Row {
  transition: TransitionName;
  actor: string;
  cells: Record<RevisionState, string>;
}

function parseMatrix(text: string): Row[] {
  const lines = text.trim().split("\n").filter((line) => line.trim() !== "");
  const [header, ...rows] = lines.map((line) => line.trim().split(/\s+/));
  expect(header?.slice(2)).toEqual([...REVISION_STATES]);
  return rows.map((cols) => {
    const [transition, actor, ...cells] = cols;
    expect(cells).toHaveLength(REVISION_STATES.length);
    return {
      transition: transition as TransitionName,
      actor: actor ?? "",
      cells: Object.fromEntries(REVISION_STATES.map((s, i) => [s, cells[i]])) as Record<RevisionState, string>,
    };
  });
}

const ROWS = parseMatrix(MATRIX);

describe("state × transition × actor", () => {
  it("covers every transition for every actor exactly once", () => {
    const keys = ROWS.map((r) => `${r.transition}/${r.actor}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(TRANSITION_NAMES.flatMap((t) => Object.keys(ACTORS).map((a) => `${t}/${a}`)).sort());
  });

  for (const row of ROWS) {
    for (const state of REVISION_STATES) {
      const expected = row.cells[state];
      it(`${row.transition} by ${row.actor} from ${state} → ${expected}`, () => {
        const actor = ACTORS[row.actor];
        if (!actor) throw new Error(`unknown actor ${row.actor}`);
        const approvals = [{ reviewerId: "reviewer-0", contentVersion: 3 }];
        const decision = decideTransition({
          actor,
          transition: row.transition,
          revision: { state, ownerId: "owner", contentVersion: 3, editorIds: ["owner"] },
          approvals,
          requiredApprovals: 1,
          note: "A reason, given.",
          checklist: publishChecklist({
            document: DOCUMENT,
            comments: [],
            withdrawnFactIds: [],
            approvals,
            requiredApprovals: 1,
            contentVersion: 3,
            creditLine: "By A. Writer",
          }),
        });
        if (expected === "403" || expected === "409") {
          expect(decision).toMatchObject({ ok: false, code: expected === "403" ? "FORBIDDEN" : "CONFLICT" });
        } else {
          const creates = expected.startsWith("new:");
          expect(decision).toMatchObject({ ok: true, nextState: expected.replace("new:", ""), createsRevision: creates });
        }
      });
    }
  }
});
