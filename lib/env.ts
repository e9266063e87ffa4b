import { z } from "zod";
import { parseTrustedProxyHops } from "@/lib/domain/http";

/**
 * Environment variables, parsed once with a clear message for what is wrong. The launcher
 * (scripts/start.ts) supplies DATABASE_URL (the embedded Postgres when none is configured) and
 * a generated NEXTAUTH_SECRET for local runs; a deployment that runs `next start` itself must
 * set both.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXT_PHASE: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url("NEXTAUTH_URL must be the app's public URL").optional(),
  TRUST_PROXY: z
    .string()
    .optional()
    .refine((value) => value === undefined || /^(\d+|true|false)?$/i.test(value.trim()), "TRUST_PROXY must be the number of proxy hops in front of the app (or true/false)"),
});

export type TEnv = z.infer<typeof ZEnv>;

let parsed: TEnv | undefined;

export function env(): TEnv {
  if (parsed) return parsed;
  const result = ZEnv.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  parsed = result.data;
  return parsed;
}

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run start` or `npm run demo`, which provide the embedded database.");
  }
  return url;
}

/** How many proxies in front of the app may be believed about the client (X-Forwarded-*). */
export function trustedProxyHops(): number {
  return parseTrustedProxyHops(env().TRUST_PROXY);
}

/** The app's public URL, when configured. */
export function appUrl(): URL | null {
  const url = env().NEXTAUTH_URL;
  return url ? new URL(url) : null;
}

/**
 * The app's public address for the absolute links readers and subscribers get (canonical URL, Open
 * Graph, JSON-LD, delivered items): NEXTAUTH_URL, else this machine's port; never a request's Host.
 */
export function publicBaseUrl(): URL {
  return appUrl() ?? new URL(`http://localhost:${process.env.PORT ?? 3000}`);
}

const DEVELOPMENT_SECRET = "factdesk-development-secret-not-for-production-use";

export function authSecret(): string {
  const { NEXTAUTH_SECRET, NODE_ENV, NEXT_PHASE } = env();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  // `next build` runs with NODE_ENV=production but signs nothing; a running server must have one.
  if (NODE_ENV === "production" && NEXT_PHASE !== "phase-production-build") {
    throw new Error("NEXTAUTH_SECRET is required in production (npm run start and npm run demo generate one in ./.data/).");
  }
  return DEVELOPMENT_SECRET;
}
