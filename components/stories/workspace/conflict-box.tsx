"use client";

import type { FactConflict } from "./drafts";

/** A fact someone else changed (or deleted) while this editor was typing in it: their text beside ours, and the choice. */
export function ConflictBox({ conflict, number, onKeepMine, onKeepTheirs }: { conflict: FactConflict; number: number; onKeepMine: () => void; onKeepTheirs: () => void }) {
  return (
    <div role="alert" aria-label={`Conflict in Fact ${number}`} className="mt-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
      <p className="font-medium">{conflict.theirs ? "Someone else changed this fact while you were editing." : "Someone else deleted this fact."}</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2">
        <dt className="font-semibold">Yours</dt>
        <dd>{conflict.yours}</dd>
        <dt className="font-semibold">Theirs</dt>
        <dd>{conflict.theirs ? conflict.theirs.text : "(deleted)"}</dd>
      </dl>
      <div className="mt-1 flex gap-2">
        <button type="button" className="rounded border border-neutral-300 bg-white px-2 py-0.5" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className="rounded border border-neutral-300 bg-white px-2 py-0.5" onClick={onKeepTheirs}>
          Keep theirs
        </button>
      </div>
    </div>
  );
}
