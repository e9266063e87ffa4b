import "server-only";
import { describeAuditEvent, type AuditSubject } from "@/lib/domain/audit/describe";
import type { TAuditFilters } from "@/lib/schemas/filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";

/** An audit record with the line people read, and the record as stored behind it. */
export interface AuditLine {
  id: string;
  createdAt: Date;
  actorName: string | null;
  /** "Eddie Editor approved revision 3 of “Kim Jong Un crosses…”". */
  description: string;
  /** The story the record is about, to link to; null for users and keys. */
  storyId: string | null;
  record: { action: string; subjectType: string; subjectId: string; revisionId: string | null; data: Prisma.JsonValue };
}

export async function listAuditEvents(filters: TAuditFilters) {
  const where: Prisma.AuditEventWhereInput = {};
  if (filters.action) where.action = filters.action;
  if (filters.subjectType) where.subjectType = filters.subjectType;
  if (filters.actor) where.actor = { OR: [{ name: { contains: filters.actor, mode: "insensitive" } }, { email: { contains: filters.actor, mode: "insensitive" } }] };
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
      ...(filters.to ? { lt: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    };
  }
  const [events, actions] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      take: 300,
      select: { id: true, action: true, subjectType: true, subjectId: true, revisionId: true, data: true, createdAt: true, actor: { select: { name: true } } },
    }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  const subjects = await subjectsOf(events);
  const lines: AuditLine[] = events.map((event) => {
    const subject = subjects(event);
    return {
      id: event.id.toString(),
      createdAt: event.createdAt,
      actorName: event.actor?.name ?? null,
      description: describeAuditEvent({ action: event.action, actorName: event.actor?.name ?? null, subject, data: event.data }),
      storyId: event.subjectType === "Story" ? event.subjectId : null,
      record: { action: event.action, subjectType: event.subjectType, subjectId: event.subjectId, revisionId: event.revisionId, data: event.data },
    };
  });
  return { events: lines, actions: actions.map((row) => row.action) };
}

type EventRow = { subjectType: string; subjectId: string; revisionId: string | null };

/**
 * The names the records point to, fetched once for the whole page: each story's headline (as of
 * the record's revision, else its latest) and revision number, each user's name, each key's name.
 */
async function subjectsOf(events: readonly EventRow[]): Promise<(event: EventRow) => AuditSubject> {
  const ids = (type: string) => [...new Set(events.filter((event) => event.subjectType === type).map((event) => event.subjectId))];
  const revisionIds = [...new Set(events.flatMap((event) => (event.subjectType === "Story" && event.revisionId ? [event.revisionId] : [])))];
  const [revisions, latest, users, keys] = await Promise.all([
    db.storyRevision.findMany({ where: { id: { in: revisionIds } }, select: { id: true, number: true, headline: true } }),
    db.storyRevision.findMany({ where: { storyId: { in: ids("Story") } }, orderBy: [{ storyId: "asc" }, { number: "desc" }], distinct: ["storyId"], select: { storyId: true, headline: true } }),
    db.user.findMany({ where: { id: { in: ids("User") } }, select: { id: true, name: true } }),
    db.apiKey.findMany({ where: { id: { in: ids("ApiKey") } }, select: { id: true, name: true } }),
  ]);
  const revisionById = new Map(revisions.map((revision) => [revision.id, revision]));
  const latestHeadline = new Map(latest.map((revision) => [revision.storyId, revision.headline]));
  const userName = new Map(users.map((user) => [user.id, user.name]));
  const keyName = new Map(keys.map((key) => [key.id, key.name]));
  return (event) => {
    switch (event.subjectType) {
      case "Story": {
        const revision = event.revisionId ? revisionById.get(event.revisionId) : undefined;
        const headline = revision?.headline.trim() ? revision.headline : (latestHeadline.get(event.subjectId) ?? null);
        return { kind: "story", headline, revisionNumber: revision?.number ?? null };
      }
      case "User":
        return { kind: "user", name: userName.get(event.subjectId) ?? null };
      case "ApiKey":
        return { kind: "apiKey", name: keyName.get(event.subjectId) ?? null };
      default:
        return { kind: "other", type: event.subjectType };
    }
  };
}
