import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/server/http";
import { updateUser } from "@/lib/server/services/update-user";

export const PATCH = withUser<{ id: string }>(async (request, user, params) => {
  const updated = await updateUser({ actor: user, userId: params.id, input: await readJson(request) });
  return NextResponse.json({ user: { id: updated.id, email: updated.email, name: updated.name, role: updated.role, active: updated.active } });
});
