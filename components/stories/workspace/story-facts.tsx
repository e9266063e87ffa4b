"use client";

import { ConflictBox } from "./conflict-box";
import { FactRow } from "./fact-row";
import type { StoryStore } from "./story-store";
import type { useFactDrag } from "./use-fact-drag";
import { shallowEqual, useStoryState } from "./use-story-state";
import { mentionsNotInSources, type StoryView } from "./use-story-view";

const NO_NAMES: string[] = [];

interface StoryFactsProps {
  store: StoryStore;
  view: StoryView;
  editorsByFact: Map<string, string[]>;
  drag: ReturnType<typeof useFactDrag>;
}

/** The story's paragraphs, each fact as a row (showing typed text over the saved one) with its conflict, if any. */
export function StoryFacts({ store, view, editorsByFact, drag }: StoryFactsProps) {
  const { drafts, conflicts, selectedId, canEdit } = useStoryState(
    store,
    (snapshot) => ({ drafts: snapshot.drafts, conflicts: snapshot.conflicts, selectedId: snapshot.selectedId, canEdit: snapshot.data.canEdit }),
    shallowEqual,
  );
  const factCount = view.places.size;
  return (
    <div className="mt-4 space-y-5">
      {view.doc.paragraphs.map((paragraph, paragraphIndex) => (
        <div key={paragraph.id} role="group" aria-label={`Paragraph ${paragraphIndex + 1}`} className="space-y-1 border-l-2 border-neutral-100 pl-2">
          {paragraph.facts.map((fact) => {
            const place = view.places.get(fact.id)!;
            const text = drafts[fact.id]?.text ?? fact.text;
            const checks = view.factChecks.get(fact.id);
            const conflict = conflicts[fact.id];
            return (
              <div key={fact.id}>
                <FactRow
                  fact={fact}
                  number={place.number}
                  text={text}
                  marks={checks?.marks ?? NO_NAMES}
                  singleSourced={checks?.badges.singleSourced ?? false}
                  disputed={checks?.badges.disputed ?? false}
                  disputedBy={checks?.disputedBy ?? ""}
                  ownReporting={checks?.badges.ownReporting ?? false}
                  unsupported={mentionsNotInSources(text, checks?.citedTexts ?? NO_NAMES)}
                  selected={selectedId === fact.id}
                  dirty={drafts[fact.id] !== undefined}
                  canEdit={canEdit}
                  busy={false}
                  isFirst={place.number === 1}
                  isLast={place.number === factCount}
                  editors={editorsByFact.get(fact.id) ?? NO_NAMES}
                  onSelect={store.select}
                  onText={store.typeText}
                  onBlurText={store.flushFact}
                  onCursor={store.setCursor}
                  onMove={store.move}
                  onMerge={store.merge}
                  onSplit={store.split}
                  onDelete={store.deleteFact}
                  dropIndicator={drag.dropTarget?.factId === fact.id ? drag.dropTarget.position : null}
                  onDragFact={drag.onDragFact}
                  onDragOverFact={drag.onDragOverFact}
                  onDropOnFact={drag.onDropOnFact}
                />
                {conflict ? <ConflictBox conflict={conflict} number={place.number} onKeepMine={() => store.keepMine(fact.id)} onKeepTheirs={() => store.keepTheirs(fact.id)} /> : null}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
