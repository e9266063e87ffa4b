import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";

export const ZAuditFilters = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  subjectType: z.string().trim().max(40).optional().catch(undefined),
  actor: z.string().trim().max(120).optional().catch(undefined),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

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
