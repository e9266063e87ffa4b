import "server-only";
import { describeDatabaseError } from "../database-errors";
import { db } from "../db";

const TIMEOUT_MS = 3000;

export async function checkDatabase(): Promise<{ ok: true } | { ok: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describeDatabaseError(error) };
  } finally {
    clearTimeout(timer);
  }
}
