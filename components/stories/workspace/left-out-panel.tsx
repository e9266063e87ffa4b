"use client";

import type { LeftOutWireSentence } from "@/lib/domain/story";
import { wireLabel } from "@/lib/domain/story";
import { WORKSPACE_BUTTON } from "./controls";
import type { WorkspaceSentence, WorkspaceWire } from "@/lib/schemas/workspace";

interface LeftOutPanelProps {
  items: LeftOutWireSentence[];
  wires: WorkspaceWire[];
  canEdit: boolean;
  busy: boolean;
  onAdd: (wire: WorkspaceWire, sentence: WorkspaceSentence) => void;
}

/**
 * The wire sentences no fact of the story is sourced from, each with why (it disputes a fact,
 * or no fact states it) and one click from becoming a fact: with the facts' sources, every
 * sentence of the story's wires is accounted for.
 */
export function LeftOutPanel({ items, wires, canEdit, busy, onAdd }: LeftOutPanelProps) {
  const wireById = new Map(wires.map((wire) => [wire.id, wire]));
  return (
    <section aria-label="Left out" className="mt-4 min-w-0 rounded-lg border border-neutral-200 bg-white p-3">
      <h2 className="text-base font-semibold">Left out{items.length > 0 ? ` (${items.length})` : ""}</h2>
      {items.length === 0 ? <p className="mt-1 text-sm text-neutral-600">Every sentence of the wires is a source of a fact.</p> : null}
      <ul aria-label="Left-out sentences" className="mt-2 space-y-2 text-sm">
        {items.map((item) => {
          const wire = wireById.get(item.wireStoryId);
          const sentence = wire?.sentences.find((s) => s.index === item.index);
          if (!wire || !sentence) return null;
          const label = wireLabel(wires, wire.id);
          return (
            <li key={`${item.wireStoryId}:${item.index}`} className="rounded border border-neutral-200 p-2">
              <p className="text-xs font-medium text-neutral-700">
                {label}, sentence {item.index + 1}
              </p>
              <p className="mt-1 font-serif leading-relaxed">{sentence.text}</p>
              <p className="mt-1 text-xs text-neutral-600">{item.reason}</p>
              {canEdit ? (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => onAdd(wire, sentence)}
                  aria-label={`Add to story: ${label}, left-out sentence ${item.index + 1}`}
                  className={`mt-1 ${WORKSPACE_BUTTON}`}
                >
                  Add to story
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
