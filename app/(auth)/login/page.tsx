import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/lib/domain/http";
import { getCurrentUser } from "@/lib/server/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  if (await getCurrentUser()) redirect(safeCallbackPath(callbackUrl));
  const initialError =
    params.error === "CredentialsSignin" ? "Wrong email or password." : params.error === "RateLimited" ? "Too many failed sign-ins. Wait a while and try again." : undefined;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <p className="font-serif text-3xl font-bold tracking-tight">Factdesk</p>
      <p className="mt-1 text-sm text-neutral-600">Many wires, one sourced story.</p>
      <h1 className="mt-8 mb-4 text-lg font-semibold">Sign in</h1>
      <LoginForm callbackUrl={callbackUrl} initialError={initialError} />
    </main>
  );
}
