"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CONTROL } from "@/components/ui/control";
import { Cell } from "@/components/ui/table";
import type { ActionResult } from "@/lib/schemas/results";

export interface UserRowData {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
}

export function UserRow({
  user,
  roles,
  isSelf,
  changeRole,
  setActive,
}: {
  user: UserRowData;
  roles: readonly string[];
  isSelf: boolean;
  changeRole: (userId: string, role: string) => Promise<ActionResult<null>>;
  setActive: (userId: string, active: boolean) => Promise<ActionResult<null>>;
}) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  function run(action: () => Promise<ActionResult<null>>) {
    startTransition(async () => {
      const result = await action();
      setMessage(result.ok ? { tone: "success", text: result.message ?? "Saved." } : { tone: "error", text: result.error });
    });
  }

  return (
    <tr className={user.active ? "" : "text-neutral-400"} data-testid={`user-${user.email}`}>
      <Cell className="font-medium">{user.name}</Cell>
      <Cell>{user.email}</Cell>
      <Cell>
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.name}
        </label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          disabled={pending || isSelf}
          onChange={(event) => run(() => changeRole(user.id, event.target.value))}
          className={CONTROL}
        >
          {roles.map((role) => (
            <option key={role}>{role}</option>
          ))}
        </select>
      </Cell>
      <Cell>{user.active ? "Active" : "Deactivated"}</Cell>
      <Cell>
        {isSelf ? (
          <span className="text-xs text-neutral-500">You</span>
        ) : (
          <Button
            variant={user.active ? "danger" : "secondary"}
            disabled={pending}
            aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}
            onClick={() => run(() => setActive(user.id, !user.active))}
          >
            {user.active ? "Deactivate" : "Reactivate"}
          </Button>
        )}
        {message ? (
          <span role={message.tone === "error" ? "alert" : "status"} className={`ml-2 text-xs ${message.tone === "error" ? "text-red-700" : "text-green-700"}`}>
            {message.text}
          </span>
        ) : null}
      </Cell>
    </tr>
  );
}
