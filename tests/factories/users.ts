import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/domain/policy";

let sequence = 0;

/** Unique user data, so tests never collide with each other or with the demo users. */
export function buildUser(overrides: Partial<{ email: string; name: string; role: Role; password: string }> = {}) {
  sequence += 1;
  const tag = `${Date.now().toString(36)}${sequence}${randomUUID().slice(0, 6)}`;
  return {
    email: `user-${tag}@factdesk.test`,
    name: `Test User ${tag}`,
    role: "WRITER" as Role,
    password: `pass-${tag}-long-enough`,
    ...overrides,
  };
}
