import { useId, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * An action this user may not take now: its button, disabled, with the reason beside it, so an
 * action never just disappears ("You edited this revision, so another editor or a publisher must approve it.").
 */
export function UnavailableAction({ label, reason }: { label: string; reason: string }) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <Button type="button" variant="secondary" disabled aria-describedby={id}>
        {label}
      </Button>
      <p id={id} className="text-sm text-neutral-600">
        {reason}
      </p>
    </div>
  );
}

/** A titled group of actions (review, publication). */
export function ActionGroup({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-neutral-200 bg-white p-4">
      <h3 id={id} className="text-sm font-semibold text-neutral-800">
        {title}
      </h3>
      {children}
    </section>
  );
}
