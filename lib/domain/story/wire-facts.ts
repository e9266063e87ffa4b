/**
 * Which sentences of a story's wires state the same fact, for the sources pane: each sentence
 * that shares its fact with another wire gets the fact's group number (the same number in every
 * wire, so the pane can tint them alike) and the wires that say it too. The consolidation
 * engine decides what "the same fact" is, as it does for the draft and for proposals.
 * Imported by path, not through the story index, so the engine stays out of browser bundles.
 */
import { alignStories } from "@/lib/domain/facts/align";
import type { FactStory } from "@/lib/domain/facts/types";

export interface SentenceFactGroup {
  /** 0, 1, 2 … in the order the groups first appear reading the wires in the order given. */
  group: number;
  /** The other wires that state this fact, in the order given. */
  alsoIn: string[];
}

export const sentenceKey = (wireStoryId: string, start: number, end: number) => `${wireStoryId}:${start}:${end}`;

/** Keyed by `sentenceKey`; a sentence that no other wire states has no entry. */
export function groupWireSentences(wires: readonly FactStory[]): Map<string, SentenceFactGroup> {
  const { clusters } = alignStories(wires);
  const order = new Map(wires.map((wire, index) => [wire.id, index]));
  const shared = clusters
    .filter((cluster) => cluster.members.length > 1)
    .map((cluster) => {
      const members = [...cluster.members].sort((a, b) => order.get(a.storyId)! - order.get(b.storyId)! || a.start - b.start);
      return { members, first: members[0]! };
    })
    .sort((a, b) => order.get(a.first.storyId)! - order.get(b.first.storyId)! || a.first.start - b.first.start);
  const groups = new Map<string, SentenceFactGroup>();
  shared.forEach(({ members }, group) => {
    for (const member of members) {
      const alsoIn = members.filter((other) => other.storyId !== member.storyId).map((other) => other.storyId);
      groups.set(sentenceKey(member.storyId, member.start, member.end), { group, alsoIn });
    }
  });
  return groups;
}
