"use client";

import { WORKSPACE_BUTTON } from "./controls";
import type { StoryStore } from "./story-store";
import { shallowEqual, useStoryState } from "./use-story-state";

const LABEL = "text-xs font-semibold tracking-wide text-neutral-600 uppercase";
const FIELD =
  "field-sizing-content block min-h-6 w-full resize-none rounded border border-neutral-200 px-1.5 py-0.5 text-neutral-900 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:border-transparent disabled:bg-transparent";

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
      <div className="grid grid-cols-[4.5rem_minmax(0,1fr)] items-baseline gap-x-2 gap-y-1.5">
        <label htmlFor="story-headline" className={LABEL}>
          Headline
        </label>
        {/* A field that wraps: a long headline is never cut off. It stays one line of text (Enter does not break it). */}
        <textarea
          id="story-headline"
          value={view.headline}
          disabled={!view.canEdit}
          rows={1}
          onChange={(event) => store.typeMeta("headline", event.target.value.replace(/\n/g, " "))}
          onKeyDown={(event) => {
            if (event.key === "Enter") event.preventDefault();
          }}
          onBlur={store.flushMeta}
          className={`${FIELD} font-serif text-xl leading-tight font-bold`}
        />
        <label htmlFor="story-standfirst" className={LABEL}>
          Standfirst
        </label>
        <textarea
          id="story-standfirst"
          value={view.standfirst}
          disabled={!view.canEdit}
          rows={1}
          onChange={(event) => store.typeMeta("standfirst", event.target.value)}
          onBlur={store.flushMeta}
          className={`${FIELD} font-serif text-base leading-snug text-neutral-800`}
        />
      </div>
      {view.conflict ? (
        <div role="alert" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          <p>
            {view.conflict}. Current: “{view.savedHeadline}” / “{view.savedStandfirst}”
          </p>
          <div className="mt-1 flex gap-2">
            <button type="button" className={WORKSPACE_BUTTON} onClick={store.keepMineMeta}>
              Keep mine
            </button>
            <button type="button" className={WORKSPACE_BUTTON} onClick={store.keepTheirsMeta}>
              Keep theirs
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
