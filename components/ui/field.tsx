import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";
import type { ActionResult } from "@/lib/schemas/results";
import { FIELD_CONTROL } from "./control";


export function TextField({ label, id, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; id: string }) {
  return (
    <label htmlFor={id} className="block text-sm font-medium text-neutral-800">
      {label}
      <input id={id} className={FIELD_CONTROL} {...props} />
    </label>
  );
}

export function SelectField({
  label,
  id,
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; id: string; options: readonly string[] }) {
  return (
    <label htmlFor={id} className="block text-sm font-medium text-neutral-800">
      {label}
      <select id={id} className={FIELD_CONTROL} {...props}>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Alert({ tone, children }: { tone: "error" | "success"; children: React.ReactNode }) {
  const colors = tone === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-green-300 bg-green-50 text-green-800";
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${colors}`}>
      {children}
    </p>
  );
}

/** What a form's server action answered: its error, or its success message; nothing before it ran. */
export function ActionOutcome({ state, className }: { state: ActionResult<unknown> | null; className?: string }) {
  if (!state) return null;
  const message = state.ok ? state.message : state.error;
  if (!message) return null;
  return (
    <div className={className}>
      <Alert tone={state.ok ? "success" : "error"}>{message}</Alert>
    </div>
  );
}
