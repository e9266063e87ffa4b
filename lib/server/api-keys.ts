import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import { db } from "./db";

const KEY_PREFIX = "fdk_";

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 12), keyHash: hashApiKey(key) };
}

/** Keys are long random strings, so a fast hash is enough (no password stretching needed). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The API key a request carries as `Authorization: Bearer <key>`; 401 when missing, unknown or revoked. */
export async function authenticateApiKey(request: Request): Promise<{ id: string; name: string }> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("UNAUTHENTICATED", "Send an API key as `Authorization: Bearer <key>`.");
  const apiKey = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(match[1]!) }, select: { id: true, name: true, revokedAt: true } });
  if (!apiKey) throw new AppError("UNAUTHENTICATED", "The API key is not valid.");
  if (apiKey.revokedAt) throw new AppError("UNAUTHENTICATED", "The API key has been revoked.");
  await db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date() } });
  return { id: apiKey.id, name: apiKey.name };
}
