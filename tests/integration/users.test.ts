import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { db } from "@/lib/server/db";
import { createUser } from "@/lib/server/services/create-user";
import { updateUser } from "@/lib/server/services/update-user";
import { verifyCredentials } from "@/lib/server/services/verify-credentials";
import { buildUser } from "../factories/users";
import { insertUser } from "./db-helpers";

describe("users", () => {
  it("an admin creates a user who can then sign in, and the creation is audited", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    const data = buildUser({ role: "EDITOR" });
    const created = await createUser({ actor: admin, input: data });
    expect(created).not.toHaveProperty("passwordHash");

    const result = await verifyCredentials({ email: data.email.toUpperCase(), password: data.password, ip: "10.0.0.1" });
    expect(result).toEqual({ ok: true, user: { id: created.id, email: data.email, name: data.name, role: "EDITOR", sessionVersion: 0 } });

    const audit = await db.auditEvent.findMany({ where: { subjectId: created.id } });
    expect(audit.map((event) => [event.action, event.actorId])).toEqual([["user.create", admin.id]]);
  });

  it("refuses a duplicate email with a clear conflict and writes nothing", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    const data = buildUser();
    await createUser({ actor: admin, input: data });
    const before = await db.auditEvent.count();
    await expect(createUser({ actor: admin, input: { ...data, name: "Someone else" } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.user.count({ where: { email: data.email } })).toBe(1);
  });

  it("refuses bad input and non-admins", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    await expect(createUser({ actor: admin, input: { ...buildUser(), password: "short" } })).rejects.toThrow(/10 characters/);
    await expect(createUser({ actor: admin, input: { ...buildUser(), role: "OVERLORD" } })).rejects.toThrow();
    for (const role of ["WRITER", "EDITOR", "PUBLISHER"] as const) {
      const { actor } = await insertUser({ role });
      await expect(createUser({ actor, input: buildUser() })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateUser({ actor, userId: actor.id, input: { role: "ADMIN" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("role changes and deactivation are applied and audited; a deactivated user can't sign in", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    const { user, password } = await insertUser({ role: "WRITER" });
    await updateUser({ actor: admin, userId: user.id, input: { role: "PUBLISHER" } });
    await updateUser({ actor: admin, userId: user.id, input: { active: false } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.role, stored.active]).toEqual(["PUBLISHER", false]);
    const audit = await db.auditEvent.findMany({ where: { subjectId: user.id }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["user.role-change", "user.deactivate"]);
    expect(audit[0]!.data).toEqual({ from: "WRITER", to: "PUBLISHER" });
    expect(await verifyCredentials({ email: user.email, password, ip: "10.0.0.2" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("an admin cannot demote or deactivate themselves", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    await expect(updateUser({ actor: admin, userId: admin.id, input: { active: false } })).rejects.toBeInstanceOf(AppError);
    await expect(updateUser({ actor: admin, userId: admin.id, input: { role: "WRITER" } })).rejects.toBeInstanceOf(AppError);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });

  it("password hashes never leave the data layer by default", async () => {
    const { user } = await insertUser();
    const loaded = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(loaded).not.toHaveProperty("passwordHash");
    const many = await db.user.findMany({ take: 3 });
    for (const row of many) expect(row).not.toHaveProperty("passwordHash");
  });
});

describe("audit log", () => {
  it("is append-only in the database itself", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    const created = await createUser({ actor: admin, input: buildUser() });
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectId: created.id } });
    // The trigger refuses the owner; the least-privilege role (FACTDESK_TEST_APP_ROLE) lacks the privilege to begin with.
    const refused = /append-only|permission denied/;
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(refused);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(refused);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(refused);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("user.create");
  });
});
