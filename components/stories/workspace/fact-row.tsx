"use client";

import { memo, type DragEvent } from "react";
import type { StoryFact } from "@/lib/domain/story";
import type { DropPosition, UnsupportedMention } from "@/lib/domain/story";
import { WORKSPACE_BUTTON } from "./controls";

export interface FactRowProps {
  fact: StoryFact;
  /** 1-based position in the story, for the "Fact N" label. */
  number: number;
  text: string;
  marks: string[];
  singleSourced: boolean;
  disputed: boolean;
  /** Wires that state another value, as "Unattributed 6: 1,200 kilometers, 750 miles; AP 1: Wednesday"; empty when none. */
  disputedBy: string;
  ownReporting: boolean;
  /** A cited wire version was replaced since ("changed"), or nothing supports the fact any more ("withdrawn"). */
  sourceChange: "changed" | "withdrawn" | null;
  unsupported: UnsupportedMention[];
  selected: boolean;
  dirty: boolean;
  canEdit: boolean;
  busy: boolean;
  isFirst: boolean;
  isLast: boolean;
  /** Names of other people with this fact selected. */
  editors: string[];
  /** Where a fact being dragged would land if dropped now, relative to this one. */
  dropIndicator: DropPosition | null;
  onSelect: (factId: string) => void;
  onText: (factId: string, text: string) => void;
  onBlurText: (factId: string) => void;
  onCursor: (factId: string, position: number) => void;
  onMove: (factId: string, direction: "up" | "down") => void;
  onMerge: (factId: string) => void;
  onSplit: (factId: string) => void;
  onDelete: (factId: string) => void;
  onDragFact: (factId: string | null) => void;
  onDragOverFact: (factId: string, position: DropPosition | null) => void;
  onDropOnFact: (factId: string, position: DropPosition) => void;
}

/** The type a dragged fact carries, so drops of text or files from elsewhere are not taken for one. */
const FACT_DRAG_TYPE = "application/x-factdesk-fact";

/** Above or below the middle of the row the pointer is over. */
function dropPositionOf(event: DragEvent<HTMLElement>): DropPosition {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY < box.top + box.height / 2 ? "before" : "after";
}

// Badges wrap in the narrow margin rather than cut off: "disputed by Unattributed 6: 750 miles"
// is read for its wire and value, which a truncated badge hid.
const BADGE = "inline-block max-w-full rounded px-1 py-px font-medium leading-tight wrap-break-word";
/** Comes and goes with typing or with others' presence: laid over the row's top edge, so it moves nothing. */
const TAG = "pointer-events-none absolute -top-2 right-2 rounded bg-white px-1 text-[0.65rem] leading-4";

export const FactRow = memo(function FactRow(props: FactRowProps) {
  const { fact, number, text, marks, selected, canEdit, busy, editors } = props;
  const label = `Fact ${number}`;
  const marksText = marks.length > 0 ? marks.join(", ") : "own reporting";
  // The drop line is a shadow, not a border or margin, so showing it moves nothing.
  const dropLine = props.dropIndicator === "before" ? "shadow-[0_-3px_0_0_#2563eb]" : props.dropIndicator === "after" ? "shadow-[0_3px_0_0_#2563eb]" : "";
  const dropHandlers = canEdit
    ? {
        onDragOver: (event: DragEvent<HTMLDivElement>) => {
          if (!event.dataTransfer.types.includes(FACT_DRAG_TYPE)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = "move";
          props.onDragOverFact(fact.id, dropPositionOf(event));
        },
        onDragLeave: (event: DragEvent<HTMLDivElement>) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) props.onDragOverFact(fact.id, null);
        },
        onDrop: (event: DragEvent<HTMLDivElement>) => {
          if (!event.dataTransfer.types.includes(FACT_DRAG_TYPE)) return;
          event.preventDefault();
          props.onDropOnFact(fact.id, dropPositionOf(event));
        },
      }
    : {};
  return (
    <div
      data-testid="fact"
      data-fact-id={fact.id}
      className={`relative rounded-md border px-1 py-0.5 ${dropLine} ${selected ? "border-blue-500 bg-blue-50/50" : editors.length > 0 ? "border-amber-400" : "border-transparent hover:border-neutral-200"}`}
      onFocusCapture={() => props.onSelect(fact.id)}
      onClick={() => props.onSelect(fact.id)}
      {...dropHandlers}
    >
      <div className="flex flex-wrap items-start gap-1 sm:flex-nowrap">
        {canEdit ? (
          <span
            draggable
            // Pointer only: keyboard and screen-reader users move facts with Move up / Move down.
            aria-hidden="true"
            data-testid="drag-handle"
            title={`Drag to move ${label}`}
            className="mt-0.5 w-4 shrink-0 cursor-grab rounded text-center text-neutral-400 select-none hover:bg-neutral-100 hover:text-neutral-700 active:cursor-grabbing"
            onDragStart={(event) => {
              event.dataTransfer.setData(FACT_DRAG_TYPE, fact.id);
              event.dataTransfer.effectAllowed = "move";
              const row = event.currentTarget.closest("[data-testid=fact]");
              if (row) event.dataTransfer.setDragImage(row, 16, 16);
              props.onDragFact(fact.id);
            }}
            onDragEnd={() => props.onDragFact(null)}
          >
            ⠿
          </span>
        ) : null}
        <textarea
          aria-label={label}
          aria-describedby={`${fact.id}-meta`}
          value={text}
          readOnly={!canEdit}
          disabled={!canEdit}
          // One line when the text fits: the field grows with its text where the browser sizes
          // fields to content; elsewhere the row estimate stands in.
          rows={Math.max(1, Math.ceil(text.length / 85))}
          className="field-sizing-content block min-h-6 min-w-0 flex-1 resize-none rounded border border-neutral-200 bg-white px-1.5 py-0.5 font-serif text-[0.9375rem] leading-snug focus:border-blue-600 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:border-transparent disabled:bg-transparent disabled:text-neutral-900"
          onChange={(event) => {
            props.onText(fact.id, event.target.value);
            props.onCursor(fact.id, event.target.selectionStart);
          }}
          onSelect={(event) => props.onCursor(fact.id, event.currentTarget.selectionStart)}
          onBlur={() => props.onBlurText(fact.id)}
        />
        {/* The margin: source marks and badges beside the text, not under it. */}
        <div id={`${fact.id}-meta`} className="w-full shrink-0 pt-0.5 pl-5 text-[0.7rem] leading-tight sm:w-36 sm:pl-0">
          <sup className="static block align-baseline text-[0.7rem] leading-4 text-blue-800 wrap-break-word" title={`Sources: ${marksText}`}>
            <span className="sr-only">Sources: </span>[{marksText}]
          </sup>
          <div className="mt-0.5 flex flex-wrap gap-0.5">
            {props.singleSourced ? <span className={`${BADGE} bg-amber-100 text-amber-900`}>single source</span> : null}
            {props.disputed ? <span className={`${BADGE} bg-red-100 text-red-900`}>disputed</span> : null}
            {props.disputedBy ? (
              <span data-testid="disputed-by" className={`${BADGE} bg-red-50 text-red-900`}>
                disputed by {props.disputedBy}
              </span>
            ) : null}
            {props.sourceChange === "withdrawn" ? <span className={`${BADGE} bg-red-100 text-red-900`}>source withdrawn</span> : null}
            {props.sourceChange === "changed" ? <span className={`${BADGE} bg-amber-100 text-amber-900`}>source changed</span> : null}
            {props.ownReporting ? <span className={`${BADGE} bg-violet-100 text-violet-900`}>own reporting</span> : null}
            {props.unsupported.length > 0 ? (
              <span className={`${BADGE} bg-orange-100 text-orange-900`} title={props.unsupported.map((m) => m.text).join(", ")}>
                not in sources: {props.unsupported.map((m) => m.text).join(", ")}
              </span>
            ) : null}
          </div>
          {props.dirty || editors.length > 0 ? (
            <span className={`${TAG} ${editors.length > 0 ? "text-amber-800" : "text-neutral-500"}`}>
              {[props.dirty ? "unsaved" : null, editors.length > 0 ? `${editors.join(", ")} editing` : null].filter(Boolean).join(" · ")}
            </span>
          ) : null}
        </div>
      </div>
      {canEdit && selected ? (
        // Actions show for the selected fact only: fewer tab stops, and a compact story.
        <div role="group" aria-label={`${label} actions`} className="mt-1 mb-0.5 flex flex-wrap gap-1 pl-5">
          <button type="button" data-action="move-up" className={WORKSPACE_BUTTON} aria-label={`Move up ${label}`} disabled={busy || props.isFirst} onClick={() => props.onMove(fact.id, "up")}>
            Move up
          </button>
          <button type="button" data-action="move-down" className={WORKSPACE_BUTTON} aria-label={`Move down ${label}`} disabled={busy || props.isLast} onClick={() => props.onMove(fact.id, "down")}>
            Move down
          </button>
          <button type="button" className={WORKSPACE_BUTTON} aria-label={`Merge with next ${label}`} disabled={busy || props.isLast} onClick={() => props.onMerge(fact.id)}>
            Merge with next
          </button>
          <button type="button" className={WORKSPACE_BUTTON} aria-label={`Split at cursor ${label}`} disabled={busy} onClick={() => props.onSplit(fact.id)}>
            Split at cursor
          </button>
          <button type="button" className={`${WORKSPACE_BUTTON} text-red-700`} aria-label={`Delete ${label}`} disabled={busy} onClick={() => props.onDelete(fact.id)}>
            Delete
          </button>
        </div>
      ) : null}
    </div>
  );
});
