import "server-only";

// The driver adapter's names for "the server is not there" (see @prisma/adapter-pg's error mapping).
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TlsConnectionError", "TooManyConnections"]);
// Prisma's codes for the same, and for a pool that cannot hand out a connection in time.
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Node's socket errors (the pg driver used directly: LISTEN, the queue) and PostgreSQL's own
// "shutting down" / "cannot connect now" (57P01, 57P03).
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "57P01", "57P02", "57P03"]);

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; host?: unknown; port?: unknown } } };
}

function adapterCause(error: ErrorFields) {
  return error.meta?.driverAdapterError?.cause;
}

/** Whether `error` means the database could not be reached, rather than that a query was wrong. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const fields = error as ErrorFields;
  if (fields.name === "PrismaClientInitializationError") return true;
  if (typeof fields.code === "string" && (UNREACHABLE_PRISMA_CODES.has(fields.code) || UNREACHABLE_CODES.has(fields.code))) return true;
  const kind = adapterCause(fields)?.kind;
  if (typeof kind === "string" && UNREACHABLE_KINDS.has(kind)) return true;
  if (typeof fields.message === "string" && /Connection terminated|Can't reach database server|connect ECONNREFUSED/.test(fields.message)) return true;
  if (Array.isArray(fields.errors) && fields.errors.length > 0) return fields.errors.every((inner) => isDatabaseUnavailable(inner, depth + 1));
  return isDatabaseUnavailable(fields.cause, depth + 1);
}

/** One line on why the database failed, for the health check and logs (never empty). */
export function describeDatabaseError(error: unknown): string {
  if (!error || typeof error !== "object") return String(error || "unknown error");
  const fields = error as ErrorFields;
  const cause = adapterCause(fields);
  if (cause?.kind === "DatabaseNotReachable") return `Can't reach database server at ${String(cause.host)}:${String(cause.port)}`;
  if (typeof cause?.kind === "string") return `Database connection failed: ${cause.kind}`;
  const message = typeof fields.message === "string" ? fields.message : "";
  // Prisma's messages start with a blank line and the call site; the reason is the last line.
  const lines = message.split("\n").map((line) => line.trim()).filter(Boolean);
  const line = lines.at(-1);
  if (line) return line.slice(0, 300);
  if (Array.isArray(fields.errors) && fields.errors.length > 0) return describeDatabaseError(fields.errors[0]);
  if (typeof fields.code === "string") return fields.code;
  return "unknown error";
}
