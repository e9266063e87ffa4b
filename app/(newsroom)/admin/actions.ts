"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/schemas/results";
import { runAction } from "@/lib/server/actions";
import { createUser } from "@/lib/server/services/create-user";
import { updateUser } from "@/lib/server/services/update-user";
import { createApiKey } from "@/lib/server/services/create-api-key";
import { revokeApiKey } from "@/lib/server/services/revoke-api-key";

export async function createUserAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await runAction(async (actor) => {
    const user = await createUser({
      actor,
      input: { email: form.get("email"), name: form.get("name"), role: form.get("role"), password: form.get("password") },
    });
    return user.email;
  });
  if (!result.ok) return result;
  revalidatePath("/admin");
  return { ok: true, data: null, message: `Created ${result.data}. They can sign in now.` };
}

export async function changeRoleAction(userId: string, role: string): Promise<ActionResult<null>> {
  const result = await runAction((actor) => updateUser({ actor, userId, input: { role } }));
  revalidatePath("/admin");
  return result.ok ? { ok: true, data: null, message: `Role changed to ${result.data.role}.` } : result;
}

export async function setActiveAction(userId: string, active: boolean): Promise<ActionResult<null>> {
  const result = await runAction((actor) => updateUser({ actor, userId, input: { active } }));
  revalidatePath("/admin");
  return result.ok ? { ok: true, data: null, message: active ? "User reactivated." : "User deactivated." } : result;
}

export async function createApiKeyAction(_previous: ActionResult<{ key: string; name: string }> | null, form: FormData): Promise<ActionResult<{ key: string; name: string }>> {
  const result = await runAction((actor) => createApiKey({ actor, input: { name: form.get("name") } }));
  revalidatePath("/admin");
  return result.ok ? { ok: true, data: { key: result.data.key, name: result.data.name } } : result;
}

export async function revokeApiKeyAction(apiKeyId: string): Promise<ActionResult<null>> {
  const result = await runAction((actor) => revokeApiKey({ actor, apiKeyId }));
  revalidatePath("/admin");
  return result.ok ? { ok: true, data: null, message: "Revoked." } : result;
}
