import "server-only";
import type { TAuditFilters } from "@/lib/schemas/filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";

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
  return { events, actions: actions.map((row) => row.action) };
}
