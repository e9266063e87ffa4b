"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { StoryDocument } from "@/lib/domain/story";
import type { Proposal } from "@/lib/domain/story/proposals";
import { dismissProposalSources, fetchProposals } from "./api";
import type { StoryStore } from "./story-store";

/** Proposals are asked for again this long after the story last changed. */
const PROPOSALS_REFRESH_MS = 400;

/** What wires added to the story later propose, fetched again after every change to the story (anyone's). */
export function useProposals(store: StoryStore, storyId: string, enabled: boolean, doc: StoryDocument) {
  const [proposals, setProposals] = useState<Proposal[]>([]);
  // Dismissed here: a list fetched before the server had the dismissal must not bring them back.
  const dismissedIds = useRef(new Set<string>());
  const show = useCallback((found: Proposal[]) => setProposals(found.filter((p) => !dismissedIds.current.has(p.id))), []);
  useEffect(() => {
    if (!enabled) return;
    // What the story uses now decides what is left to propose.
    let current = true;
    const timer = setTimeout(() => {
      void fetchProposals(storyId).then((found) => {
        if (current && found) show(found);
      });
    }, PROPOSALS_REFRESH_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [enabled, storyId, doc, show]);

  const accept = useCallback(
    (proposal: Proposal) => {
      setProposals((list) => list.filter((p) => p.id !== proposal.id));
      store.acceptProposal(proposal);
    },
    [store],
  );

  const dismiss = useCallback(
    (proposal: Proposal) => {
      dismissedIds.current.add(proposal.id);
      setProposals((list) => list.filter((p) => p.id !== proposal.id));
      void dismissProposalSources(storyId, proposal.kind === "add" ? proposal.sources : [proposal.source]).then((ok) => {
        if (ok) return;
        dismissedIds.current.delete(proposal.id);
        store.showNotice("The proposal could not be dismissed; it is shown again.");
        void fetchProposals(storyId).then((found) => found && show(found));
      });
    },
    [store, storyId, show],
  );

  return { proposals, accept, dismiss };
}
