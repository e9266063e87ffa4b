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
  "wire.delete",
  "event.correct",
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
  "channel.manage",
  "subscriber.manage",
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
  // Deleting a wire story removes it for the whole newsroom, so it is an editor's call.
  "wire.delete": "any",
  // Moving, splitting and merging events regroups the inbox for everyone.
  "event.correct": "any",
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

/** The roles that may do `action` on any story (not only their own), e.g. who to ask for a review. */
export function rolesAllowedOnAny(action: Action): Role[] {
  return ROLES.filter((role) => grantFor(role, action) === "any");
}

/**
 * Whether `actor` may do `action`. An "own" grant needs the resource, owned by the actor;
 * without a resource it is refused, so a caller can't skip the ownership check by omission.
 */
export function can(actor: Actor | null | undefined, action: string, resource?: OwnedResource): boolean {
  if (!actor) return false;
  const grant = grantFor(actor.role, action);
  if (grant === "any") return true;
  if (grant === "own") return resource !== undefined && resource.ownerId === actor.id;
  return false;
}

/** Whether an actor may do something and, when not, the sentence that tells them why. */
export type Permission = { allowed: true } | { allowed: false; reason: string };

/**
 * What an action lets someone do, in words for the refusals: `any` after "Only editors … may",
 * `own` after "Writers may". Actions without words here read "do this".
 */
const ACTION_WORDS: Partial<Record<Action, { any: string; own: string }>> = {
  "wire.delete": { any: "delete wire stories", own: "delete only their own wire stories" },
  "story.create": { any: "start stories", own: "start stories" },
  "story.edit": { any: "edit stories", own: "edit only their own stories" },
  "story.submit": { any: "submit stories for review", own: "submit only their own stories for review" },
  "story.comment": { any: "comment on stories", own: "comment only on their own stories" },
  "comment.resolveBlocking": { any: "resolve blocking comments", own: "resolve only their own blocking comments" },
  "story.review": { any: "approve or request changes", own: "review only their own stories" },
  "story.publish": { any: "publish stories", own: "publish only their own stories" },
  "story.unpublish": { any: "unpublish stories", own: "unpublish only their own stories" },
  "story.correct": { any: "publish corrections", own: "correct only their own stories" },
  "audit.read": { any: "read the audit log", own: "read only their own audit entries" },
  "user.manage": { any: "manage users", own: "manage only themselves" },
  "apikey.manage": { any: "manage API keys", own: "manage only their own API keys" },
  "channel.manage": { any: "manage ingest channels", own: "manage only their own ingest channels" },
  "subscriber.manage": { any: "manage subscribers", own: "manage only their own subscribers" },
};

const ROLE_PLURALS: Record<Role, string> = { WRITER: "writers", EDITOR: "editors", PUBLISHER: "publishers", ADMIN: "admins" };

function listed(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/**
 * `can`, with the reason when the answer is no, written for the person refused: "Only publishers
 * and admins may publish stories.", "Writers may submit only their own stories for review."
 * The answer is always the one `can` gives.
 */
export function permission(actor: Actor | null | undefined, action: string, resource?: OwnedResource): Permission {
  if (can(actor, action, resource)) return { allowed: true };
  if (!actor) return { allowed: false, reason: "Sign in first." };
  const words = isAction(action) ? ACTION_WORDS[action] : undefined;
  const grant = grantFor(actor.role, action);
  if (grant === "own" && isRole(actor.role)) {
    const who = ROLE_PLURALS[actor.role];
    return { allowed: false, reason: `${who.charAt(0).toUpperCase()}${who.slice(1)} may ${words?.own ?? "do this only on what is their own"}.` };
  }
  const allowedRoles = isAction(action) ? rolesAllowedOnAny(action).map((role) => ROLE_PLURALS[role]) : [];
  if (allowedRoles.length === 0) return { allowed: false, reason: "Nobody may do this." };
  return { allowed: false, reason: `Only ${listed(allowedRoles)} may ${words?.any ?? "do this"}.` };
}

/** Sections of the newsroom shell, each shown to roles allowed its action. */
export const NAVIGATION = [
  { href: "/wires", label: "Wires", action: "wire.read" },
  { href: "/events", label: "Events", action: "wire.read" },
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
