"use client";

import { useEffect, useId, useState, type CSSProperties, type KeyboardEvent } from "react";
import type { SourceRef } from "@/lib/domain/story";
import { agencyName, disputedByText, wireLabel } from "@/lib/domain/story";
import type { WorkspaceSentence, WorkspaceWire } from "@/lib/schemas/workspace";
import { SmallButton } from "@/components/ui/button";

/** A source cited by a fact of the story. */
export interface Citation {
  source: SourceRef;
  factId: string;
  /** The fact's 1-based place in the story. */
  number: number;
}

/** A wire sentence that states another value for a fact of the story. */
export interface Dispute extends Citation {
  value: string;
}

interface SourcesPaneProps {
  wires: WorkspaceWire[];
  /** Every source cited anywhere in the story, to mark sentences as used and find their fact. */
  citations: Citation[];
  /** Every sentence recorded as disputing a fact, to say so where it stands. */
  disputes: Dispute[];
  selectedFactLabel: string | null;
  /** Sources of the selected fact, so "Attach" is not offered for what it already cites. */
  selectedSources: SourceRef[];
  canEdit: boolean;
  busy: boolean;
  onAdd: (wire: WorkspaceWire, sentence: WorkspaceSentence) => void;
  onAttach: (wire: WorkspaceWire, sentence: WorkspaceSentence) => void;
  onShowFact: (factId: string) => void;
  /** A source to show where it stands in its wire (from the inspector); `key` changes on every request. */
  reveal: { source: SourceRef; key: number } | null;
}

/**
 * Sentences that share a fact across wires share a colour: a light tint and a stronger edge,
 * hues spread by the golden angle so neighbouring groups differ.
 */
function groupStyle(group: number | null): CSSProperties | undefined {
  if (group === null) return undefined;
  const hue = Math.round((group * 137.508 + 200) % 360);
  return { backgroundColor: `hsl(${hue} 85% 96%)`, borderLeftColor: `hsl(${hue} 60% 48%)` };
}

function overlaps(source: SourceRef, wireId: string, sentence: WorkspaceSentence): boolean {
  return source.wireStoryId === wireId && source.start < sentence.end && source.end > sentence.start;
}

function agencyAndDate(wire: WorkspaceWire): string {
  return `${agencyName(wire.agency)}${wire.date ? ` · ${wire.date}` : ""}`;
}

/** The story's wire stories as tabs, each listing its sentences with what can be done with them. */
export function SourcesPane({ wires, citations, disputes, selectedFactLabel, selectedSources, canEdit, busy, onAdd, onAttach, onShowFact, reveal }: SourcesPaneProps) {
  const [active, setActive] = useState(0);
  const [revealed, setRevealed] = useState<{ wireIndex: number; sentenceIndex: number; key: number } | null>(null);
  const baseId = useId();
  const current = wires[Math.min(active, wires.length - 1)];
  const sentenceId = (wireIndex: number, sentenceIndex: number) => `${baseId}-wire-${wireIndex}-sentence-${sentenceIndex}`;

  // Showing a source opens its wire's tab at the sentence, once per request (state adjusted while
  // rendering, as React advises for a prop change): the wires changing under an earlier request
  // (a live edit) do not move the pane again.
  const [handledReveal, setHandledReveal] = useState(0);
  if (reveal && reveal.key !== handledReveal) {
    setHandledReveal(reveal.key);
    const wireIndex = wires.findIndex((wire) => wire.id === reveal.source.wireStoryId);
    const sentence = wireIndex < 0 ? undefined : wires[wireIndex]!.sentences.find((candidate) => overlaps(reveal.source, reveal.source.wireStoryId, candidate));
    if (sentence) {
      setActive(wireIndex);
      setRevealed({ wireIndex, sentenceIndex: sentence.index, key: reveal.key });
    }
  }
  // The sentence is brought into view and focused once its tab is drawn.
  useEffect(() => {
    if (!revealed || revealed.wireIndex !== active) return;
    const item = document.getElementById(`${baseId}-wire-${revealed.wireIndex}-sentence-${revealed.sentenceIndex}`);
    // "nearest" scrolls the pane's own list, not the page, when the sentence is already in the window.
    item?.scrollIntoView({ block: "nearest" });
    item?.focus({ preventScroll: true });
  }, [revealed, active, baseId]);

  // Arrow keys move between tabs (the ARIA tabs pattern): one tab stop for the whole list.
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const delta = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    let next = delta === 0 ? (event.key === "Home" ? 0 : event.key === "End" ? wires.length - 1 : -1) : (active + delta + wires.length) % wires.length;
    if (next < 0) return;
    event.preventDefault();
    next = Math.max(0, next);
    setActive(next);
    document.getElementById(`${baseId}-tab-${next}`)?.focus();
  };

  return (
    <section aria-label="Sources" className="min-w-0 rounded-lg border border-neutral-200 bg-white p-3">
      <h2 className="text-base font-semibold">Sources</h2>
      {wires.length === 0 ? <p className="mt-2 text-sm text-neutral-600">This story has no wire stories.</p> : null}
      <div role="tablist" aria-label="Wire stories" className="mt-2 flex flex-wrap gap-1">
        {wires.map((wire, index) => (
          <button
            key={wire.id}
            id={`${baseId}-tab-${index}`}
            type="button"
            role="tab"
            aria-selected={index === active}
            aria-controls={`${baseId}-panel`}
            tabIndex={index === active ? 0 : -1}
            title={wire.headline ?? undefined}
            onClick={() => setActive(index)}
            onKeyDown={onTabKey}
            className={`rounded-md border px-2 py-1 text-xs focus-visible:outline-2 focus-visible:outline-blue-600 ${index === active ? "border-neutral-900 bg-neutral-900 text-white" : "border-neutral-300 bg-white hover:bg-neutral-100"}`}
          >
            {wireLabel(wires, wire.id)}
          </button>
        ))}
      </div>
      {current ? (
        <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${active}`} className="mt-3">
          <p className="text-sm font-medium">{current.headline ?? "(no headline)"}</p>
          <p className="text-xs text-neutral-600">{agencyAndDate(current)}</p>
          <ol aria-label="Sentences" className="mt-2 max-h-[70vh] space-y-2 overflow-y-auto pr-1 text-sm">
            {current.sentences.map((sentence) => {
              const citation = citations.find((candidate) => overlaps(candidate.source, current.id, sentence));
              const inSelected = selectedSources.some((source) => overlaps(source, current.id, sentence));
              const disputed = disputes.filter((dispute) => overlaps(dispute.source, current.id, sentence));
              return (
                <li
                  key={sentence.index}
                  id={sentenceId(active, sentence.index)}
                  tabIndex={-1}
                  aria-current={revealed?.wireIndex === active && revealed.sentenceIndex === sentence.index ? "location" : undefined}
                  data-fact-group={sentence.factGroup ?? undefined}
                  data-in-selected-fact={inSelected || undefined}
                  style={groupStyle(sentence.factGroup)}
                  // The selected fact's sentences stand out, so the editor sees where in the wire it comes from.
                  className={`scroll-mt-2 rounded border border-l-4 border-neutral-200 p-2 focus-visible:outline-2 focus-visible:outline-blue-600 ${inSelected ? "ring-2 ring-blue-500" : ""}`}
                >
                  {/* Clicking the sentence shows its fact in the story, as the button does for the keyboard. */}
                  <p className={citation ? "cursor-pointer" : undefined} onClick={citation ? () => onShowFact(citation.factId) : undefined}>
                    {sentence.text}
                  </p>
                  <p className="mt-1 text-xs text-neutral-600">
                    {sentence.alsoIn.length > 0
                      ? `Also in ${sentence.alsoIn.map((id) => wireLabel(wires, id)).join(", ")}`
                      : sentence.otherValueIn.length > 0
                        ? "No other wire says this as it does"
                        : "Only this wire says this"}
                    {sentence.otherValueIn.length > 0 ? (
                      <span className="text-red-800">
                        {" · "}Told otherwise in {disputedByText(sentence.otherValueIn, (id) => wireLabel(wires, id))}
                      </span>
                    ) : null}
                  </p>
                  <div className="mt-1 flex min-h-6 flex-wrap items-center gap-1 text-xs">
                    {citation ? (
                      <>
                        <span className="rounded bg-green-100 px-1.5 py-0.5 font-medium text-green-900">used</span>
                        <button
                          type="button"
                          onClick={() => onShowFact(citation.factId)}
                          aria-label={`Show Fact ${citation.number}: sentence ${sentence.index + 1}`}
                          className="inline-flex min-h-6 min-w-6 items-center rounded border border-neutral-300 bg-white px-1.5 py-0.5 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-blue-600"
                        >
                          Show Fact {citation.number}
                        </button>
                      </>
                    ) : null}
                    {[...new Set(disputed.map((dispute) => dispute.number))].map((number) => (
                      <span key={number} className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-900">
                        disputes Fact {number}: {disputed.filter((dispute) => dispute.number === number).map((dispute) => dispute.value).join(", ")}
                      </span>
                    ))}
                    {canEdit ? (
                      <>
                        <SmallButton disabled={busy} onClick={() => onAdd(current, sentence)} aria-label={`Add to story: sentence ${sentence.index + 1}`}>
                          Add to story
                        </SmallButton>
                        {selectedFactLabel && !inSelected ? (
                          <button
                            type="button"
                            disabled={busy}
                            onClick={() => onAttach(current, sentence)}
                            aria-label={`Attach to selected fact (${selectedFactLabel}): sentence ${sentence.index + 1}`}
                            className="inline-flex min-h-6 min-w-6 items-center rounded border border-blue-300 bg-white px-1.5 py-0.5 text-blue-800 hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:text-neutral-400"
                          >
                            Attach to selected fact
                          </button>
                        ) : null}
                      </>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
