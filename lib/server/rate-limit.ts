import "server-only";
import { db } from "./db";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_MAX_FAILURES = 5;

export interface SignInSubject {
  email: string;
  ip: string;
}

function keysFor(subject: SignInSubject): string[] {
  return [`account:${subject.email.trim().toLowerCase()}`, `ip:${subject.ip}`];
}

/**
 * Seconds until the next sign-in attempt is allowed, or 0 when it is allowed now. Counted per
 * account and per client address; failures live in the database so the limit holds across
 * app instances.
 */
export async function signInRetryAfterSeconds(subject: SignInSubject, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  let waitMs = 0;
  for (const key of keysFor(subject)) {
    const failures = await db.loginFailure.findMany({
      where: { key, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: SIGN_IN_MAX_FAILURES,
      select: { createdAt: true },
    });
    if (failures.length >= SIGN_IN_MAX_FAILURES) {
      // Allowed again once the oldest of the last five failures leaves the window.
      const oldest = failures[failures.length - 1]!.createdAt.getTime();
      waitMs = Math.max(waitMs, oldest + SIGN_IN_WINDOW_MS - now.getTime());
    }
  }
  return Math.ceil(waitMs / 1000);
}

export async function recordSignInFailure(subject: SignInSubject): Promise<void> {
  await db.loginFailure.createMany({ data: keysFor(subject).map((key) => ({ key })) });
}

export async function clearAccountFailures(email: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key: `account:${email.trim().toLowerCase()}` } });
}
