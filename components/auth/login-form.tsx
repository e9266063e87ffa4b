"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert, TextField } from "@/components/ui/field";
import { safeCallbackPath } from "@/lib/domain/http/callback-url";

function describeWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}

export function LoginForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(safeCallbackPath(callbackUrl));
        router.refresh();
        return;
      }
      if (result?.status === 429 || result?.error === "RateLimited") {
        const retryAfter = Number(new URL(result.url ?? "", window.location.href).searchParams.get("retryAfter") ?? 900);
        setError(`Too many failed sign-ins. Try again in ${describeWait(retryAfter)}.`);
      } else {
        setError("Wrong email or password.");
      }
    } catch {
      setError("Could not reach Factdesk. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Sign in">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField label="Email" id="email" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" id="password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full py-2" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
