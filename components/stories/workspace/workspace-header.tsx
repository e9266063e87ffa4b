"use client";

import Link from "next/link";
import { ReviewStatus } from "./review-status";
import { canStep, hasUnsavedWork, type StoryStore } from "./story-store";
import type { PresenceUser } from "@/lib/schemas/workspace";
import { shallowEqual, useStoryState } from "./use-story-state";

const STEP_BUTTON = "rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:text-neutral-400";

/** Revision and owner, the headline, who else is here, undo and redo, and whether everything is saved. */
export function WorkspaceHeader({ store, others }: { store: StoryStore; others: PresenceUser[] }) {
  const view = useStoryState(
    store,
    (snapshot) => ({
      revisionNumber: snapshot.data.revision.number,
      state: snapshot.data.revision.state,
      ownerName: snapshot.data.story.ownerName,
      headline: snapshot.metaDraft?.headline ?? snapshot.data.document.headline,
      canEdit: snapshot.data.canEdit,
      offline: snapshot.status === "offline",
      unsaved: hasUnsavedWork(snapshot),
      conflicts: Object.keys(snapshot.conflicts).length,
      undoable: canStep(snapshot, "undo"),
      redoable: canStep(snapshot, "redo"),
    }),
    shallowEqual,
  );
  // A conflict holds typing that is saved only once the editor decides it: say so, not "Saving…".
  const statusText = view.offline
    ? "Offline — changes kept, retrying"
    : view.conflicts > 0
      ? `Not saved: ${view.conflicts === 1 ? "a conflict waits" : `${view.conflicts} conflicts wait`} for you`
      : view.unsaved
        ? "Saving…"
        : "All changes saved";
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <div className="min-w-0 flex-1">
        <p className="text-sm text-neutral-600">
          <Link href="/stories" className="text-blue-700 underline">
            ← Stories
          </Link>{" "}
          · Revision {view.revisionNumber} · owner {view.ownerName}
        </p>
        <h1 className="mt-0.5 font-serif text-xl leading-tight font-bold break-words">{view.headline.trim() || <span className="text-neutral-500 italic">Untitled story: give it a headline below</span>}</h1>
        <ReviewStatus store={store} />
      </div>
      <p aria-label="People in this story" className="text-sm text-neutral-700">
        {others.length > 0 ? `Also here: ${others.map((user) => user.name).join(", ")}` : "Only you are here"}
      </p>
      {view.canEdit ? (
        <div className="flex items-center gap-2">
          <button type="button" onClick={store.undo} disabled={!view.undoable} aria-keyshortcuts="Control+Z" className={STEP_BUTTON}>
            Undo
          </button>
          <button type="button" onClick={store.redo} disabled={!view.redoable} aria-keyshortcuts="Control+Shift+Z" className={STEP_BUTTON}>
            Redo
          </button>
        </div>
      ) : (
        <p className="rounded bg-neutral-100 px-2 py-1 text-sm text-neutral-700">Read only</p>
      )}
      <p role="status" className={`w-48 text-right text-sm ${view.offline ? "font-medium text-amber-800" : "text-neutral-600"}`}>
        {view.canEdit ? statusText : ""}
      </p>
    </div>
  );
}

/** Why the last edit was not applied, until dismissed. */
export function WorkspaceNotice({ store }: { store: StoryStore }) {
  const notice = useStoryState(store, (snapshot) => snapshot.notice);
  if (!notice) return null;
  return (
    <div role="alert" className="flex items-start justify-between gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      <span>{notice}</span>
      <button type="button" onClick={() => store.showNotice(null)} className="min-h-6 min-w-6 px-1 underline">
        Dismiss
      </button>
    </div>
  );
}
