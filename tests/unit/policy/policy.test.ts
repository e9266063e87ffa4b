import { describe, expect, it } from "vitest";
import { ACTIONS, can, canResolveComment, grantFor, navigationFor, permission, PERMISSIONS, ROLES, rolesAllowedOnAny, type Action, type Grant, type Role } from "@/lib/domain/policy";

// The expected matrix, written out in full so that any change to a permission is a visible
// change to this table.
const EXPECTED: Record<Role, Partial<Record<Action, Grant>>> = {
  WRITER: {
    "newsroom.access": "any", "wire.read": "any", "wire.import": "any", "story.read": "any",
    "story.create": "any", "story.edit": "own", "story.submit": "own", "story.comment": "any",
    "comment.resolveBlocking": "own",
  },
  EDITOR: {
    "newsroom.access": "any", "wire.read": "any", "wire.import": "any", "story.read": "any",
    "story.create": "any", "story.edit": "any", "story.submit": "any", "story.comment": "any",
    "story.review": "any", "comment.resolveBlocking": "any", "wire.delete": "any", "event.correct": "any",
  },
  PUBLISHER: {
    "newsroom.access": "any", "wire.read": "any", "wire.import": "any", "story.read": "any",
    "story.create": "any", "story.edit": "any", "story.submit": "any", "story.comment": "any",
    "story.review": "any", "comment.resolveBlocking": "any", "story.publish": "any", "story.unpublish": "any", "story.correct": "any",
    "audit.read": "any", "wire.delete": "any", "event.correct": "any",
  },
  ADMIN: Object.fromEntries(ACTIONS.map((a) => [a, "any"])),
};

describe("permission matrix", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const expected = EXPECTED[role][action] ?? false;
      it(`${role} × ${action} → ${String(expected)}`, () => {
        expect(grantFor(role, action)).toBe(expected);
        const me = { id: "u1", role };
        const mine = { ownerId: "u1" };
        const theirs = { ownerId: "u2" };
        expect(can(me, action, mine)).toBe(expected !== false);
        expect(can(me, action, theirs)).toBe(expected === "any");
        expect(can(me, action)).toBe(expected === "any");
      });
    }
  }

  it("covers every role and action in the typed data", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(Object.keys(PERMISSIONS[role]).sort()).toEqual([...ACTIONS].sort());
  });
});

describe("fails closed", () => {
  it("refuses unknown roles", () => {
    for (const action of ACTIONS) {
      expect(can({ id: "u1", role: "SUPERUSER" }, action, { ownerId: "u1" })).toBe(false);
      expect(can({ id: "u1", role: "" }, action)).toBe(false);
      expect(can({ id: "u1", role: "admin" }, action)).toBe(false);
    }
  });

  it("refuses unknown actions, even for admins", () => {
    expect(can({ id: "u1", role: "ADMIN" }, "story.delete-everything")).toBe(false);
    expect(can({ id: "u1", role: "ADMIN" }, "")).toBe(false);
    expect(can({ id: "u1", role: "ADMIN" }, "constructor")).toBe(false);
    expect(can({ id: "u1", role: "ADMIN" }, "__proto__")).toBe(false);
  });

  it("refuses a missing actor", () => {
    expect(can(null, "story.read")).toBe(false);
    expect(can(undefined, "newsroom.access")).toBe(false);
  });
});

describe("resolving review comments", () => {
  it("a blocking comment: its author, editors, publishers and admins; not another writer", () => {
    const blocking = { authorId: "author", blocking: true };
    expect(canResolveComment({ id: "author", role: "WRITER" }, blocking)).toBe(true);
    expect(canResolveComment({ id: "other", role: "WRITER" }, blocking)).toBe(false);
    for (const role of ["EDITOR", "PUBLISHER", "ADMIN"] as const) expect(canResolveComment({ id: "other", role }, blocking)).toBe(true);
    expect(canResolveComment(null, blocking)).toBe(false);
    expect(canResolveComment({ id: "author", role: "READER" }, blocking)).toBe(false);
  });

  it("any other comment: whoever may comment", () => {
    const plain = { authorId: "author", blocking: false };
    for (const role of ROLES) expect(canResolveComment({ id: "other", role }, plain)).toBe(true);
    expect(canResolveComment(undefined, plain)).toBe(false);
  });
});

describe("navigation", () => {
  it("shows Audit to publishers and admins, Admin to admins only", () => {
    expect(navigationFor({ id: "a", role: "ADMIN" }).map((n) => n.label)).toEqual(["Wires", "Events", "Stories", "Published", "Audit", "Admin"]);
    expect(navigationFor({ id: "a", role: "PUBLISHER" }).map((n) => n.label)).toEqual(["Wires", "Events", "Stories", "Published", "Audit"]);
    for (const role of ["WRITER", "EDITOR"] as const) {
      expect(navigationFor({ id: "a", role }).map((n) => n.label)).toEqual(["Wires", "Events", "Stories", "Published"]);
    }
  });
});

describe("rolesAllowedOnAny", () => {
  it("names the roles that may act on any story: who to ask for a review, who may publish", () => {
    expect(rolesAllowedOnAny("story.review")).toEqual(["EDITOR", "PUBLISHER", "ADMIN"]);
    expect(rolesAllowedOnAny("story.publish")).toEqual(["PUBLISHER", "ADMIN"]);
    expect(rolesAllowedOnAny("story.edit")).toEqual(["EDITOR", "PUBLISHER", "ADMIN"]);
  });
});

describe("permission: the answer of can, with the reason", () => {
  it.each([
    [{ id: "w", role: "WRITER" }, "story.publish", undefined, "Only publishers and admins may publish stories."],
    [{ id: "e", role: "EDITOR" }, "story.unpublish", undefined, "Only publishers and admins may unpublish stories."],
    [{ id: "w", role: "WRITER" }, "story.review", undefined, "Only editors, publishers and admins may approve or request changes."],
    [{ id: "w", role: "WRITER" }, "story.submit", { ownerId: "someone" }, "Writers may submit only their own stories for review."],
    [{ id: "w", role: "WRITER" }, "story.edit", { ownerId: "someone" }, "Writers may edit only their own stories."],
    [{ id: "x", role: "SUPERUSER" }, "story.read", undefined, "Only writers, editors, publishers and admins may do this."],
    [null, "story.read", undefined, "Sign in first."],
  ] as const)("%o × %s → %s", (actor, action, resource, reason) => {
    expect(permission(actor, action, resource)).toEqual({ allowed: false, reason });
  });

  it("agrees with can for every role, action and ownership", () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        for (const resource of [undefined, { ownerId: "u1" }, { ownerId: "u2" }]) {
          const me = { id: "u1", role };
          const answer = permission(me, action, resource);
          expect(answer.allowed).toBe(can(me, action, resource));
          if (!answer.allowed) expect(answer.reason).toMatch(/^[A-Z].*\.$/);
        }
      }
    }
  });
});
