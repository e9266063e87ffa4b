"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FIELD_CONTROL } from "@/components/ui/control";

interface TextActionFormProps {
  label: string;
  /** What the action does, under the label. */
  hint?: ReactNode;
  busy: boolean;
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  /** Called with the trimmed text, never empty; resolves true when the action was taken. */
  onSubmit: (text: string) => Promise<boolean>;
  /** Shown beside the submit button (a Cancel button). */
  extra?: ReactNode;
}

/** An action that needs a text (a summary, a correction note, a reason): a required textarea and its button. */
export function TextActionForm({ label, hint, busy, submitLabel, variant = "primary", onSubmit, extra }: TextActionFormProps) {
  const id = useId();
  const [value, setValue] = useState("");
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        const text = value.trim();
        if (text) void onSubmit(text).then((done) => done && setValue(""));
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-neutral-800">
        {label}
      </label>
      {hint ? <p className="text-sm text-neutral-600">{hint}</p> : null}
      <textarea id={id} required value={value} onChange={(e) => setValue(e.target.value)} className={FIELD_CONTROL} rows={3} />
      <div className="flex gap-2">
        <Button type="submit" variant={variant} disabled={busy || !value.trim()}>
          {submitLabel}
        </Button>
        {extra}
      </div>
    </form>
  );
}
