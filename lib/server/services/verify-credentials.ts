import "server-only";
import { ZCredentials } from "@/lib/schemas/users";
import { db } from "../db";
import { verifyAgainstDummy, verifyPassword } from "../passwords";
import { beginSignInAttempt, forgiveAttempt } from "../rate-limit";

export interface VerifyCredentialsOptions {
  email: unknown;
  password: unknown;
  ip: string;
}

export type VerifyCredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * Checks an email and password. Every failure looks the same to the caller (no account
 * enumeration). The attempt is counted before the password is checked (see beginSignInAttempt),
 * so a burst of parallel guesses cannot slip past the limit.
 */
export async function verifyCredentials(options: VerifyCredentialsOptions): Promise<VerifyCredentialsResult> {
  const parsed = ZCredentials.safeParse({ email: options.email, password: options.password });
  const email = typeof options.email === "string" ? options.email : "";
  const subject = { email, ip: options.ip };

  const attempt = await beginSignInAttempt(subject);
  if (!attempt.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: attempt.retryAfterSeconds };
  if (!parsed.success) return { ok: false, reason: "invalid" };

  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    omit: { passwordHash: false },
  });
  const valid = user ? await verifyPassword(user.passwordHash, parsed.data.password) : await verifyAgainstDummy(parsed.data.password);
  if (!user || !valid || !user.active) return { ok: false, reason: "invalid" };
  await forgiveAttempt(subject, attempt.attemptIds);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
