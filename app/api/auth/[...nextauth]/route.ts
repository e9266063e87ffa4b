import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions, clientAddress } from "@/lib/server/auth";
import { withErrors } from "@/lib/server/http";
import { signInRetryAfterSeconds } from "@/lib/server/rate-limit";
import { readBodyBytes } from "@/lib/server/read-body";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** A sign-in form is an email, a password and a token: nothing needs more. */
export const MAX_AUTH_FORM_BYTES = 16 * 1024;

/**
 * next-auth answers a refused sign-in with 401 whatever the reason; a rate-limited one must
 * say 429 and when to retry, so credential sign-ins are checked here first. Bodies are read here,
 * up to their limit, before next-auth sees them.
 */
const POST = withErrors(async (request: Request, context: Context) => {
  const { nextauth } = await context.params;
  const bytes = await readBodyBytes(request, MAX_AUTH_FORM_BYTES);
  if (nextauth.join("/") === "callback/credentials") {
    const email = new URLSearchParams(new TextDecoder().decode(bytes)).get("email");
    const retryAfter = await signInRetryAfterSeconds({ email: email ?? "", ip: clientAddress(request.headers) });
    if (retryAfter > 0) {
      const url = new URL("/login", request.url);
      url.searchParams.set("error", "RateLimited");
      url.searchParams.set("retryAfter", String(retryAfter));
      return Response.json(
        {
          url: url.toString(),
          error: { code: "RATE_LIMITED", message: `Too many failed sign-ins. Try again in ${Math.ceil(retryAfter / 60)} minutes.` },
          retryAfterSeconds: retryAfter,
        },
        { status: 429, headers: { "Retry-After": String(retryAfter) } },
      );
    }
  }
  const body = bytes.byteLength > 0 ? bytes : undefined;
  return handler(new NextRequest(request.url, { method: request.method, headers: request.headers, body }), context);
});

const GET = withErrors((request: Request, context: Context) => handler(request, context));

export { GET, POST };
