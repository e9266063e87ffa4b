import "server-only";
import { cache } from "react";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isRole, type Role } from "@/lib/domain/policy";
import { CLIENT_ADDRESS_HEADER } from "@/lib/domain/http";
import { authSecret } from "@/lib/env";
import { db } from "./db";
import { verifyCredentials } from "./services/verify-credentials";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * The client's address as scripts/serve.ts worked it out from the socket and, only as far as
 * TRUST_PROXY allows, X-Forwarded-For. Headers a client sends itself are never read here.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  if (!headers) return "unknown";
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(value) ? value[0] : value) || "unknown";
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const result = await verifyCredentials({
          email: credentials?.email,
          password: credentials?.password,
          ip: clientAddress(req?.headers),
        });
        if (result.ok) return result.user;
        // Thrown errors reach the sign-in form as `error`; a refused password stays a plain null.
        if (result.reason === "rate-limited") throw new Error("RateLimited");
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.name = user.name;
        token.role = (user as { role?: string }).role;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.sub ?? "",
        name: token.name ?? "",
        email: token.email ?? "",
        role: String(token.role ?? ""),
        sessionVersion: typeof token.sessionVersion === "number" ? token.sessionVersion : -1,
      };
      return session;
    },
  },
  events: {
    // A JWT cannot be taken back, so signing out moves the user's session version on and every
    // session issued before it (this browser's and any copy of its cookie) stops working.
    async signOut({ token }) {
      if (token?.sub) await endSessions(token.sub);
    },
  },
};

/** Ends every session of a user issued so far (sign-out, deactivation). */
export async function endSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The signed-in user, read from the database on every request, so a deactivated user or a
 * changed role takes effect on the next request, whatever the session cookie says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return currentUserFor(id, session.user.sessionVersion);
});

/** The user a session of `sessionVersion` stands for, or null when deactivated or signed out since. */
export async function currentUserFor(userId: string, sessionVersion: number | undefined): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true } });
  if (!user || !user.active || !isRole(user.role) || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/**
 * For long-lived responses (event streams): a check that the session this request came with is
 * still good, to run now and then; it turns false once the user signs out, is deactivated or
 * loses their account.
 */
export async function sessionCheck(user: CurrentUser): Promise<() => Promise<boolean>> {
  const session = await getServerSession(authOptions);
  const sessionVersion = session?.user?.sessionVersion;
  return async () => (await currentUserFor(user.id, sessionVersion)) !== null;
}
