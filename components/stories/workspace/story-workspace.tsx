"use client";

/**
 * The story workspace: a consolidated story edited as small versioned operations. The client
 * state and its sync with the server live in the story store (story-store.ts, story-sync.ts);
 * this component lays out the panes and wires them to the store and the live feed.
 */
import { useCallback, useState } from "react";
import type { SourceRef } from "@/lib/domain/story";
import { AddOwnFact } from "./add-own-fact";
import { Inspector } from "./inspector";
import { LeftOutPanel } from "./left-out-panel";
import { MetaFields } from "./meta-fields";
import { ProposalsPanel } from "./proposals-panel";
import { SourcesPane } from "./sources-pane";
import { StoryFacts } from "./story-facts";
import type { WorkspaceData, WorkspaceSentence, WorkspaceWire } from "@/lib/schemas/workspace";
import { useFactDrag } from "./use-fact-drag";
import { useFocusRequest } from "./use-focus-request";
import { useLiveFeed } from "./use-live-feed";
import { usePresence } from "./use-presence";
import { useProposals } from "./use-proposals";
import { shallowEqual, useStoryState } from "./use-story-state";
import { useStoryView } from "./use-story-view";
import { useUndoShortcuts } from "./use-undo-shortcuts";
import { useWorkspaceStore } from "./use-workspace-store";
import { WorkspaceHeader, WorkspaceNotice } from "./workspace-header";

function sentenceSource(wire: WorkspaceWire, sentence: WorkspaceSentence): SourceRef {
  return { wireStoryId: wire.id, start: sentence.start, end: sentence.end };
}

export function StoryWorkspace({ initial }: { initial: WorkspaceData }) {
  const storyId = initial.story.id;
  const store = useWorkspaceStore(initial);
  const view = useStoryView(store);
  const { canEdit, proposing, selectedId, selectedDraft, announcement } = useStoryState(
    store,
    (snapshot) => ({
      announcement: snapshot.announcement,
      canEdit: snapshot.data.canEdit,
      proposing: snapshot.data.canEdit && snapshot.data.hasProposingWires,
      selectedId: snapshot.selectedId,
      selectedDraft: snapshot.selectedId ? snapshot.drafts[snapshot.selectedId]?.text : undefined,
    }),
    shallowEqual,
  );
  const presence = usePresence(store, storyId, initial.me.id);
  useLiveFeed(store, storyId, presence.setUsers);
  useUndoShortcuts(store, canEdit);
  const proposals = useProposals(store, storyId, proposing, view.doc);
  const drag = useFactDrag(store);
  useFocusRequest(store);

  const onAddSentence = useCallback((wire: WorkspaceWire, sentence: WorkspaceSentence) => store.addSentence(sentence.text, sentenceSource(wire, sentence)), [store]);
  const onAttach = useCallback((wire: WorkspaceWire, sentence: WorkspaceSentence) => store.attachToSelected(sentenceSource(wire, sentence)), [store]);
  const onAddOwnFact = useCallback((text: string, note: string) => store.addOwnFact(text, note), [store]);
  /** Selects a fact and brings its field into view, as if the editor had clicked it. */
  const showFact = useCallback(
    (factId: string) => {
      store.select(factId);
      const field = document.querySelector<HTMLTextAreaElement>(`[data-fact-id="${CSS.escape(factId)}"] textarea`);
      field?.scrollIntoView({ block: "center" });
      field?.focus({ preventScroll: true });
    },
    [store],
  );
  const [reveal, setReveal] = useState<{ source: SourceRef; key: number } | null>(null);
  const showSource = useCallback((source: SourceRef) => setReveal((previous) => ({ source, key: (previous?.key ?? 0) + 1 })), []);
  const factNumber = useCallback((factId: string) => view.places.get(factId)?.number ?? null, [view.places]);

  const selected = selectedId ? view.places.get(selectedId) : undefined;
  return (
    // Three panes need the screen's width more than the page's margins: on wide screens the
    // workspace reaches out past the page column, by up to 5rem a side.
    <div className="space-y-3 lg:mx-[max(calc(50%_-_50vw_+_1rem),-5rem)]">
      <a
        href="#story-pane"
        onClick={(event) => {
          event.preventDefault();
          const pane = document.getElementById("story-pane");
          pane?.focus({ preventScroll: true });
          pane?.scrollIntoView({ block: "start" });
        }}
        className="sr-only rounded bg-white px-3 py-2 text-sm font-medium text-blue-700 underline focus:not-sr-only focus:absolute focus:z-20 focus:inline-block focus:shadow"
      >
        Skip to the story
      </a>
      <WorkspaceHeader store={store} others={presence.others} />
      <WorkspaceNotice store={store} />
      <p aria-live="polite" data-testid="workspace-announcer" className="sr-only">
        {announcement}
      </p>

      <div className="grid gap-3 lg:grid-cols-[minmax(0,16rem)_minmax(0,1fr)_minmax(0,18rem)]">
        <div className="order-2 lg:sticky lg:top-4 lg:order-1 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <SourcesPane
            wires={view.wires}
            citations={view.citations}
            disputes={view.disputes}
            selectedFactLabel={selected ? `Fact ${selected.number}` : null}
            selectedSources={selected?.fact.sources ?? []}
            canEdit={canEdit}
            busy={false}
            onAdd={onAddSentence}
            onAttach={onAttach}
            onShowFact={showFact}
            reveal={reveal}
          />
          <LeftOutPanel items={view.leftOut} wires={view.wires} canEdit={canEdit} busy={false} onAdd={onAddSentence} />
        </div>

        <section
          id="story-pane"
          tabIndex={-1}
          aria-label="Story"
          className="order-1 min-w-0 scroll-mt-2 rounded-lg border border-neutral-200 bg-white p-3 focus-visible:outline-2 focus-visible:outline-blue-600 lg:order-2"
        >
          <MetaFields store={store} />
          {proposing ? (
            <ProposalsPanel proposals={proposals.proposals} wires={view.wires} factNumber={factNumber} busy={false} onAccept={proposals.accept} onDismiss={proposals.dismiss} />
          ) : null}
          {view.doc.dateline ? <p className="mt-2 text-sm font-semibold uppercase">{view.doc.dateline}</p> : null}
          <StoryFacts store={store} view={view} editorsByFact={presence.editorsByFact} drag={drag} />
          {canEdit ? <AddOwnFact onAdd={onAddOwnFact} /> : null}
          {view.credit ? <p className="mt-4 border-t border-neutral-200 pt-3 text-sm text-neutral-600 italic">{view.credit}</p> : null}
        </section>

        {/* Kept in view while the story scrolls, like the sources, so the selected fact's sources stay beside it. */}
        <div className="order-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <Inspector
            storyId={storyId}
            fact={selected?.fact ?? null}
            factLabel={selected ? `Fact ${selected.number}` : null}
            text={selected ? (selectedDraft ?? selected.fact.text) : ""}
            wires={view.wires}
            canEdit={canEdit}
            busy={false}
            onDetach={store.detach}
            onResolve={store.resolve}
            onReopen={store.reopen}
            onShowSource={showSource}
          />
        </div>
      </div>
    </div>
  );
}
