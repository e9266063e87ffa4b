"use client";

import { WordDiffText } from "@/components/review/word-diff";
import { hasChanges } from "@/lib/domain/diff/words";
import type { SourceUpdateChoice } from "@/lib/domain/story/operation-builders";
import type { FactSourceUpdates, SourceUpdate } from "@/lib/domain/story/source-updates";
import { WORKSPACE_BUTTON } from "./controls";

const KIND_WORDS: Record<string, string> = { update: "an update", correction: "a correction", withheld: "a withheld version", kill: "a kill" };

/** "14:02 UTC on 2026-12-05": when the agency's new version arrived. */
function arrival(iso: string): string {
  return `${iso.slice(11, 16)} UTC on ${iso.slice(0, 10)}`;
}

/** What the agency sent, in words: "AP 1 sent a correction (v2) at 14:02 UTC on 2026-12-05." */
function whatArrived(label: string, update: SourceUpdate): string {
  const { latest } = update;
  const what = latest.kind ? KIND_WORDS[latest.kind] : latest.pubStatus === "usable" ? "a new version" : `a version marked ${latest.pubStatus}`;
  return `${label} sent ${what} (v${latest.version}) at ${arrival(latest.receivedAt)}.`;
}

interface SourceUpdateBoxProps {
  number: number;
  flag: FactSourceUpdates;
  /** The fact's label for a wire, as its source marks say it ("AP 1"). */
  labelOf: (wireStoryId: string) => string;
  factText: string;
  /** Detaching the last source is refused unless the fact has an own-reporting note. */
  canDetach: (update: SourceUpdate) => boolean;
  canEdit: boolean;
  onChoose: (update: SourceUpdate, choice: SourceUpdateChoice) => void;
}

/**
 * A fact whose source the agency has since updated, corrected, withheld or killed: what changed
 * in the cited sentence, word by word, and the editor's choices (lib/domain/story/source-updates).
 */
export function SourceUpdateBox({ number, flag, labelOf, factText, canDetach, canEdit, onChoose }: SourceUpdateBoxProps) {
  const tone = flag.sourceWithdrawn ? "border-red-300 bg-red-50" : "border-amber-300 bg-amber-50";
  return (
    <div role="region" aria-label={`Fact ${number}: its source changed`} data-testid="source-update" className={`mt-1 ml-5 rounded border p-2 text-sm ${tone}`}>
      {flag.sourceWithdrawn ? (
        <p className="font-medium text-red-900">Source withdrawn: nothing supports Fact {number} any more. It cannot be published until it has a source again.</p>
      ) : null}
      {flag.updates.map((update) => {
        const label = labelOf(update.source.wireStoryId);
        const detachable = canDetach(update);
        const reworded = update.diff ? hasChanges(update.diff) : false;
        const reasonId = `detach-reason-${number}-${update.source.wireStoryId}-${update.source.start}`;
        return (
          <div key={`${update.source.wireStoryId}:${update.source.start}`} className="mt-1 first:mt-0">
            <p>
              <span className="font-medium">{whatArrived(label, update)}</span>{" "}
              {update.withdrawn ? "The version this fact cites no longer counts as a source." : null}
            </p>
            <p className="mt-1">
              {!update.diff ? (
                <>
                  v{update.latest.version} no longer has the sentence <q className="font-serif">{update.oldText}</q>
                </>
              ) : reworded ? (
                <span className="font-serif">
                  <WordDiffText diff={update.diff} />
                </span>
              ) : (
                <>
                  v{update.latest.version} states it unchanged: <q className="font-serif">{update.oldText}</q>
                </>
              )}
            </p>
            {canEdit ? (
              <div className="mt-1 flex flex-wrap items-center gap-1">
                {reworded && update.replacement && update.replacement.text !== factText ? (
                  <button type="button" className={WORKSPACE_BUTTON} onClick={() => onChoose(update, "update")}>
                    Update the fact
                  </button>
                ) : null}
                {update.replacement ? (
                  <button type="button" className={WORKSPACE_BUTTON} onClick={() => onChoose(update, "reattach")}>
                    Cite v{update.latest.version} instead
                  </button>
                ) : null}
                <button type="button" className={WORKSPACE_BUTTON} disabled={!detachable} aria-describedby={detachable ? undefined : reasonId} onClick={() => onChoose(update, "detach")}>
                  Detach {label}
                </button>
                {detachable ? null : (
                  <span id={reasonId} className="text-xs text-neutral-700">
                    It is the fact’s only source: add an own-reporting note or delete the fact to let it go.
                  </span>
                )}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
