import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";

/** One line of the audit log; the actor is the use case's, given once to withAudit. */
export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  revisionId?: string | null;
  data?: Prisma.InputJsonValue;
}

/** Notes an entry for the audit log; it is written only if the change completes. */
export type Audit = (entry: AuditEntry) => void;

/**
 * The one way an audited use case changes anything: the change runs in a transaction and notes
 * what it did (none, one or several entries, as it decides); the entries are written in that same
 * transaction once the change has completed. History thus never misses a change and never
 * records one that did not happen, and no use case writes the log by hand.
 */
export async function withAudit<T>(
  actor: { id: string } | null,
  change: (tx: Prisma.TransactionClient, audit: Audit) => Promise<T>,
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  return db.$transaction(async (tx) => {
    const entries: AuditEntry[] = [];
    const result = await change(tx, (entry) => void entries.push(entry));
    if (entries.length) {
      await tx.auditEvent.createMany({
        data: entries.map((entry) => ({
          actorId: actor?.id ?? null,
          action: entry.action,
          subjectType: entry.subjectType,
          subjectId: entry.subjectId,
          revisionId: entry.revisionId ?? null,
          data: entry.data ?? {},
        })),
      });
    }
    return result;
  }, options);
}
