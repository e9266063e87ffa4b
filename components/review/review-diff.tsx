"use client";

import { useId, useState } from "react";
import type { FactChange, RevisionDiff } from "@/lib/domain/diff/revisions";
import { SMALL_BUTTON } from "@/components/ui/control";
import { discrepancyDetail, disputedByText, sourcesByWire, wireLabel } from "@/lib/domain/story";
import { useCommentTarget } from "./comment-target";
import { WordDiffText } from "./word-diff";

interface Wire {
  id: string;
  agency: string | null;
  headline: string | null;
}

const STATUS_WORDS: Record<FactChange["status"], string> = { added: "Added", removed: "Removed", changed: "Changed", unchanged: "Unchanged" };

const STATUS_STYLE: Record<FactChange["status"], string> = {
  added: "border-green-600 bg-green-50",
  removed: "border-red-600 bg-red-50",
  changed: "border-amber-500 bg-amber-50",
  unchanged: "border-neutral-200",
};

/** The diff fact by fact, with a "Changes only" toggle. */
export function ReviewDiff({ diff, wires, canComment }: { diff: RevisionDiff; wires: Wire[]; canComment: boolean }) {
  const [changesOnly, setChangesOnly] = useState(false);
  const { choose } = useCommentTarget();
  // Words selected inside the fact become the comment's quote.
  const commentOn = (factId: string, element: HTMLElement | null) => {
    const selection = window.getSelection();
    const inside = selection && element && selection.rangeCount > 0 && element.contains(selection.getRangeAt(0).commonAncestorContainer);
    choose(factId, inside ? selection.toString().trim() : "");
  };
  const toggleId = useId();
  const labelOf = (wireStoryId: string) => wireLabel(wires, wireStoryId);
  const facts = changesOnly ? diff.facts.filter((f) => f.status !== "unchanged" || f.moved) : diff.facts;

  return (
    <section aria-labelledby="diff-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-4">
        <h2 id="diff-heading" className="text-lg font-semibold">
          Changes
        </h2>
        <label htmlFor={toggleId} className="flex items-center gap-2 text-sm">
          <input id={toggleId} type="checkbox" checked={changesOnly} onChange={(e) => setChangesOnly(e.target.checked)} />
          Changes only
        </label>
      </div>
      {diff.headline && (
        <p>
          <span className="font-medium">Headline: </span>
          <WordDiffText diff={diff.headline} />
        </p>
      )}
      {diff.standfirst && (
        <p>
          <span className="font-medium">Standfirst: </span>
          <WordDiffText diff={diff.standfirst} />
        </p>
      )}
      {diff.dateline && (
        <p>
          <span className="font-medium">Dateline: </span>
          {diff.dateline.before && <del className="bg-red-100 text-red-900">{diff.dateline.before}</del>}{" "}
          {diff.dateline.after && <ins className="bg-green-100 text-green-900 no-underline">{diff.dateline.after}</ins>}
        </p>
      )}
      {facts.length === 0 ? (
        <p className="text-sm text-neutral-600">No fact changed.</p>
      ) : (
        <ol aria-label="Facts" className="space-y-2">
          {facts.map((fact) => (
            <li key={`${fact.status}-${fact.factId}`} className={`rounded border-l-4 p-2 ${STATUS_STYLE[fact.status]}`} data-status={fact.status}>
              <div className="flex items-start justify-between gap-2">
                <p className="text-xs font-medium text-neutral-600">
                  {STATUS_WORDS[fact.status]}
                  {fact.moved && <span className="ml-2 rounded bg-blue-100 px-1 text-blue-900">Moved</span>}
                </p>
                {canComment && fact.status !== "removed" ? (
                  <button
                    type="button"
                    // Keeps the text selection: the click must not take it away before it is read.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={(event) => commentOn(fact.factId, event.currentTarget.closest("li")?.querySelector("[data-fact-text]") ?? null)}
                    className={SMALL_BUTTON}
                  >
                    Comment
                  </button>
                ) : null}
              </div>
              <p data-fact-text>
                {fact.textDiff ? (
                  <WordDiffText diff={fact.textDiff} />
                ) : fact.status === "removed" ? (
                  <del>{fact.text}</del>
                ) : fact.status === "added" ? (
                  <ins className="no-underline">{fact.text}</ins>
                ) : (
                  fact.text
                )}
              </p>
              {fact.sourcesAdded.length > 0 && (
                <p className="text-sm text-green-800">Sources added: {sourcesByWire(fact.sourcesAdded, labelOf)}</p>
              )}
              {fact.sourcesRemoved.length > 0 && (
                <p className="text-sm text-red-800">Sources removed: {sourcesByWire(fact.sourcesRemoved, labelOf)}</p>
              )}
              {fact.disputingAdded.length > 0 && (
                <p className="text-sm text-red-800">Now disputed by: {disputedByText(fact.disputingAdded, labelOf)}</p>
              )}
              {fact.disputingRemoved.length > 0 && (
                <p className="text-sm text-neutral-700">No longer disputed by: {disputedByText(fact.disputingRemoved, labelOf)}</p>
              )}
              {fact.ownReportingNote && (
                <p className="text-sm">Own-reporting note: {fact.ownReportingNote.after ?? "removed"}</p>
              )}
              {fact.discrepanciesOpened.map((d) => (
                <p key={`o-${d.id}`} className="text-sm text-red-800">
                  Discrepancy opened: {discrepancyDetail(d, labelOf)}
                </p>
              ))}
              {fact.discrepanciesResolved.map((d) => (
                <p key={`r-${d.id}`} className="text-sm text-green-800">
                  Discrepancy resolved: {discrepancyDetail(d, labelOf)}
                </p>
              ))}
              {fact.discrepanciesDropped.map((d) => (
                <p key={`d-${d.id}`} className="text-sm text-neutral-700">
                  Discrepancy dropped: {discrepancyDetail(d, labelOf)}
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
