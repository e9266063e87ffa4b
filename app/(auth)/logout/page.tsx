import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default function LogoutPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <h1 className="text-lg font-semibold">Sign out of Factdesk?</h1>
      <div className="mt-6 flex gap-3">
        <SignOutButton variant="primary" />
        <Link href="/wires" className="px-3 py-1.5 text-sm text-blue-700 underline">
          Stay signed in
        </Link>
      </div>
    </main>
  );
}
