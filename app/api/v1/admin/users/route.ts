import { NextResponse } from "next/server";
import { assertCan } from "@/lib/server/authorize";
import { readJson, withUser } from "@/lib/server/http";
import { listUsers } from "@/lib/server/queries/users";
import { createUser } from "@/lib/server/services/create-user";

export const GET = withUser(async (_request, user) => {
  assertCan(user, "user.manage");
  return NextResponse.json({ users: await listUsers() });
});

export const POST = withUser(async (request, user) => {
  const created = await createUser({ actor: user, input: await readJson(request) });
  return NextResponse.json(
    { user: { id: created.id, email: created.email, name: created.name, role: created.role, active: created.active } },
    { status: 201 },
  );
});
