import { describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/server/auth";
import { runAction } from "@/lib/server/actions";
import { toErrorResponse } from "@/lib/server/http";
import { createUser } from "@/lib/server/services/create-user";
import { buildUser } from "../factories/users";
import { insertUser } from "./db-helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));

/** What the API would answer for the same failure. */
async function apiMessage(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (error) {
    const response = toErrorResponse(error);
    return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
  }
  throw new Error("expected a failure");
}

describe("a failure reads the same in a form and in the API", () => {
  it("invalid input: the form shows the API's message, each issue with its field", async () => {
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    session.user = admin;
    const input = { ...buildUser(), password: "short" };
    const api = await apiMessage(() => createUser({ actor: admin, input }));
    expect(api.status).toBe(400);
    expect(api.body.error).toEqual({ code: "INVALID_INPUT", message: "password: Passwords need at least 10 characters" });
    expect(await runAction((actor) => createUser({ actor, input }))).toEqual({ ok: false, error: api.body.error.message });
  });

  it("a refusal by the use case, and the unexpected, which says nothing of its cause", async () => {
    const { actor: writer } = await insertUser({ role: "WRITER" });
    session.user = writer;
    const forbidden = await apiMessage(() => createUser({ actor: writer, input: buildUser() }));
    expect(forbidden.status).toBe(403);
    expect(await runAction((actor) => createUser({ actor, input: buildUser() }))).toEqual({ ok: false, error: forbidden.body.error.message });

    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const boom = () => Promise.reject(new Error("secret detail"));
    const unexpected = await apiMessage(boom);
    expect(unexpected).toEqual({ status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong on our side; nothing was changed." } } });
    expect(await runAction(boom)).toEqual({ ok: false, error: unexpected.body.error.message });
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});
