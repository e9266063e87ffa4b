"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/schemas/results";
import { runAction } from "@/lib/server/actions";
import { createUser } from "@/lib/server/services/create-user";
import { updateUser } from "@/lib/server/services/update-user";
import { createApiKey } from "@/lib/server/services/create-api-key";
import { revokeApiKey } from "@/lib/server/services/revoke-api-key";
import { createChannel, deleteChannel, updateChannel } from "@/lib/server/services/manage-channels";
import { createSubscriber, deleteSubscriber, resendDelivery, setSubscriberActive } from "@/lib/server/services/manage-subscribers";

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

/** The form says "RSS or Atom feed" / "Drop folder" and minutes; the API takes kind and seconds. */
export async function createChannelAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const feed = form.get("kind") !== "Drop folder";
  const minutes = Number(form.get("minutes"));
  const result = await runAction((actor) =>
    createChannel({
      actor,
      input: {
        kind: feed ? "feed" : "folder",
        ...(feed ? { url: form.get("url") } : { path: form.get("path") }),
        intervalSeconds: Number.isFinite(minutes) ? Math.round(minutes * 60) : minutes,
        agency: form.get("agency") || undefined,
      },
    }),
  );
  revalidatePath("/admin");
  return result.ok ? { ok: true, data: null, message: "Channel added: the worker runs it within a few seconds." } : result;
}

export async function updateChannelAction(channelId: string, input: { version: number; paused?: boolean; intervalSeconds?: number }): Promise<ActionResult<null>> {
  const result = await runAction((actor) => updateChannel({ actor, channelId, input }));
  revalidatePath("/admin");
  return result.ok ? { ok: true, data: null } : result;
}

export async function deleteChannelAction(channelId: string): Promise<ActionResult<null>> {
  const result = await runAction((actor) => deleteChannel({ actor, channelId }));
  revalidatePath("/admin");
  return result.ok ? { ok: true, data: null } : result;
}

export async function createSubscriberAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await runAction((actor) =>
    createSubscriber({
      actor,
      input: { name: form.get("name"), url: form.get("url"), secret: form.get("secret"), formats: form.getAll("formats"), events: form.getAll("events") },
    }),
  );
  revalidatePath("/admin");
  return result.ok ? { ok: true, data: null, message: "Subscriber added: it is sent what is published from now on." } : result;
}

export async function setSubscriberActiveAction(subscriberId: string, active: boolean): Promise<ActionResult<null>> {
  const result = await runAction((actor) => setSubscriberActive({ actor, subscriberId, input: { active } }));
  revalidatePath("/admin");
  return result.ok ? { ok: true, data: null, message: active ? "Deliveries resumed." : "Deliveries paused." } : result;
}

export async function deleteSubscriberAction(subscriberId: string): Promise<ActionResult<null>> {
  const result = await runAction((actor) => deleteSubscriber({ actor, subscriberId }));
  revalidatePath("/admin");
  return result.ok ? { ok: true, data: null, message: "Subscriber removed." } : result;
}

export async function resendDeliveryAction(deliveryId: string): Promise<ActionResult<null>> {
  const result = await runAction((actor) => resendDelivery({ actor, deliveryId }));
  revalidatePath("/admin");
  return result.ok ? { ok: true, data: null, message: "Queued again: the worker sends it within a few seconds." } : result;
}
