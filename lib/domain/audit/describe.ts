/**
 * The audit log as people read it: one line saying who did what to which story, user or key
 * ("Eddie Editor approved revision 3 of “Kim Jong Un crosses…”"), worked out from the stored
 * record and the names it points to. The record itself stays as written; this is only its reading.
 */
import { isRole, type Role } from "@/lib/domain/policy";

/** What the record's subject is, with the names the reader knows it by (looked up by the caller). */
export type AuditSubject =
  | { kind: "story"; headline: string | null; revisionNumber: number | null }
  | { kind: "user"; name: string | null }
  | { kind: "apiKey"; name: string | null }
  | { kind: "other"; type: string };

export interface AuditRecord {
  action: string;
  /** Null for what the system did on its own. */
  actorName: string | null;
  subject: AuditSubject;
  /** The record's data, as stored (JSON). */
  data: unknown;
}

const ROLE_WORDS: Record<Role, string> = { WRITER: "writer", EDITOR: "editor", PUBLISHER: "publisher", ADMIN: "admin" };

/** Longest headline quoted in a line; longer ones are cut at a word and end with "…". */
export const HEADLINE_LIMIT = 40;

/** A headline short enough for one line: whole words, "…" when cut. */
export function shortHeadline(headline: string, limit = HEADLINE_LIMIT): string {
  const text = headline.trim().replace(/\s+/g, " ");
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit + 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > limit / 2 ? cut.slice(0, atWord) : text.slice(0, limit)).replace(/[\s,;:.–-]+$/, "")}…`;
}

function field(data: unknown, key: string): unknown {
  return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : undefined;
}

function roleWords(value: unknown): string {
  return isRole(value) ? ROLE_WORDS[value] : "another role";
}

function storyWords(subject: Extract<AuditSubject, { kind: "story" }>, { revision = true } = {}): string {
  const title = subject.headline?.trim() ? `“${shortHeadline(subject.headline)}”` : "an untitled story";
  return revision && subject.revisionNumber !== null ? `revision ${subject.revisionNumber} of ${title}` : title;
}

const STORY_PHRASES: Record<string, (story: Extract<AuditSubject, { kind: "story" }>, data: unknown) => string> = {
  "story.submit": (s) => `submitted ${storyWords(s)} for review`,
  "story.resubmit": (s) => `resubmitted ${storyWords(s)} for review`,
  "story.approve": (s) => `approved ${storyWords(s)}`,
  "story.requestChanges": (s) => `requested changes to ${storyWords(s)}`,
  "story.publish": (s) => `published ${storyWords(s)}`,
  "story.unpublish": (s) => `unpublished ${storyWords(s)}`,
  "story.startRevision": (s) => `started ${storyWords(s)}`,
  "story.correct": (s) => `started a correction of ${storyWords(s, { revision: false })}${s.revisionNumber !== null ? ` (revision ${s.revisionNumber})` : ""}`,
  "comment.resolve": (s, data) => `resolved a ${field(data, "blocking") === true ? "blocking " : ""}comment on ${storyWords(s)}`,
  "comment.reopen": (s, data) => `reopened a ${field(data, "blocking") === true ? "blocking " : ""}comment on ${storyWords(s)}`,
};

const USER_PHRASES: Record<string, (name: string, data: unknown) => string> = {
  "user.create": (name, data) => `created the account of ${name} (${roleWords(field(data, "role"))})`,
  "user.role-change": (name, data) => `changed ${name}’s role from ${roleWords(field(data, "from"))} to ${roleWords(field(data, "to"))}`,
  "user.deactivate": (name) => `deactivated ${name}`,
  "user.reactivate": (name) => `reactivated ${name}`,
};

const KEY_PHRASES: Record<string, (name: string) => string> = {
  "apikey.create": (name) => `created the API key ${name}`,
  "apikey.revoke": (name) => `revoked the API key ${name}`,
};

function quoted(data: unknown, key: string, missing: string): string {
  const value = field(data, key);
  return typeof value === "string" && value.trim() ? `“${shortHeadline(value)}”` : missing;
}

const EVENT_PHRASES: Record<string, (data: unknown) => string> = {
  "event.move": (data) =>
    `moved the wire ${quoted(data, "title", "(no longer on file)")} from the event ${quoted(data, "fromTitle", "(no longer on file)")} to ${
      field(data, "newEvent") === true ? "an event of its own" : `the event ${quoted(data, "toTitle", "(no longer on file)")}`
    }`,
  "event.split": (data) => {
    const count = Array.isArray(field(data, "wireStoryIds")) ? (field(data, "wireStoryIds") as unknown[]).length : 0;
    return `split ${count === 1 ? "1 wire" : `${count} wires`} off the event ${quoted(data, "fromTitle", "(no longer on file)")} into an event of their own`;
  },
  "event.merge": (data) => `merged the event ${quoted(data, "fromTitle", "(no longer on file)")} into ${quoted(data, "toTitle", "(no longer on file)")}`,
  "subscriber.create": (data) => `added the subscriber ${quoted(data, "name", "(no longer on file)")}`,
  "subscriber.deactivate": (data) => `paused deliveries to the subscriber ${quoted(data, "name", "(no longer on file)")}`,
  "subscriber.reactivate": (data) => `resumed deliveries to the subscriber ${quoted(data, "name", "(no longer on file)")}`,
  "subscriber.delete": (data) => `removed the subscriber ${quoted(data, "name", "(no longer on file)")}`,
  "subscriber.resend": (data) => `sent a delivery to the subscriber ${quoted(data, "name", "(no longer on file)")} again`,
};

/** One line for a record: "Eddie Editor approved revision 3 of “Kim Jong Un crosses…”". */
export function describeAuditEvent(record: AuditRecord): string {
  const who = record.actorName?.trim() || "The system";
  const { subject, action, data } = record;
  if (subject.kind === "story" && Object.hasOwn(STORY_PHRASES, action)) return `${who} ${STORY_PHRASES[action]!(subject, data)}`;
  if (subject.kind === "user" && Object.hasOwn(USER_PHRASES, action)) return `${who} ${USER_PHRASES[action]!(subject.name ?? "a user no longer on file", data)}`;
  if (subject.kind === "apiKey" && Object.hasOwn(KEY_PHRASES, action)) {
    const name = subject.name?.trim() || (typeof field(data, "name") === "string" ? (field(data, "name") as string) : "");
    return `${who} ${KEY_PHRASES[action]!(name ? `“${name}”` : "(no longer on file)")}`;
  }
  if (action === "wire.delete") {
    // Deleted by a feed's API key, the record has no actor but names the key.
    const key = field(data, "apiKeyName");
    const title = field(data, "title");
    return `${record.actorName?.trim() || (typeof key === "string" ? `The API key “${key}”` : who)} deleted the wire story ${typeof title === "string" ? `“${shortHeadline(title)}”` : "(no longer on file)"}`;
  }
  if (Object.hasOwn(EVENT_PHRASES, action)) return `${who} ${EVENT_PHRASES[action]!(data)}`;
  // An action this reading does not know yet still says who did what to what.
  const what =
    subject.kind === "story" ? storyWords(subject) : subject.kind === "user" ? (subject.name ?? "a user") : subject.kind === "apiKey" ? "an API key" : `a ${subject.type}`;
  return `${who}: ${action} on ${what}`;
}

/** The action filter's words for a stored action ("Approved", "Role changed"); unknown ones as stored. */
export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const ACTION_LABELS: Record<string, string> = {
  "story.submit": "Submitted for review",
  "story.resubmit": "Resubmitted for review",
  "story.approve": "Approved",
  "story.requestChanges": "Changes requested",
  "story.publish": "Published",
  "story.unpublish": "Unpublished",
  "story.startRevision": "New revision started",
  "story.correct": "Correction started",
  "comment.resolve": "Comment resolved",
  "comment.reopen": "Comment reopened",
  "user.create": "User created",
  "user.role-change": "Role changed",
  "user.deactivate": "User deactivated",
  "user.reactivate": "User reactivated",
  "apikey.create": "API key created",
  "apikey.revoke": "API key revoked",
  "wire.delete": "Wire story deleted",
  "event.move": "Wire moved to another event",
  "event.split": "Event split",
  "event.merge": "Events merged",
  "subscriber.create": "Subscriber added",
  "subscriber.deactivate": "Subscriber paused",
  "subscriber.reactivate": "Subscriber resumed",
  "subscriber.delete": "Subscriber removed",
  "subscriber.resend": "Delivery sent again",
};
