import { describe, expect, it } from "vitest";
import { authOptions, currentUserFor } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import {
  ACCOUNT_DELAY_MAX_MS,
  ACCOUNT_FREE_FAILURES,
  SIGN_IN_MAX_ADDRESS_FAILURES,
  SIGN_IN_MAX_FAILURES,
  SIGN_IN_WINDOW_MS,
  signInRetryAfterSeconds,
} from "@/lib/server/rate-limit";
import { updateUser } from "@/lib/server/services/update-user";
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

  it(`locks an account for one address after ${SIGN_IN_MAX_FAILURES} failures in 15 minutes`, async () => {
    const { user, password } = await insertUser();
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      expect(await verifyCredentials({ email: user.email, password: "wrong-password", ip })).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await verifyCredentials({ email: user.email, password, ip });
    expect(locked).toMatchObject({ ok: false, reason: "rate-limited" });
    const wait = (locked as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBeGreaterThan(SIGN_IN_WINDOW_MS / 1000 - 60);
    expect(wait).toBeLessThanOrEqual(SIGN_IN_WINDOW_MS / 1000);
    // Once the window has passed, the account is free again.
    const later = new Date(Date.now() + SIGN_IN_WINDOW_MS + 1000);
    expect(await signInRetryAfterSeconds({ email: user.email, ip }, later)).toBe(0);
  });

  it("an attacker elsewhere cannot lock a colleague out", async () => {
    const { user, password } = await insertUser();
    const attacker = freshIp();
    for (let i = 0; i < SIGN_IN_MAX_FAILURES + 3; i++) await verifyCredentials({ email: user.email, password: "wrong-password", ip: attacker });
    expect(await verifyCredentials({ email: user.email, password, ip: attacker })).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await verifyCredentials({ email: user.email, password, ip: freshIp() })).toMatchObject({ ok: true });
  });

  it("per account alone, many failures from many addresses slow sign-in down, for a minute at most", async () => {
    const { user, password } = await insertUser();
    for (let i = 0; i < ACCOUNT_FREE_FAILURES + 4; i++) await verifyCredentials({ email: user.email, password: "wrong-password", ip: freshIp() });
    const slowed = await verifyCredentials({ email: user.email, password, ip: freshIp() });
    expect(slowed).toMatchObject({ ok: false, reason: "rate-limited" });
    expect((slowed as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(ACCOUNT_DELAY_MAX_MS / 1000);
    const afterDelay = new Date(Date.now() + ACCOUNT_DELAY_MAX_MS + 1000);
    expect(await signInRetryAfterSeconds({ email: user.email, ip: freshIp() }, afterDelay)).toBe(0);
  });

  it(`at most ${SIGN_IN_MAX_FAILURES} of 20 parallel wrong passwords for one account and address are checked`, async () => {
    const { user, password } = await insertUser();
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 20 }, () => verifyCredentials({ email: user.email, password: "wrong-password", ip })));
    const checked = results.filter((result) => !result.ok && result.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(SIGN_IN_MAX_FAILURES);
    expect(checked).toBeGreaterThan(0);
    expect(results.filter((result) => !result.ok && result.reason === "rate-limited").length).toBe(20 - checked);
    expect(await verifyCredentials({ email: user.email, password, ip })).toMatchObject({ ok: false, reason: "rate-limited" });
  });

  it(`locks an address after ${SIGN_IN_MAX_ADDRESS_FAILURES} failures, whatever the accounts`, async () => {
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_MAX_ADDRESS_FAILURES; i++) {
      await verifyCredentials({ email: `guess${i}-${ip}@factdesk.test`, password: "wrong-password", ip });
    }
    const { user, password } = await insertUser();
    expect(await verifyCredentials({ email: user.email, password, ip })).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await verifyCredentials({ email: user.email, password, ip: freshIp() })).toMatchObject({ ok: true });
  });

  it("a success clears the account's failures", async () => {
    const { user, password } = await insertUser();
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++) await verifyCredentials({ email: user.email, password: "wrong-password", ip });
    expect(await verifyCredentials({ email: user.email, password, ip })).toMatchObject({ ok: true });
    expect(await verifyCredentials({ email: user.email, password: "wrong-password", ip })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ email: user.email, password, ip })).toMatchObject({ ok: true });
  });

  it("treats malformed input as a failed attempt, not a crash", async () => {
    expect(await verifyCredentials({ email: 42, password: null, ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ email: "not-an-email", password: "x", ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("sessions", () => {
  it("end on sign-out and on deactivation, and reactivation does not bring old ones back", async () => {
    const { user, actor } = await insertUser();
    const { actor: admin } = await insertUser({ role: "ADMIN" });
    const issued = (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } })).sessionVersion;
    expect(await currentUserFor(user.id, issued)).toMatchObject({ id: actor.id });

    await authOptions.events!.signOut!({ token: { sub: user.id }, session: null as never });
    expect(await currentUserFor(user.id, issued)).toBeNull();

    const second = issued + 1;
    expect(await currentUserFor(user.id, second)).not.toBeNull();
    await updateUser({ actor: admin, userId: user.id, input: { active: false } });
    await updateUser({ actor: admin, userId: user.id, input: { active: true } });
    expect(await currentUserFor(user.id, second)).toBeNull();
  });
});
