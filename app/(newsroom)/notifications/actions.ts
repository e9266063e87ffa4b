"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/actions";
import { markNotificationsRead } from "@/lib/server/services/mark-notifications-read";

export async function markAllReadAction(): Promise<void> {
  await runAction((actor) => markNotificationsRead({ actor }));
  revalidatePath("/", "layout");
}
