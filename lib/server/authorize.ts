import "server-only";
import { AppError } from "@/lib/domain/errors";
import { can, type Action, type Actor, type OwnedResource } from "@/lib/domain/policy";

/** Throws FORBIDDEN unless the policy allows it; the first line of every mutation. */
export function assertCan(actor: Actor | null, action: Action, resource?: OwnedResource): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (!can(actor, action, resource)) throw new AppError("FORBIDDEN", "You do not have permission to do that.");
}
