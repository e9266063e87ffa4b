"use client";

import { useState } from "react";
import { diffWords } from "@/lib/domain/diff/words";
import type { FactDiscrepancy, SourceRef, StoryFact } from "@/lib/domain/story";
import { discrepancyDetail, disputingSentences, wireLabel, type WireLabelOf } from "@/lib/domain/story";
import { FactHistory } from "./fact-history";
import type { WorkspaceWire } from "@/lib/schemas/workspace";
import { SmallButton } from "@/components/ui/button";

interface InspectorProps {
  storyId: string;
  fact: StoryFact | null;
  factLabel: string | null;
  /** The text as the editor sees it now (unsaved typing included). */
  text: string;
  wires: WorkspaceWire[];
  canEdit: boolean;
  busy: boolean;
  onDetach: (fact: StoryFact, source: SourceRef) => void;
  onResolve: (fact: StoryFact, discrepancy: FactDiscrepancy, chosenSide: number | null, note: string | null) => void;
  onReopen: (fact: StoryFact, discrepancy: FactDiscrepancy) => void;
  /** Shows a source sentence where it stands in its wire, in the sources pane. */
  onShowSource: (source: SourceRef) => void;
}

/** The wire's label, as a button that shows the sentence in its wire. */
function ShowInWire({ label, source, tone, onShowSource }: { label: string; source: SourceRef; tone: "neutral" | "red"; onShowSource: (source: SourceRef) => void }) {
  return (
    <button
      type="button"
      onClick={() => onShowSource(source)}
      aria-label={`Show in ${label}`}
      title="Show this sentence in its wire"
      className={`inline-flex min-h-6 items-center rounded px-1 text-xs font-medium underline decoration-dotted underline-offset-2 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-blue-600 ${tone === "red" ? "text-red-900" : "text-neutral-700"}`}
    >
      {label}
    </button>
  );
}

/** The selected fact under the microscope: each source sentence against its text, and its disputes. */
export function Inspector({ storyId, fact, factLabel, text, wires, canEdit, busy, onDetach, onResolve, onReopen, onShowSource }: InspectorProps) {
  const wireById = new Map(wires.map((wire) => [wire.id, wire]));
  const labelOf = (wireStoryId: string) => wireLabel(wires, wireStoryId);
  return (
    <section aria-label="Inspector" className="min-w-0 rounded-lg border border-neutral-200 bg-white p-3">
      <h2 className="text-base font-semibold">Inspector{factLabel ? `: ${factLabel}` : ""}</h2>
      {!fact ? (
        <p className="mt-2 text-sm text-neutral-600">Select a fact to compare it with its sources.</p>
      ) : (
        <>
          <h3 className="mt-3 text-sm font-semibold">Sources</h3>
          {fact.sources.length === 0 ? <p className="text-sm text-neutral-600">Own reporting: {fact.ownReportingNote}</p> : null}
          <ul aria-label="Fact sources" className="mt-1 space-y-2 text-sm">
            {fact.sources.map((source) => {
              const wire = wireById.get(source.wireStoryId);
              const sentence = wire ? wire.text.slice(source.start, source.end) : "";
              return (
                <li key={`${source.wireStoryId}:${source.start}:${source.end}`} className="rounded border border-neutral-200 p-2">
                  <ShowInWire label={labelOf(source.wireStoryId)} source={source} tone="neutral" onShowSource={onShowSource} />
                  <p className="mt-1 font-serif leading-relaxed" aria-label="Differences between source and fact">
                    {/* Read as "source → fact": struck words are the source's, underlined ones the fact's. */}
                    {diffWords(sentence, text).map((segment, index) =>
                      segment.op === "equal" ? (
                        <span key={index}>{segment.text}</span>
                      ) : segment.op === "delete" ? (
                        <del key={index} className="bg-red-100 text-red-900">
                          {segment.text}
                        </del>
                      ) : (
                        <ins key={index} className="bg-green-100 text-green-900">
                          {segment.text}
                        </ins>
                      ),
                    )}
                  </p>
                  {canEdit ? (
                    <SmallButton disabled={busy} onClick={() => onDetach(fact, source)} className="mt-1">
                      Detach
                    </SmallButton>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {fact.disputedBy && fact.disputedBy.length > 0 ? (
            <>
              <h3 className="mt-4 text-sm font-semibold">Disputed by</h3>
              {/* Wires that state another value: not sources of this fact until a discrepancy is resolved their way. */}
              <ul aria-label="Disputing sources" className="mt-1 space-y-2 text-sm">
                {disputingSentences(fact.disputedBy).map((dispute) => {
                  const wire = wireById.get(dispute.wireStoryId);
                  return (
                    <li key={`${dispute.wireStoryId}:${dispute.start}:${dispute.end}`} className="rounded border border-red-200 bg-red-50/40 p-2">
                      <p className="text-xs font-medium text-red-900">
                        <ShowInWire label={labelOf(dispute.wireStoryId)} source={dispute} tone="red" onShowSource={onShowSource} />: {dispute.values.join(", ")}
                      </p>
                      <p className="mt-1 font-serif leading-relaxed">{wire ? wire.text.slice(dispute.start, dispute.end) : ""}</p>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
          <h3 className="mt-4 text-sm font-semibold">Discrepancies</h3>
          {fact.discrepancies.length === 0 ? (
            <p className="text-sm text-neutral-600">{fact.sources.length > 1 ? "The sources agree." : fact.sources.length === 1 ? "One source: nothing to compare." : "No wire sources to compare."}</p>
          ) : null}
          <ul className="mt-1 space-y-2 text-sm">
            {fact.discrepancies.map((discrepancy) => (
              <li key={discrepancy.id} className="rounded border border-neutral-200 p-2">
                <DiscrepancyItem
                  discrepancy={discrepancy}
                  labelOf={labelOf}
                  canEdit={canEdit}
                  busy={busy}
                  onResolve={(side, note) => onResolve(fact, discrepancy, side, note)}
                  onReopen={() => onReopen(fact, discrepancy)}
                />
              </li>
            ))}
          </ul>
          <FactHistory storyId={storyId} factId={fact.id} version={fact.version} />
        </>
      )}
    </section>
  );
}

function DiscrepancyItem({
  discrepancy,
  labelOf,
  canEdit,
  busy,
  onResolve,
  onReopen,
}: {
  discrepancy: FactDiscrepancy;
  labelOf: WireLabelOf;
  canEdit: boolean;
  busy: boolean;
  onResolve: (side: number | null, note: string | null) => void;
  onReopen: () => void;
}) {
  const [side, setSide] = useState<number | null>(null);
  const [note, setNote] = useState("");
  const resolution = discrepancy.resolution;
  // Worded from the sides with the story's wire labels, so it names the wires as the tabs do.
  const detail = discrepancyDetail(discrepancy, labelOf);
  if (resolution) {
    const chosen = resolution.chosenSide === null ? null : discrepancy.sides[resolution.chosenSide]?.value;
    return (
      <div>
        <p>{detail}</p>
        <p className="mt-1 text-xs text-green-800">
          Resolved{chosen ? `: “${chosen}”` : ""}
          {resolution.note ? ` — ${resolution.note}` : ""}
        </p>
        {canEdit ? (
          <button type="button" disabled={busy} onClick={onReopen} className="mt-1 inline-flex min-h-6 min-w-6 items-center rounded border border-neutral-300 px-1.5 py-0.5 text-xs hover:bg-neutral-100 disabled:text-neutral-400">
            Reopen
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onResolve(side, note.trim() === "" ? null : note.trim());
      }}
    >
      <fieldset disabled={!canEdit || busy}>
        <legend className="font-medium">{detail}</legend>
        {discrepancy.sides.map((s, index) => (
          <label key={index} className="mt-1 flex items-center gap-2">
            <input type="radio" name={`side-${discrepancy.id}`} checked={side === index} onChange={() => setSide(index)} />
            {s.value}
          </label>
        ))}
        <label className="mt-2 block text-xs font-medium">
          Note
          <input value={note} onChange={(event) => setNote(event.target.value)} className="mt-1 block w-full rounded border border-neutral-300 px-2 py-1 text-sm" />
        </label>
        {canEdit ? (
          <button type="submit" disabled={side === null && note.trim() === ""} className="mt-2 rounded bg-neutral-900 px-2 py-1 text-xs text-white disabled:bg-neutral-400">
            Resolve
          </button>
        ) : null}
      </fieldset>
    </form>
  );
}
