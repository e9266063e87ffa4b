import "server-only";
import { randomBytes } from "node:crypto";

/** Prisma's default ids are cuids; a raw insert makes its own of the same shape (time-ordered, 25 characters). */
let idCounter = 0;
export function newId(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  const random = Array.from(randomBytes(12), (byte) => (byte % 36).toString(36)).join("");
  return `c${Date.now().toString(36).padStart(8, "0")}${idCounter.toString(36).padStart(4, "0")}${random}`;
}
