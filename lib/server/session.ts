import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can, type Action, type OwnedResource } from "@/lib/domain/policy";
import { getCurrentUser, type CurrentUser } from "./auth";

/** For pages: the signed-in user, or off to sign-in (also when deactivated since sign-in). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages: the signed-in user allowed `action`, else a 403 page. */
export async function requirePermission(action: Action, resource?: OwnedResource): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, action, resource)) forbidden();
  return user;
}
