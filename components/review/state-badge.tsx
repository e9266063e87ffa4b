import { revisionStateLabel } from "@/lib/domain/workflow";

const TONES: Record<string, string> = {
  DRAFT: "border-neutral-300 bg-neutral-100 text-neutral-800",
  IN_REVIEW: "border-blue-200 bg-blue-50 text-blue-900",
  CHANGES_REQUESTED: "border-amber-300 bg-amber-50 text-amber-900",
  APPROVED: "border-green-300 bg-green-50 text-green-900",
  PUBLISHED: "border-green-600 bg-green-700 text-white",
};

/** A revision's workflow state in words ("In review"), never its code. */
export function StateBadge({ state }: { state: string }) {
  const tone = TONES[state] ?? "border-neutral-300 bg-white text-neutral-700";
  return <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-semibold ${tone}`}>{revisionStateLabel(state)}</span>;
}
