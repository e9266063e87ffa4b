import "server-only";
import { AppError } from "@/lib/domain/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZCreateUser } from "@/lib/schemas/users";
import { withAudit } from "../audit";
import { hashPassword } from "../passwords";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";

export interface CreateUserOptions {
  actor: CurrentUser;
  input: unknown;
}

export async function createUser({ actor, input }: CreateUserOptions) {
  assertCan(actor, "user.manage");
  const data = ZCreateUser.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await withAudit(actor, async (tx, audit) => {
      const user = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role, passwordHash } });
      audit({ action: "user.create", subjectType: "User", subjectId: user.id, data: { email: user.email, role: user.role } });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `A user with the email ${data.email} already exists.`);
    }
    throw error;
  }
}
