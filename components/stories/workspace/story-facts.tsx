"use client";

import { Fragment } from "react";
import { spotNow, type StoryDocument } from "@/lib/domain/story";
import { ConflictBox, OverruledBox, RemovedFactBox } from "./conflict-box";
import type { FactConflict } from "./drafts";
import { FactRow } from "./fact-row";
import { SourceUpdateBox } from "./source-update-box";
import type { StoryStore } from "./story-store";
import type { useFactDrag } from "./use-fact-drag";
import { shallowEqual, useStoryState } from "./use-story-state";
import { mentionsNotInSources, type StoryView } from "./use-story-view";

const NO_NAMES: string[] = [];
const AT_END = "end";

interface StoryFactsProps {
  store: StoryStore;
  view: StoryView;
  editorsByFact: Map<string, string[]>;
  drag: ReturnType<typeof useFactDrag>;
}

/** Where typing in a removed fact shows: after the fact it followed (or a paragraph's start), else at the story's end. */
function removedFactSlots(doc: StoryDocument, conflicts: Readonly<Record<string, FactConflict>>): Map<string, string[]> {
  const slots = new Map<string, string[]>();
  for (const [factId, conflict] of Object.entries(conflicts)) {
    if (conflict.theirs) continue;
    const where = conflict.removed?.spot ? spotNow(doc, conflict.removed.spot) : null;
    const key = where ? (where.afterFactId ?? `start:${where.paragraphId}`) : AT_END;
    slots.set(key, [...(slots.get(key) ?? []), factId]);
  }
  return slots;
}

/** The story's paragraphs, each fact as a row (showing typed text over the saved one) with its conflict, if any. */
export function StoryFacts({ store, view, editorsByFact, drag }: StoryFactsProps) {
  const { drafts, conflicts, overruled, selectedId, canEdit } = useStoryState(
    store,
    (snapshot) => ({ drafts: snapshot.drafts, conflicts: snapshot.conflicts, overruled: snapshot.overruled, selectedId: snapshot.selectedId, canEdit: snapshot.data.canEdit }),
    shallowEqual,
  );
  const factCount = view.places.size;
  const slots = removedFactSlots(view.doc, conflicts);
  const removedAt = (key: string) =>
    (slots.get(key) ?? []).map((factId) => (
      <RemovedFactBox key={`removed:${factId}`} conflict={conflicts[factId]!} onAddBack={() => store.addBack(factId)} onDiscard={() => store.keepTheirs(factId)} />
    ));
  return (
    <div className="mt-2 space-y-1.5">
      {view.doc.paragraphs.map((paragraph, paragraphIndex) => (
        <div key={paragraph.id} role="group" aria-label={`Paragraph ${paragraphIndex + 1}`} className="border-l-2 border-neutral-200 pl-1">
          {removedAt(`start:${paragraph.id}`)}
          {paragraph.facts.map((fact) => {
            const place = view.places.get(fact.id)!;
            const text = drafts[fact.id]?.text ?? fact.text;
            const checks = view.factChecks.get(fact.id);
            const conflict = conflicts[fact.id];
            const replaced = overruled[fact.id];
            const sourceUpdate = view.sourceUpdates.get(fact.id);
            return (
              <Fragment key={fact.id}>
                <FactRow
                  fact={fact}
                  number={place.number}
                  text={text}
                  marks={checks?.marks ?? NO_NAMES}
                  singleSourced={checks?.badges.singleSourced ?? false}
                  disputed={checks?.badges.disputed ?? false}
                  disputedBy={checks?.disputedBy ?? ""}
                  ownReporting={checks?.badges.ownReporting ?? false}
                  sourceChange={sourceUpdate ? (sourceUpdate.sourceWithdrawn ? "withdrawn" : "changed") : null}
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
                {conflict?.theirs ? <ConflictBox conflict={conflict} number={place.number} onKeepMine={() => store.keepMine(fact.id)} onKeepTheirs={() => store.keepTheirs(fact.id)} /> : null}
                {sourceUpdate ? (
                  <SourceUpdateBox
                    number={place.number}
                    flag={sourceUpdate}
                    labelOf={view.labelOf}
                    factText={fact.text}
                    canDetach={() => fact.sources.length > 1 || (fact.ownReportingNote ?? "").trim() !== ""}
                    canEdit={canEdit}
                    onChoose={(update, choice) => store.applySourceUpdate(fact.id, update, choice)}
                  />
                ) : null}
                {replaced ? <OverruledBox overruled={replaced} number={place.number} onRestore={() => store.restoreMine(fact.id)} onDismiss={() => store.dismissOverruled(fact.id)} /> : null}
                {removedAt(fact.id)}
              </Fragment>
            );
          })}
        </div>
      ))}
      {removedAt(AT_END)}
    </div>
  );
}
