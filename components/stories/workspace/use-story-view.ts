"use client";

import { useMemo } from "react";
import { citedTexts, creditLine, disputedByText, factBadges, factPlaces, leftOutSentences, sourceMarks, unsupportedMentions, wireLabel, type UnsupportedMention } from "@/lib/domain/story";
import { newestVersions, offeredReplacements, sourceUpdates } from "@/lib/domain/story/source-updates";
import type { StoryStore } from "./story-store";
import { useStoryState } from "./use-story-state";

/**
 * "Not in sources" checks tokenise the fact and its source sentences; typing re-renders the
 * story, so results are remembered per text and sources (bounded, oldest dropped first).
 */
const mentionCache = new Map<string, UnsupportedMention[]>();
const MENTION_CACHE_SIZE = 500;
export function mentionsNotInSources(text: string, sourceTexts: string[]): UnsupportedMention[] {
  const key = `${text}\u0000${sourceTexts.join("\u0001")}`;
  const cached = mentionCache.get(key);
  if (cached) return cached;
  const result = unsupportedMentions(text, sourceTexts);
  if (mentionCache.size >= MENTION_CACHE_SIZE) mentionCache.delete(mentionCache.keys().next().value!);
  mentionCache.set(key, result);
  return result;
}

/**
 * What the panes show of the server's document: places and numbers of facts, citations and
 * disputes per wire sentence, per-fact checks, the left-out sentences and the credit line.
 * All of it changes with the document, never with typing.
 */
export function useStoryView(store: StoryStore) {
  const doc = useStoryState(store, (snapshot) => snapshot.data.document);
  const wires = useStoryState(store, (snapshot) => snapshot.data.wires);
  return useMemo(() => {
    const places = factPlaces(doc);
    const sourceInfo = wires.map(({ id, agency, headline, date }) => ({ id, agency, headline, date }));
    const wireText = new Map(wires.map((wire) => [wire.id, wire.text]));
    const numbered = [...places.values()];
    const labelOf = (wireStoryId: string) => wireLabel(wires, wireStoryId);
    const flags = sourceUpdates(doc, wires);
    return {
      doc,
      wires,
      places,
      citations: numbered.flatMap(({ fact, number }) => fact.sources.map((source) => ({ source, factId: fact.id, number }))),
      disputes: numbered.flatMap(({ fact, number }) => (fact.disputedBy ?? []).map(({ value, ...source }) => ({ source, value, factId: fact.id, number }))),
      factChecks: new Map(
        numbered.map(({ fact }) => [
          fact.id,
          {
            marks: sourceMarks(fact, wires),
            badges: factBadges(fact),
            citedTexts: citedTexts(fact.sources, (id) => wireText.get(id)),
            disputedBy: disputedByText(fact.disputedBy, labelOf),
          },
        ]),
      ),
      // Facts whose cited wire version the agency has since replaced, corrected or killed.
      sourceUpdates: new Map(flags.map((flag) => [flag.factId, flag])),
      labelOf,
      leftOut: leftOutSentences(doc, newestVersions(wires), offeredReplacements(flags)),
      credit: creditLine(doc, sourceInfo),
    };
  }, [doc, wires]);
}

export type StoryView = ReturnType<typeof useStoryView>;
export type FactChecks = StoryView["factChecks"] extends Map<string, infer C> ? C : never;
