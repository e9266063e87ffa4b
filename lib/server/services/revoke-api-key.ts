import "server-only";
import { AppError } from "@/lib/domain/errors";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";

export interface RevokeApiKeyOptions {
  actor: CurrentUser;
  apiKeyId: string;
}

export async function revokeApiKey({ actor, apiKeyId }: RevokeApiKeyOptions) {
  assertCan(actor, "apikey.manage");
  return withAudit(actor, async (tx, audit) => {
    // Only a live key changes, so revoking twice records one revocation.
    const { count } = await tx.apiKey.updateMany({ where: { id: apiKeyId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) {
      const exists = await tx.apiKey.findUnique({ where: { id: apiKeyId }, select: { id: true } });
      if (!exists) throw new AppError("NOT_FOUND", "No such API key.");
      return;
    }
    audit({ action: "apikey.revoke", subjectType: "ApiKey", subjectId: apiKeyId });
  });
}
