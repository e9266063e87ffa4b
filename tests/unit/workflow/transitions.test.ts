import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import {
  assertTransition,
  availableTransitions,
  decideTransition,
  isEditable,
  REVISION_STATES,
  stateAfterEdit,
  type Approval,
  type RevisionFacts,
  type RevisionState,
  type TransitionName,
} from "@/lib/domain/workflow";
import { admin, editor, editor2, publisher, request, revision, writer } from "./support";

/** The request is allowed and leads to `nextState`. */
function expectNext(req: ReturnType<typeof request>, nextState: RevisionState): void {
  expect(decideTransition(req)).toMatchObject({ ok: true, nextState });
}

/** The request is refused with `code`. */
function expectRefused(req: ReturnType<typeof request>, code: string): void {
  expect(decideTransition(req)).toMatchObject({ ok: false, code });
}

describe("stateAfterEdit", () => {
  const expected: Record<RevisionState, RevisionState | null> = {
    DRAFT: "DRAFT",
    CHANGES_REQUESTED: "CHANGES_REQUESTED",
    IN_REVIEW: "IN_REVIEW",
    APPROVED: "IN_REVIEW",
    PUBLISHED: null,
    UNPUBLISHED: null,
    SUPERSEDED: null,
  };
  for (const state of REVISION_STATES) {
    it(`${state} → ${String(expected[state])}`, () => {
      expect(stateAfterEdit(state)).toBe(expected[state]);
      expect(isEditable(state)).toBe(expected[state] !== null);
    });
  }

  it("points to a new revision when asked to edit a published one", () => {
    const decision = decideTransition(request("edit", writer, revision({ state: "PUBLISHED" })));
    expect(decision).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(decision.ok ? "" : decision.reason).toMatch(/Start a new revision/);
  });
});

describe("four-eyes", () => {
  it("refuses an approval by anyone who edited the revision, whatever their role", () => {
    for (const reviewer of [editor, publisher, admin]) {
      const rev = revision({ editorIds: [writer.id, reviewer.id] });
      expect(decideTransition(request("approve", reviewer, rev))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
  });

  it("refuses an approval by the revision's owner, even one who changed nothing", () => {
    const rev = revision({ ownerId: editor.id, editorIds: [] });
    expect(decideTransition(request("approve", editor, rev))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("allows an approval by a reviewer who did not touch the revision", () => {
    const rev = revision({ editorIds: [writer.id, editor2.id] });
    expect(decideTransition(request("approve", editor, rev))).toMatchObject({ ok: true, nextState: "APPROVED" });
  });

  it("does not count approvals recorded for authors, should any exist", () => {
    const rev = revision({ state: "APPROVED", editorIds: [writer.id, editor.id] });
    const approvals: Approval[] = [{ reviewerId: editor.id, contentVersion: 5 }];
    expect(decideTransition(request("publish", publisher, rev, { approvals }))).toMatchObject({ ok: false, code: "UNPROCESSABLE" });
  });

  it("lets an editor who edited still request changes", () => {
    const rev = revision({ editorIds: [writer.id, editor.id] });
    expect(decideTransition(request("requestChanges", editor, rev))).toMatchObject({ ok: true, nextState: "CHANGES_REQUESTED" });
  });
});

describe("approvals on exact content", () => {
  it("does not count an approval of an earlier content version", () => {
    const rev = revision({ contentVersion: 6 });
    const approvals: Approval[] = [{ reviewerId: editor2.id, contentVersion: 5 }];
    // With two required, the stale approval leaves this one the first: still in review.
    expectNext(request("approve", editor, rev, { approvals, requiredApprovals: 2 }), "IN_REVIEW");
    // The same reviewer may approve again, now for the new content.
    expectNext(request("approve", editor2, rev, { approvals, requiredApprovals: 1 }), "APPROVED");
  });

  it("refuses to publish on approvals of earlier content", () => {
    const rev = revision({ state: "APPROVED", contentVersion: 6 });
    const approvals: Approval[] = [{ reviewerId: editor.id, contentVersion: 5 }];
    const decision = decideTransition(request("publish", publisher, rev, { approvals }));
    expect(decision).toMatchObject({ ok: false, code: "UNPROCESSABLE" });
    expect(decision.ok ? "" : decision.reason).toMatch(/0 of 1 required approvals/);
  });

  it("needs two distinct reviewers when two approvals are required", () => {
    const rev = revision();
    const first = decideTransition(request("approve", editor, rev, { requiredApprovals: 2 }));
    expect(first).toMatchObject({ ok: true, nextState: "IN_REVIEW" });

    const once: Approval[] = [{ reviewerId: editor.id, contentVersion: 5 }];
    expectRefused(request("approve", editor, rev, { approvals: once, requiredApprovals: 2 }), "CONFLICT");
    expectNext(request("approve", editor2, rev, { approvals: once, requiredApprovals: 2 }), "APPROVED");

    // A reviewer recorded twice still counts once.
    const twice: Approval[] = [...once, { reviewerId: editor.id, contentVersion: 5 }];
    const approved = revision({ state: "APPROVED" });
    expectRefused(request("publish", publisher, approved, { approvals: twice, requiredApprovals: 2 }), "UNPROCESSABLE");
    const two: Approval[] = [...once, { reviewerId: editor2.id, contentVersion: 5 }];
    expectNext(request("publish", publisher, approved, { approvals: two, requiredApprovals: 2 }), "PUBLISHED");
  });

  it("lets an approved revision take further approvals, e.g. after the setting was raised", () => {
    const rev = revision({ state: "APPROVED" });
    const approvals: Approval[] = [{ reviewerId: editor.id, contentVersion: 5 }];
    expectNext(request("approve", editor2, rev, { approvals, requiredApprovals: 3 }), "IN_REVIEW");
    expectNext(request("approve", editor2, rev, { approvals, requiredApprovals: 2 }), "APPROVED");
  });

  it("refuses an invalid required approvals setting", () => {
    for (const requiredApprovals of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectRefused(request("approve", editor, revision(), { requiredApprovals }), "INVALID_INPUT");
    }
  });
});

describe("notes", () => {
  it("requires a reason to unpublish and a public note to correct", () => {
    const live = revision({ state: "PUBLISHED" });
    for (const transition of ["unpublish", "correct"] as const) {
      for (const note of [undefined, null, "", "   \n"]) {
        expect(decideTransition(request(transition, publisher, live, { note }))).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      }
    }
    expect(decideTransition(request("unpublish", publisher, live, { note: "  Legal hold.  " }))).toMatchObject({
      ok: true,
      nextState: "UNPUBLISHED",
      note: "Legal hold.",
    });
    expect(decideTransition(request("correct", publisher, live, { note: "An earlier version misstated the date." }))).toMatchObject({
      ok: true,
      nextState: "DRAFT",
      createsRevision: true,
      note: "An earlier version misstated the date.",
    });
  });

  it("takes an optional note when requesting changes and ignores notes elsewhere", () => {
    expect(decideTransition(request("requestChanges", editor, revision()))).toMatchObject({ ok: true, note: null });
    expect(decideTransition(request("requestChanges", editor, revision(), { note: " Check the date. " }))).toMatchObject({
      ok: true,
      note: "Check the date.",
    });
    expect(decideTransition(request("submit", writer, revision({ state: "DRAFT" }), { note: "hello" }))).toMatchObject({
      ok: true,
      note: null,
    });
  });
});

describe("publish", () => {
  const approved = revision({ state: "APPROVED" });
  const approvals: Approval[] = [{ reviewerId: editor.id, contentVersion: 5 }];

  it("refuses without an evaluated checklist", () => {
    const decision = decideTransition({ ...request("publish", publisher, approved, { approvals }), checklist: undefined });
    expect(decision).toMatchObject({ ok: false, code: "UNPROCESSABLE" });
  });

  it("refuses when the checklist does not pass or lacks a check", () => {
    const base = request("publish", publisher, approved, { approvals });
    const checklist = base.checklist ?? [];
    const failing = checklist.map((c) => (c.id === "sources" ? { ...c, passed: false } : c));
    expect(decideTransition({ ...base, checklist: failing })).toMatchObject({ ok: false, code: "UNPROCESSABLE" });
    expect(decideTransition({ ...base, checklist: checklist.slice(1) })).toMatchObject({ ok: false, code: "UNPROCESSABLE" });
    expect(decideTransition({ ...base, checklist: [] })).toMatchObject({ ok: false, code: "UNPROCESSABLE" });
    expect(decideTransition(base)).toMatchObject({ ok: true, nextState: "PUBLISHED" });
  });

  it("refuses a correction whose public note was emptied in review", () => {
    const correction = revision({ state: "APPROVED", ownerId: publisher.id, editorIds: [publisher.id], correctionNote: "  " });
    expectRefused(request("publish", publisher, correction, { approvals }), "UNPROCESSABLE");
    const withNote = { ...correction, correctionNote: "An earlier version misstated the date." };
    expect(decideTransition(request("publish", publisher, withNote, { approvals }))).toMatchObject({ ok: true });
  });

  it("lets a publisher publish a correction they wrote only once someone else approved it", () => {
    const correction = revision({ state: "IN_REVIEW", ownerId: publisher.id, editorIds: [publisher.id], correctionNote: "Date fixed." });
    expect(decideTransition(request("approve", publisher, correction))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(decideTransition(request("publish", publisher, correction))).toMatchObject({ ok: false, code: "CONFLICT" });
    const approvedCorrection = { ...correction, state: "APPROVED" as const };
    expect(decideTransition(request("publish", publisher, approvedCorrection))).toMatchObject({ ok: false, code: "UNPROCESSABLE" });
    expect(decideTransition(request("publish", publisher, approvedCorrection, { approvals }))).toMatchObject({ ok: true });
  });
});

describe("fails closed", () => {
  it("refuses unknown roles, unknown transitions and unknown states", () => {
    expectRefused(request("submit", { id: writer.id, role: "SUPERUSER" }, revision({ state: "DRAFT" })), "FORBIDDEN");
    expect(decideTransition(request("delete" as TransitionName, admin, revision()))).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(decideTransition(request("__proto__" as TransitionName, admin, revision()))).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expectRefused(request("edit", admin, revision({ state: "ARCHIVED" as RevisionState })), "INVALID_INPUT");
  });

  it("checks the policy before the state, so a refusal doesn't reveal more than it must", () => {
    expect(decideTransition(request("publish", writer, revision({ state: "DRAFT" })))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("assertTransition", () => {
  it("returns the decision when allowed", () => {
    expect(assertTransition(request("submit", writer, revision({ state: "DRAFT" })))).toMatchObject({ nextState: "IN_REVIEW" });
  });

  it("throws an AppError carrying the refusal's code", () => {
    const cases: [ReturnType<typeof request>, string][] = [
      [request("publish", writer, revision({ state: "APPROVED" })), "FORBIDDEN"],
      [request("submit", writer, revision({ state: "PUBLISHED" })), "CONFLICT"],
      [request("publish", publisher, revision({ state: "APPROVED" })), "UNPROCESSABLE"],
      [request("unpublish", publisher, revision({ state: "PUBLISHED" })), "INVALID_INPUT"],
    ];
    for (const [req, code] of cases) {
      try {
        assertTransition(req);
        expect.unreachable(`expected ${code}`);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe(code);
        expect((error as AppError).details).toMatchObject({ transition: req.transition, state: req.revision.state });
      }
    }
  });
});

describe("availableTransitions", () => {
  const approvals: Approval[] = [{ reviewerId: editor.id, contentVersion: 5 }];
  const offer = (actor: typeof writer, rev: RevisionFacts, withApprovals: readonly Approval[] = []) => {
    const { transition: _t, note: _n, ...rest } = request("edit", actor, rev, { approvals: withApprovals });
    return availableTransitions(rest);
  };

  it("offers the buttons each role should see", () => {
    expect(offer(writer, revision({ state: "DRAFT" }))).toEqual(["submit", "edit"]);
    expect(offer(writer, revision({ state: "IN_REVIEW" }))).toEqual(["edit"]);
    expect(offer(editor, revision({ state: "IN_REVIEW" }))).toEqual(["requestChanges", "approve", "edit"]);
    expect(offer(publisher, revision({ state: "APPROVED" }), approvals)).toEqual(["requestChanges", "approve", "publish", "edit"]);
    // Never "supersede": the server does that as part of publishing the next revision.
    expect(offer(publisher, revision({ state: "PUBLISHED" }))).toEqual(["unpublish", "startRevision", "correct"]);
    expect(offer(writer, revision({ state: "PUBLISHED" }))).toEqual(["startRevision"]);
    expect(offer(writer, revision({ state: "SUPERSEDED" }))).toEqual([]);
  });
});

describe("a story's life", () => {
  /** A tiny in-memory revision store driven only by decisions, as the server would be. */
  function story() {
    let rev: RevisionFacts = { state: "DRAFT", ownerId: writer.id, contentVersion: 1, editorIds: [writer.id] };
    let approvals: Approval[] = [];
    const revisions: RevisionFacts[] = [];
    const act = (transition: TransitionName, actor: typeof writer, note?: string) => {
      const decision = assertTransition(request(transition, actor, rev, { approvals, note }));
      if (transition === "edit") {
        rev = { ...rev, contentVersion: rev.contentVersion + 1, editorIds: [...new Set([...rev.editorIds, actor.id])] };
      }
      if (transition === "approve") approvals = [...approvals, { reviewerId: actor.id, contentVersion: rev.contentVersion }];
      if (decision.createsRevision) {
        revisions.push(rev);
        rev = {
          state: decision.nextState,
          ownerId: actor.id,
          contentVersion: 1,
          editorIds: [actor.id],
          correctionNote: transition === "correct" ? decision.note : null,
        };
        approvals = [];
      } else {
        rev = { ...rev, state: decision.nextState };
      }
      return rev.state;
    };
    return { act, current: () => rev, previous: () => revisions };
  }

  it("goes through review, back, approval, an edit after approval, publication, a new revision and a correction", () => {
    const s = story();
    expect(s.act("edit", writer)).toBe("DRAFT");
    expect(s.act("submit", writer)).toBe("IN_REVIEW");
    expect(s.act("requestChanges", editor, "Source the date.")).toBe("CHANGES_REQUESTED");
    expect(s.act("edit", writer)).toBe("CHANGES_REQUESTED");
    expect(s.act("resubmit", writer)).toBe("IN_REVIEW");
    expect(s.act("approve", editor)).toBe("APPROVED");
    // A late edit sends it back to review and voids the approval.
    expect(s.act("edit", writer)).toBe("IN_REVIEW");
    expect(() => s.act("publish", publisher)).toThrow(/in review/);
    expect(s.act("approve", editor)).toBe("APPROVED");
    expect(s.act("publish", publisher)).toBe("PUBLISHED");
    expect(() => s.act("edit", writer)).toThrow(AppError);

    expect(s.act("startRevision", writer)).toBe("DRAFT");
    expect(s.previous().at(-1)?.state).toBe("PUBLISHED");
    expect(s.current()).toMatchObject({ ownerId: writer.id, contentVersion: 1 });

    const t = story();
    t.act("submit", writer);
    t.act("approve", editor);
    t.act("publish", publisher);
    expect(t.act("correct", publisher, "An earlier version gave the wrong date.")).toBe("DRAFT");
    expect(t.current()).toMatchObject({ ownerId: publisher.id, correctionNote: "An earlier version gave the wrong date." });
    t.act("edit", publisher);
    t.act("submit", publisher);
    expect(() => t.act("approve", publisher)).toThrow("You wrote this revision, so another editor or a publisher must approve it.");
    expect(t.act("approve", editor2)).toBe("APPROVED");
    expect(t.act("publish", publisher)).toBe("PUBLISHED");
  });
});
