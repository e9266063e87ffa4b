import "server-only";
import { AppError } from "@/lib/domain/errors";
import { ZUpdateUser } from "@/lib/schemas/users";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";

export interface UpdateUserOptions {
  actor: CurrentUser;
  userId: string;
  input: unknown;
}

/** Changes a user's role and/or deactivates or reactivates them, with an audit entry for each change. */
export async function updateUser({ actor, userId, input }: UpdateUserOptions) {
  assertCan(actor, "user.manage");
  const change = ZUpdateUser.parse(input);
  if (userId === actor.id && (change.active === false || (change.role && change.role !== "ADMIN"))) {
    // An admin who demotes or deactivates themselves could leave the newsroom with no admin.
    throw new AppError("UNPROCESSABLE", "You cannot remove your own admin access; ask another admin.");
  }
  return withAudit(actor, async (tx, audit) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    // Deactivation ends the user's sessions for good: reactivating them later does not revive old cookies.
    const after = await tx.user.update({ where: { id: userId }, data: change.active === false ? { ...change, sessionVersion: { increment: 1 } } : change });
    if (change.role !== undefined && change.role !== before.role) {
      audit({
        action: "user.role-change",
        subjectType: "User",
        subjectId: userId,
        data: { from: before.role, to: after.role },
      });
    }
    if (change.active !== undefined && change.active !== before.active) {
      audit({
        action: change.active ? "user.reactivate" : "user.deactivate",
        subjectType: "User",
        subjectId: userId,
      });
    }
    return after;
  });
}
