import "server-only";
import { ZCreateApiKey } from "@/lib/schemas/api-keys";
import { generateApiKey } from "../api-keys";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";

export interface CreateApiKeyOptions {
  actor: CurrentUser;
  input: unknown;
}

/** Creates an API key and returns it in full, the only time it is ever shown; only its hash is stored. */
export async function createApiKey({ actor, input }: CreateApiKeyOptions) {
  assertCan(actor, "apikey.manage");
  const { name } = ZCreateApiKey.parse(input);
  const { key, prefix, keyHash } = generateApiKey();
  const created = await withAudit(actor, async (tx, audit) => {
    const apiKey = await tx.apiKey.create({ data: { name, prefix, keyHash, createdById: actor.id }, select: { id: true, name: true, prefix: true } });
    audit({ action: "apikey.create", subjectType: "ApiKey", subjectId: apiKey.id, data: { name: apiKey.name, prefix: apiKey.prefix } });
    return apiKey;
  });
  return { ...created, key };
}
