import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "./db";

type Tx = Prisma.TransactionClient | Db;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  revisionId?: string | null;
  data?: Prisma.InputJsonValue;
}

export function recordAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      revisionId: entry.revisionId ?? null,
      data: entry.data ?? {},
    },
  });
}

/**
 * Runs a change and its audit entry in one transaction, so history never misses a change
 * and never records one that did not happen.
 */
export async function withAudit<T>(
  database: Db,
  change: (tx: Prisma.TransactionClient) => Promise<T>,
  describe: (result: T) => AuditEntry,
): Promise<T> {
  return database.$transaction(async (tx) => {
    const result = await change(tx);
    await recordAudit(tx, describe(result));
    return result;
  });
}
