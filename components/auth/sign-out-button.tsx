"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ variant = "secondary" }: { variant?: "primary" | "secondary" }) {
  return (
    <Button variant={variant} onClick={() => void signOut({ callbackUrl: "/login" })}>
      Sign out
    </Button>
  );
}
