/**
 * Which sentences of a story's wires state the same fact, for the sources pane: each sentence
 * that shares its fact with another wire gets the fact's group number (the same number in every
 * wire, so the pane can tint them alike), the wires that say it too and those that tell it with
 * another value. The consolidation
 * engine decides what "the same fact" is, as it does for the draft and for proposals.
 * Imported by path, not through the story index, so the engine stays out of browser bundles.
 */
import { alignAndCompare } from "@/lib/domain/facts/consolidate";
import type { Discrepancy, FactStory, SentenceRef } from "@/lib/domain/facts/types";
import type { DisputingSource } from "./types";

export interface SentenceFactGroup {
  /** 0, 1, 2 … in the order the groups first appear reading the wires in the order given. */
  group: number;
  /** The other wires that state this fact as this sentence does, in the order given. */
  alsoIn: string[];
  /**
   * The other wires' sentences that tell the fact with another value (number, date, day, name,
   * source), each value as it is written: they report the fact too, but not what this sentence says.
   */
  otherValueIn: DisputingSource[];
}

export const sentenceKey = (wireStoryId: string, start: number, end: number) => `${wireStoryId}:${start}:${end}`;

/** Keyed by `sentenceKey`; a sentence that no other wire states has no entry. */
export function groupWireSentences(wires: readonly FactStory[]): Map<string, SentenceFactGroup> {
  const { clusters } = alignAndCompare(wires);
  const order = new Map(wires.map((wire, index) => [wire.id, index]));
  const shared = clusters
    .filter((cluster) => cluster.members.length > 1)
    .map((cluster) => {
      const members = [...cluster.members].sort((a, b) => order.get(a.storyId)! - order.get(b.storyId)! || a.start - b.start);
      return { members, first: members[0]!, discrepancies: cluster.discrepancies };
    })
    .sort((a, b) => order.get(a.first.storyId)! - order.get(b.first.storyId)! || a.first.start - b.first.start);
  const groups = new Map<string, SentenceFactGroup>();
  shared.forEach(({ members, discrepancies }, group) => {
    for (const member of members) {
      const others = members.filter((other) => other.storyId !== member.storyId);
      const against = statedAgainst(member, discrepancies);
      groups.set(sentenceKey(member.storyId, member.start, member.end), {
        group,
        alsoIn: others.filter((other) => !against.some((d) => d.wireStoryId === other.storyId)).map((other) => other.storyId),
        otherValueIn: others.flatMap((other) => against.filter((d) => d.wireStoryId === other.storyId)),
      });
    }
  });
  return groups;
}

const isSentence = (a: SentenceRef, b: SentenceRef) => a.storyId === b.storyId && a.start === b.start && a.end === b.end;

/** The values other sentences of the fact state against `member`'s, each once, as written. */
function statedAgainst(member: SentenceRef, discrepancies: readonly Discrepancy[]): DisputingSource[] {
  const stated: DisputingSource[] = [];
  for (const discrepancy of discrepancies) {
    const [one, two] = discrepancy.sides;
    const against = one.mentions.some((m) => isSentence(m, member)) ? two : two.mentions.some((m) => isSentence(m, member)) ? one : null;
    for (const { storyId, start, end, text } of against?.mentions ?? []) {
      if (!stated.some((d) => d.wireStoryId === storyId && d.start === start && d.value === text)) stated.push({ wireStoryId: storyId, start, end, value: text });
    }
  }
  return stated;
}
