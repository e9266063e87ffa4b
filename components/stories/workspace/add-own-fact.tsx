"use client";

import { useState } from "react";

/** "Add fact" for the reporter's own reporting: a fact without a wire source needs a note saying where it comes from. */
export function AddOwnFact({ onAdd }: { onAdd: (text: string, note: string) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [note, setNote] = useState("");
  if (!open) {
    return (
      <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
        <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-blue-600">
          Add fact
        </button>
        <span className="text-neutral-600">or use “Add to story” on a source sentence.</span>
      </div>
    );
  }
  return (
    <form
      aria-label="Add fact"
      className="mt-4 space-y-2 rounded border border-neutral-200 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd(text.trim(), note.trim());
        setText("");
        setNote("");
        setOpen(false);
      }}
    >
      <label className="block font-medium">
        New fact
        <textarea value={text} onChange={(event) => setText(event.target.value)} rows={2} className="mt-1 block w-full rounded border border-neutral-300 px-2 py-1" />
      </label>
      <label className="block font-medium">
        Own reporting note (required: who told you, how you know)
        <input value={note} onChange={(event) => setNote(event.target.value)} className="mt-1 block w-full rounded border border-neutral-300 px-2 py-1" />
      </label>
      <div className="flex gap-2">
        <button type="submit" disabled={text.trim() === "" || note.trim() === ""} className="rounded-md bg-neutral-900 px-3 py-1.5 text-white disabled:bg-neutral-400">
          Add
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-neutral-300 px-3 py-1.5">
          Cancel
        </button>
      </div>
    </form>
  );
}
