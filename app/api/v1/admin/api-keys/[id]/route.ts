import { NextResponse } from "next/server";
import { withUser } from "@/lib/server/http";
import { revokeApiKey } from "@/lib/server/services/revoke-api-key";

export const DELETE = withUser<{ id: string }>(async (_request, user, params) => {
  await revokeApiKey({ actor: user, apiKeyId: params.id });
  return NextResponse.json({ revoked: true });
});
