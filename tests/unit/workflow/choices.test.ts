import { describe, expect, it } from "vitest";
import { effectiveState, REVISION_STATES, transitionChoices, type Approval, type RevisionFacts, type TransitionChoice } from "@/lib/domain/workflow";
import { admin, document, editor, editor2, passingChecklist, publisher, revision, writer } from "./support";
import { publishChecklist } from "@/lib/domain/workflow";

type Actor = typeof writer;

function choices(actor: Actor, rev: RevisionFacts, approvals: Approval[] = [], checklist = passingChecklist(rev, approvals)) {
  return transitionChoices({ actor, revision: rev, approvals, requiredApprovals: 1, checklist });
}

/** The choices as "transition: ok" or "transition: reason", to read the table at a glance. */
const read = (list: TransitionChoice[]) => Object.fromEntries(list.map((c) => [c.transition, c.allowed ? "ok" : c.reason]));

describe("transitionChoices", () => {
  it("offers a draft's writer to submit, and says why reviewing and publishing are not theirs", () => {
    expect(read(choices(writer, revision({ state: "DRAFT" })))).toEqual({
      submit: "ok",
      approve: "Only editors, publishers and admins may approve or request changes.",
      requestChanges: "Only editors, publishers and admins may approve or request changes.",
      publish: "Only publishers and admins may publish stories.",
    });
  });

  it("tells an editor who edited the revision that another editor or a publisher must approve it, but lets them request changes", () => {
    const rev = revision({ editorIds: [writer.id, editor.id] });
    expect(read(choices(editor, rev))).toEqual({
      approve: "You edited this revision, so another editor or a publisher must approve it.",
      requestChanges: "ok",
      publish: "Only publishers and admins may publish stories.",
    });
  });

  it("tells the owner that they wrote it", () => {
    const rev = revision({ ownerId: editor.id, editorIds: [editor.id] });
    expect(read(choices(editor, rev)).approve).toBe("You wrote this revision, so another editor or a publisher must approve it.");
  });

  it("says a draft has to be submitted before review, and a revision in review approved before publication", () => {
    expect(read(choices(editor2, revision({ state: "DRAFT" }))).approve).toBe("Can't approve a revision that is a draft. It has to be submitted for review first.");
    expect(read(choices(publisher, revision({ state: "IN_REVIEW" }))).publish).toBe("Can't publish a revision that is in review. It has to be approved first.");
  });

  it("after an approval: the approver is told it is done, the publisher may publish", () => {
    const rev = revision({ state: "APPROVED" });
    const approvals = [{ reviewerId: editor.id, contentVersion: rev.contentVersion }];
    expect(read(choices(editor, rev, approvals)).approve).toBe("You have already approved this revision as it is.");
    expect(read(choices(publisher, rev, approvals)).publish).toBe("ok");
  });

  it("names the failing checks when the checklist holds publication", () => {
    const rev = revision({ state: "APPROVED" });
    const approvals = [{ reviewerId: editor.id, contentVersion: rev.contentVersion }];
    const checklist = publishChecklist({
      document: document(),
      comments: [{ id: "c1", blocking: true, resolved: false }],
      withdrawnFactIds: [],
      approvals,
      requiredApprovals: 1,
      contentVersion: rev.contentVersion,
      creditLine: null,
      ownerId: rev.ownerId,
      editorIds: rev.editorIds,
    });
    expect(read(choices(publisher, rev, approvals, checklist)).publish).toBe(
      "The publish checklist does not pass: No open blocking comment; Headline and credit line present.",
    );
  });

  it("offers a published revision's corrections and unpublishing to publishers only, with the reason for others", () => {
    const live = revision({ state: "PUBLISHED" });
    expect(read(choices(publisher, live))).toEqual({ startRevision: "ok", correct: "ok", unpublish: "ok" });
    expect(read(choices(editor, live))).toEqual({
      startRevision: "ok",
      correct: "Only publishers and admins may publish corrections.",
      unpublish: "Only publishers and admins may unpublish stories.",
    });
    expect(read(choices(writer, revision({ state: "PUBLISHED", ownerId: "someone-else" }))).startRevision).toBe(
      "Writers may edit only their own stories.",
    );
  });

  it("gives every refusal a reason and every allowed choice none, in every state and for every role", () => {
    for (const state of REVISION_STATES) {
      for (const actor of [writer, editor, editor2, publisher, admin]) {
        for (const choice of choices(actor, revision({ state }))) {
          expect(choice.reason === null).toBe(choice.allowed);
          if (choice.reason !== null) expect(choice.reason).not.toMatch(/[A-Z]{2,}_[A-Z]+/);
        }
      }
    }
  });
});

describe("effectiveState", () => {
  it("reads a published revision that is no longer live as unpublished, or superseded when a later one was published", () => {
    expect(effectiveState("PUBLISHED", { isLive: true, publishedLater: false })).toBe("PUBLISHED");
    expect(effectiveState("PUBLISHED", { isLive: false, publishedLater: false })).toBe("UNPUBLISHED");
    expect(effectiveState("PUBLISHED", { isLive: false, publishedLater: true })).toBe("SUPERSEDED");
  });

  it("leaves every other state as it is", () => {
    for (const state of REVISION_STATES.filter((s) => s !== "PUBLISHED")) {
      expect(effectiveState(state, { isLive: false, publishedLater: false })).toBe(state);
    }
  });
});
