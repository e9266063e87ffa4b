"use client";

import type { Proposal } from "@/lib/domain/story/proposals";
import { wireLabel } from "@/lib/domain/story";
import type { WorkspaceWire } from "@/lib/schemas/workspace";
import { WORKSPACE_BUTTON } from "./controls";


interface ProposalsPanelProps {
  proposals: Proposal[];
  wires: WorkspaceWire[];
  /** The story's fact number of a fact id, for "corroborates Fact 7" and "after Fact 7". */
  factNumber: (factId: string) => number | null;
  busy: boolean;
  onAccept: (proposal: Proposal) => void;
  onDismiss: (proposal: Proposal) => void;
}

/**
 * What wire stories added to the story later bring to it, one proposal at a time: a sentence
 * that corroborates a fact the story has (attach it as a source), one that tells the fact with
 * another value (mark the fact disputed by it), or a fact the story lacks (add it where the wire
 * tells it). Nothing changes until the editor accepts.
 */
export function ProposalsPanel({ proposals, wires, factNumber, busy, onAccept, onDismiss }: ProposalsPanelProps) {
  if (proposals.length === 0) return null;
  const counted = (kind: Proposal["kind"], one: string, many: string) => {
    const n = proposals.filter((p) => p.kind === kind).length;
    return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  };
  const summary = [...counted("add", "new fact", "new facts"), ...counted("corroborate", "corroboration", "corroborations"), ...counted("dispute", "dispute", "disputes")].join(", ");
  return (
    <details open className="mt-3 rounded-md border border-violet-200 bg-violet-50/60 p-2 text-sm">
      <summary className="cursor-pointer font-medium">Proposals from added wires: {summary}</summary>
      <ul aria-label="Proposals" className="mt-2 max-h-80 space-y-2 overflow-y-auto pr-1">
        {proposals.map((proposal) => {
          const sources = proposal.kind === "add" ? proposal.sources : [proposal.source];
          const from = [...new Set(sources.map((source) => wireLabel(wires, source.wireStoryId)))].join(", ");
          const number = proposal.kind === "add" ? (proposal.afterFactId ? factNumber(proposal.afterFactId) : null) : factNumber(proposal.factId);
          const what =
            proposal.kind === "corroborate"
              ? `${from} corroborates Fact ${number ?? "?"}`
              : proposal.kind === "dispute"
                ? `${from} disputes Fact ${number ?? "?"}: ${proposal.source.value}`
                : `New fact from ${from}, ${number === null ? "at the start" : `after Fact ${number}`}`;
          return (
            <li key={proposal.id} aria-label={what} className="rounded border border-violet-200 bg-white p-2">
              <p className="text-xs font-medium text-violet-900">{what}</p>
              <p className="mt-1 font-serif">{proposal.text}</p>
              <div className="mt-1 flex gap-1">
                <button type="button" className={WORKSPACE_BUTTON} disabled={busy} onClick={() => onAccept(proposal)}>
                  {proposal.kind === "corroborate" ? "Attach as source" : proposal.kind === "dispute" ? "Mark fact disputed" : "Add to story"}
                </button>
                <button type="button" className={WORKSPACE_BUTTON} disabled={busy} onClick={() => onDismiss(proposal)}>
                  Dismiss
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
