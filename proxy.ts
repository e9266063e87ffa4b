import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret } from "@/lib/env";

/**
 * Sends signed-out visitors of newsroom pages to sign-in, keeping where they were going.
 * This is the fast path only: the newsroom layout checks the user against the database
 * (deactivated users, changed roles) on every request.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: authSecret() });
  if (token?.sub) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/wires/:path*", "/stories/:path*", "/published/:path*", "/admin/:path*", "/audit/:path*", "/notifications/:path*"],
};
