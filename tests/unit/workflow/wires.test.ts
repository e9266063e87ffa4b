import { describe, expect, it } from "vitest";
import { acceptsNewWires, REVISION_STATES, type RevisionState } from "@/lib/domain/workflow";

describe("acceptsNewWires", () => {
  const expected: Record<RevisionState, boolean> = {
    DRAFT: true,
    CHANGES_REQUESTED: true,
    IN_REVIEW: false,
    APPROVED: false,
    PUBLISHED: false,
    UNPUBLISHED: false,
    SUPERSEDED: false,
  };
  for (const state of REVISION_STATES) {
    it(`${state} → ${String(expected[state])}`, () => expect(acceptsNewWires(state)).toBe(expected[state]));
  }
});
