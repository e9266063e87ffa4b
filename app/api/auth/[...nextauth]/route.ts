import NextAuth from "next-auth";
import { authOptions, clientAddress } from "@/lib/server/auth";
import { signInRetryAfterSeconds } from "@/lib/server/rate-limit";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth answers a refused sign-in with 401 whatever the reason; a rate-limited one must
 * say 429 and when to retry, so credential sign-ins are checked here first.
 */
async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData().catch(() => null);
    const email = form?.get("email");
    const retryAfter = await signInRetryAfterSeconds({
      email: typeof email === "string" ? email : "",
      ip: clientAddress(request.headers),
    });
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
  return handler(request, context);
}

export { handler as GET, POST };
