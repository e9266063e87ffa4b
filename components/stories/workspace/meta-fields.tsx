"use client";

import type { StoryStore } from "./story-store";
import { shallowEqual, useStoryState } from "./use-story-state";

/** Headline and standfirst, saved as you type, with "Keep mine" / "Keep theirs" when someone else changed them meanwhile. */
export function MetaFields({ store }: { store: StoryStore }) {
  const view = useStoryState(
    store,
    ({ data, metaDraft, metaConflict }) => ({
      headline: metaDraft?.headline ?? data.document.headline,
      standfirst: metaDraft?.standfirst ?? data.document.standfirst,
      savedHeadline: data.document.headline,
      savedStandfirst: data.document.standfirst,
      canEdit: data.canEdit,
      conflict: metaConflict,
    }),
    shallowEqual,
  );
  return (
    <>
      <label className="block text-xs font-semibold tracking-wide text-neutral-600 uppercase">
        Headline
        <input
          value={view.headline}
          disabled={!view.canEdit}
          onChange={(event) => store.typeMeta("headline", event.target.value)}
          onBlur={store.flushMeta}
          className="mt-1 block w-full rounded border border-neutral-200 px-2 py-1 font-serif text-2xl font-bold tracking-normal text-neutral-900 normal-case focus-visible:outline-2 focus-visible:outline-blue-600 disabled:bg-transparent"
        />
      </label>
      <label className="mt-3 block text-xs font-semibold tracking-wide text-neutral-600 uppercase">
        Standfirst
        <textarea
          value={view.standfirst}
          disabled={!view.canEdit}
          rows={2}
          onChange={(event) => store.typeMeta("standfirst", event.target.value)}
          onBlur={store.flushMeta}
          className="mt-1 block w-full rounded border border-neutral-200 px-2 py-1 font-serif text-lg tracking-normal text-neutral-800 normal-case focus-visible:outline-2 focus-visible:outline-blue-600 disabled:bg-transparent"
        />
      </label>
      {view.conflict ? (
        <div role="alert" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          <p>
            {view.conflict}. Current: “{view.savedHeadline}” / “{view.savedStandfirst}”
          </p>
          <div className="mt-1 flex gap-2">
            <button type="button" className="underline" onClick={store.keepMineMeta}>
              Keep mine
            </button>
            <button type="button" className="underline" onClick={store.keepTheirsMeta}>
              Keep theirs
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
