import { describe, expect, it } from "vitest";
import { REVISION_STATES, revisionStateLabel } from "@/lib/domain/workflow";

describe("revisionStateLabel", () => {
  it.each([
    ["DRAFT", "Draft"],
    ["IN_REVIEW", "In review"],
    ["CHANGES_REQUESTED", "Changes requested"],
    ["APPROVED", "Approved"],
    ["PUBLISHED", "Published"],
    ["UNPUBLISHED", "Unpublished"],
    ["SUPERSEDED", "Superseded"],
  ])("%s reads %s", (state, label) => {
    expect(revisionStateLabel(state)).toBe(label);
  });

  it("has words for every state, none of them a code", () => {
    for (const state of REVISION_STATES) {
      const label = revisionStateLabel(state);
      expect(label).not.toMatch(/_/);
      expect(label).not.toBe(state);
      expect(label).not.toBe("Unknown state");
    }
  });

  it("never echoes a value that is not a state", () => {
    expect(revisionStateLabel("in_review")).toBe("Unknown state");
    expect(revisionStateLabel("")).toBe("Unknown state");
    expect(revisionStateLabel("toString")).toBe("Unknown state");
  });
});
