import "server-only";
import { db, type Db } from "./db";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Wrong passwords for one account from one address, per window: the hard limit a guesser meets. */
export const SIGN_IN_MAX_FAILURES = 5;
/** Wrong passwords from one address, whatever the accounts (an office behind one NAT shares it). */
export const SIGN_IN_MAX_ADDRESS_FAILURES = 20;
/**
 * Per account alone there is no lock-out, or anyone anywhere could lock a colleague out with five
 * wrong passwords. After this many failures from all addresses, each further attempt waits a delay
 * that doubles with every failure, up to ACCOUNT_DELAY_MAX_MS.
 */
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_DELAY_MAX_MS = 60 * 1000;

export interface SignInSubject {
  email: string;
  ip: string;
}

type LimitedResult = { allowed: false; retryAfterSeconds: number };
export type SignInAttempt = { allowed: true; attemptIds: bigint[] } | LimitedResult;

function keysFor(subject: SignInSubject) {
  const account = subject.email.trim().toLowerCase().slice(0, 320);
  return {
    pair: `pair:${account}|${subject.ip}`,
    address: `ip:${subject.ip}`,
    account: `account:${account}`,
  };
}

/** How long the account must rest after `failures` failures in the window, in ms. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_DELAY_MAX_MS, 1000 * 2 ** (failures - ACCOUNT_FREE_FAILURES));
}

type FailureReader = Pick<Db, "loginFailure">;

/** How long `subject` must wait before its next attempt, in ms (0: now), from the failures recorded so far. */
async function waitMs(reader: FailureReader, subject: SignInSubject, now: Date): Promise<number> {
  const keys = keysFor(subject);
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const newestFailures = (key: string, take?: number) =>
    reader.loginFailure.findMany({ where: { key, createdAt: { gt: since } }, orderBy: { createdAt: "desc" }, take, select: { createdAt: true } });
  let wait = 0;
  for (const [key, limit] of [
    [keys.pair, SIGN_IN_MAX_FAILURES],
    [keys.address, SIGN_IN_MAX_ADDRESS_FAILURES],
  ] as const) {
    const failures = await newestFailures(key, limit);
    // Allowed again once the oldest of the last `limit` failures leaves the window.
    if (failures.length >= limit) wait = Math.max(wait, failures.at(-1)!.createdAt.getTime() + SIGN_IN_WINDOW_MS - now.getTime());
  }
  const accountFailures = await newestFailures(keys.account);
  const delay = accountDelayMs(accountFailures.length);
  if (delay > 0) wait = Math.max(wait, accountFailures[0]!.createdAt.getTime() + delay - now.getTime());
  return Math.max(0, wait);
}

/**
 * Takes a sign-in attempt: either refuses it with the time to wait, or records it as a failure in
 * advance and lets the caller check the password (a correct one then takes the record back with
 * `forgiveAttempt`). Counting and recording happen under advisory locks on the account and the
 * address, so parallel wrong passwords are counted one after another and at most
 * SIGN_IN_MAX_FAILURES of them are ever checked in a window, across app instances.
 */
export async function beginSignInAttempt(subject: SignInSubject, now = new Date()): Promise<SignInAttempt> {
  const keys = keysFor(subject);
  return db.$transaction(async (tx) => {
    // Always in the same (sorted) order, so two attempts never wait on each other in a cycle.
    for (const key of [keys.account, keys.address].sort()) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
    }
    const wait = await waitMs(tx, subject, now);
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) };
    const attemptIds: bigint[] = [];
    for (const key of [keys.pair, keys.address, keys.account]) {
      attemptIds.push((await tx.loginFailure.create({ data: { key, createdAt: now }, select: { id: true } })).id);
    }
    return { allowed: true, attemptIds };
  });
}

/**
 * A correct password: the attempt was no failure, and the account's failures and this address's
 * failures for it are forgiven. The address's count for other accounts stays, so one valid account
 * cannot be used to reset a password-spraying address.
 */
export async function forgiveAttempt(subject: SignInSubject, attemptIds: bigint[]): Promise<void> {
  const keys = keysFor(subject);
  await db.loginFailure.deleteMany({
    where: { OR: [{ id: { in: attemptIds } }, { key: { in: [keys.pair, keys.account] } }] },
  });
}

/** Seconds until an attempt would be allowed, without taking one (to answer 429 up front). */
export async function signInRetryAfterSeconds(subject: SignInSubject, now = new Date()): Promise<number> {
  return Math.ceil((await waitMs(db, subject, now)) / 1000);
}
