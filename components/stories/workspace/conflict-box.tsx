"use client";

import type { FactConflict, Overruled } from "./drafts";
import { WORKSPACE_BUTTON } from "./controls";

const BOX = "mt-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm";

/** A fact someone else changed while this editor was typing in it: their text beside ours, and the choice. */
export function ConflictBox({ conflict, number, onKeepMine, onKeepTheirs }: { conflict: FactConflict; number: number; onKeepMine: () => void; onKeepTheirs: () => void }) {
  return (
    <div role="alert" aria-label={`Conflict in Fact ${number}`} className={BOX}>
      <p className="font-medium">Someone else changed this fact while you were editing. Keeping yours replaces theirs, and they are told.</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2">
        <dt className="font-semibold">Yours</dt>
        <dd>{conflict.yours}</dd>
        <dt className="font-semibold">Theirs</dt>
        <dd>{conflict.theirs?.text}</dd>
      </dl>
      <div className="mt-1 flex gap-2">
        <button type="button" className={WORKSPACE_BUTTON} onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className={WORKSPACE_BUTTON} onClick={onKeepTheirs}>
          Keep theirs
        </button>
      </div>
    </div>
  );
}

/** Typing in a fact someone removed meanwhile, shown where the fact stood: who removed it, and the text, one click from coming back. */
export function RemovedFactBox({ conflict, onAddBack, onDiscard }: { conflict: FactConflict; onAddBack: () => void; onDiscard: () => void }) {
  const by = conflict.removed?.by;
  const headline = by ? `${by.actorName} ${by.what} while you were typing in it.` : "Someone removed this fact while you were typing in it.";
  return (
    <div role="alert" aria-label="Your text of a removed fact" data-testid="removed-fact" className={BOX}>
      <p className="font-medium">{headline}</p>
      <p className="mt-1">
        <span className="font-semibold">Your text: </span>
        <span className="font-serif">{conflict.yours}</span>
      </p>
      <div className="mt-1 flex gap-2">
        <button type="button" className={WORKSPACE_BUTTON} onClick={onAddBack}>
          Add as new fact here
        </button>
        <button type="button" className={WORKSPACE_BUTTON} onClick={onDiscard}>
          Discard my text
        </button>
      </div>
    </div>
  );
}

/** Someone chose "Keep mine" over this editor's change of a fact: who, and their text one click from coming back. */
export function OverruledBox({ overruled, number, onRestore, onDismiss }: { overruled: Overruled; number: number; onRestore: () => void; onDismiss: () => void }) {
  return (
    <div role="alert" aria-label={`Your change to Fact ${number} was replaced`} className={BOX}>
      <p className="font-medium">{overruled.byName} replaced your change to this fact with their own text.</p>
      <p className="mt-1">
        <span className="font-semibold">Your text was: </span>
        <span className="font-serif">{overruled.text}</span>
      </p>
      <div className="mt-1 flex gap-2">
        <button type="button" className={WORKSPACE_BUTTON} onClick={onRestore}>
          Restore my text
        </button>
        <button type="button" className={WORKSPACE_BUTTON} onClick={onDismiss}>
          Leave theirs
        </button>
      </div>
    </div>
  );
}
