import { NextResponse } from "next/server";
import { assertCan } from "@/lib/server/authorize";
import { readJson, withUser } from "@/lib/server/http";
import { listApiKeys } from "@/lib/server/queries/api-keys";
import { createApiKey } from "@/lib/server/services/create-api-key";

export const GET = withUser(async (_request, user) => {
  assertCan(user, "apikey.manage");
  return NextResponse.json({ apiKeys: await listApiKeys() });
});

/** The key is in this response only; it is stored hashed. */
export const POST = withUser(async (request, user) => {
  const created = await createApiKey({ actor: user, input: await readJson(request) });
  return NextResponse.json({ apiKey: created }, { status: 201 });
});
