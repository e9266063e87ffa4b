import { describe, expect, it } from "vitest";
import { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS, signInRetryAfterSeconds } from "@/lib/server/rate-limit";
import { verifyCredentials } from "@/lib/server/services/verify-credentials";
import { insertUser } from "./db-helpers";

let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one or an unknown account with the same answer", async () => {
    const { user, password } = await insertUser({ role: "EDITOR" });
    const ip = freshIp();
    expect(await verifyCredentials({ email: user.email, password, ip })).toMatchObject({ ok: true, user: { id: user.id, role: "EDITOR" } });
    const wrong = await verifyCredentials({ email: user.email, password: "not-the-password", ip });
    const unknown = await verifyCredentials({ email: "nobody@factdesk.test", password: "whatever-password", ip });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it(`locks an account after ${SIGN_IN_MAX_FAILURES} failures in 15 minutes, whatever the address`, async () => {
    const { user, password } = await insertUser();
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      expect(await verifyCredentials({ email: user.email, password: "wrong-password", ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await verifyCredentials({ email: user.email, password, ip: freshIp() });
    expect(locked).toMatchObject({ ok: false, reason: "rate-limited" });
    const wait = (locked as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBeGreaterThan(SIGN_IN_WINDOW_MS / 1000 - 60);
    expect(wait).toBeLessThanOrEqual(SIGN_IN_WINDOW_MS / 1000);
    // Once the window has passed, the account is free again.
    const later = new Date(Date.now() + SIGN_IN_WINDOW_MS + 1000);
    expect(await signInRetryAfterSeconds({ email: user.email, ip: freshIp() }, later)).toBe(0);
  });

  it(`locks an address after ${SIGN_IN_MAX_FAILURES} failures, whatever the accounts`, async () => {
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      await verifyCredentials({ email: `guess${i}@factdesk.test`, password: "wrong-password", ip });
    }
    const { user, password } = await insertUser();
    expect(await verifyCredentials({ email: user.email, password, ip })).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await verifyCredentials({ email: user.email, password, ip: freshIp() })).toMatchObject({ ok: true });
  });

  it("a success clears the account's failures", async () => {
    const { user, password } = await insertUser();
    for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++) await verifyCredentials({ email: user.email, password: "wrong-password", ip: freshIp() });
    expect(await verifyCredentials({ email: user.email, password, ip: freshIp() })).toMatchObject({ ok: true });
    expect(await verifyCredentials({ email: user.email, password: "wrong-password", ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ email: user.email, password, ip: freshIp() })).toMatchObject({ ok: true });
  });

  it("treats malformed input as a failed attempt, not a crash", async () => {
    expect(await verifyCredentials({ email: 42, password: null, ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ email: "not-an-email", password: "x", ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
  });
});
