/**
 * Who may do what: the role × action matrix as typed data, and `can`, the one place every
 * permission check in the app goes through. Unknown roles and actions are refused.
 */

export const ROLES = ["WRITER", "EDITOR", "PUBLISHER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "newsroom.access",
  "wire.read",
  "wire.import",
  "story.read",
  "story.create",
  "story.edit",
  "story.submit",
  "story.comment",
  "comment.resolveBlocking",
  "story.review",
  "story.publish",
  "story.unpublish",
  "story.correct",
  "audit.read",
  "user.manage",
  "apikey.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

/** "any": on every resource; "own": only on resources the actor owns; false: never. */
export type Grant = "any" | "own" | false;

const NONE: Record<Action, Grant> = Object.fromEntries(ACTIONS.map((action) => [action, false])) as Record<Action, Grant>;

const WRITER: Record<Action, Grant> = {
  ...NONE,
  "newsroom.access": "any",
  "wire.read": "any",
  "wire.import": "any",
  "story.read": "any",
  "story.create": "any",
  "story.edit": "own",
  "story.submit": "own",
  "story.comment": "any",
  // A blocking comment holds publication: its author may let go of it, a colleague may not.
  "comment.resolveBlocking": "own",
};

const EDITOR: Record<Action, Grant> = {
  ...WRITER,
  "story.edit": "any",
  "story.submit": "any",
  "story.review": "any",
  "comment.resolveBlocking": "any",
};

const PUBLISHER: Record<Action, Grant> = {
  ...EDITOR,
  "story.publish": "any",
  "story.unpublish": "any",
  "story.correct": "any",
  "audit.read": "any",
};

const ADMIN: Record<Action, Grant> = Object.fromEntries(ACTIONS.map((action) => [action, "any"])) as Record<Action, Grant>;

export const PERMISSIONS = { WRITER, EDITOR, PUBLISHER, ADMIN } as const satisfies Record<Role, Record<Action, Grant>>;

export interface Actor {
  id: string;
  role: string;
}

/** The resource an action is about, when ownership matters. */
export interface OwnedResource {
  ownerId: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isAction(value: unknown): value is Action {
  return typeof value === "string" && (ACTIONS as readonly string[]).includes(value);
}

export function grantFor(role: string, action: string): Grant {
  if (!isRole(role) || !isAction(action)) return false;
  return PERMISSIONS[role][action];
}

/**
 * Whether `actor` may do `action`. An "own" grant needs the resource, owned by the actor;
 * without a resource it is refused, so a caller can't skip the ownership check by omission.
 */
/** The roles that may do `action` on any story (not only their own), e.g. who to ask for a review. */
export function rolesAllowedOnAny(action: Action): Role[] {
  return ROLES.filter((role) => grantFor(role, action) === "any");
}

export function can(actor: Actor | null | undefined, action: string, resource?: OwnedResource): boolean {
  if (!actor) return false;
  const grant = grantFor(actor.role, action);
  if (grant === "any") return true;
  if (grant === "own") return resource !== undefined && resource.ownerId === actor.id;
  return false;
}

/** Sections of the newsroom shell, each shown to roles allowed its action. */
export const NAVIGATION = [
  { href: "/wires", label: "Wires", action: "wire.read" },
  { href: "/stories", label: "Stories", action: "story.read" },
  { href: "/published", label: "Published", action: "story.read" },
  { href: "/audit", label: "Audit", action: "audit.read" },
  { href: "/admin", label: "Admin", action: "user.manage" },
] as const satisfies ReadonlyArray<{ href: string; label: string; action: Action }>;

/**
 * Whether `actor` may resolve a review comment. A blocking one needs `comment.resolveBlocking`
 * (owned by the comment's author); any other only needs to be allowed to comment. Reopening
 * only ever adds a hold, so it needs `story.comment` alone.
 */
export function canResolveComment(actor: Actor | null | undefined, comment: { authorId: string; blocking: boolean }): boolean {
  return comment.blocking ? can(actor, "comment.resolveBlocking", { ownerId: comment.authorId }) : can(actor, "story.comment");
}

export function navigationFor(actor: Actor) {
  return NAVIGATION.filter((item) => can(actor, item.action));
}
