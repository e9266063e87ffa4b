/**
 * What a story should take from wire stories added to it later: for every wire sentence no
 * fact cites yet, either "corroborate" (it states a fact the story has: attach it as a source),
 * "dispute" (it states a fact the story has with another value, a number, a date, a name: record
 * it as disputing the fact, with the disagreement, never as a source of the value it contradicts)
 * or "add" (a fact the story lacks: one proposal per fact, with every new sentence that states
 * it, placed after the story fact that the sentence before it in its wire supports).
 * The consolidation engine decides which sentences state the same fact, and which values differ.
 */
import { alignStories } from "@/lib/domain/facts/align";
import { findDiscrepancies, type DiscrepancyInput } from "@/lib/domain/facts/discrepancies";
import { tokenize } from "@/lib/domain/facts/tokenize";
import type { DiscrepancyKind, FactSentence, FactStory, SentenceRef } from "@/lib/domain/facts/types";
import type { DisputingSource, FactDiscrepancy, SourceRef, StoryDocument, StoryFact } from "./types";

export interface ProposalWire {
  id: string;
  agency: string | null;
  headline: string | null;
  date: string | null;
  sentences: readonly FactSentence[];
}

/** A disagreement a proposed fact brings with it; it gets an id when the proposal is accepted. */
export type ProposedDiscrepancy = Omit<FactDiscrepancy, "id" | "resolution">;

export type Proposal =
  | { kind: "corroborate"; id: string; factId: string; source: SourceRef; text: string }
  | {
      kind: "add";
      id: string;
      paragraphId: string | null;
      afterFactId: string | null;
      text: string;
      sources: SourceRef[];
    }
  | {
      kind: "dispute";
      id: string;
      factId: string;
      /** The wire sentence, with the value as it states it ("1,200 kilometers, 750 miles"). */
      source: DisputingSource;
      text: string;
      /** Per kind of value: the fact's value and sources against the wire's. */
      discrepancies: ProposedDiscrepancy[];
    };

/** The story's own facts stand in the alignment as one more "story"; this id can't clash with a cuid. */
const STORY_KEY = "story:current";

const sourceKey = (source: SourceRef) => `${source.wireStoryId}:${source.start}:${source.end}`;

/**
 * `wires` are the wires that propose (added after the draft); `storyWires` all the story's wires,
 * where a disputed fact's sources are read to tell which of them state the value in dispute.
 */
export function proposalsFor(doc: StoryDocument, wires: readonly ProposalWire[], dismissed: ReadonlySet<string> = new Set(), storyWires: readonly ProposalWire[] = wires): Proposal[] {
  const facts = doc.paragraphs.flatMap((paragraph, p) => paragraph.facts.map((fact) => ({ fact, paragraphId: paragraph.id, p })));
  const cited = new Map<string, string>();
  for (const { fact } of facts) for (const source of fact.sources) cited.set(sourceKey(source), fact.id);
  // A sentence the story already records as disputing a fact is accounted for, not proposed again.
  const recorded = new Set(facts.flatMap(({ fact }) => (fact.disputedBy ?? []).map(sourceKey)));

  const open = new Map<string, FactSentence[]>();
  for (const wire of wires) {
    const sentences = wire.sentences.filter((s) => {
      const key = sourceKey({ wireStoryId: wire.id, start: s.start, end: s.end });
      return !cited.has(key) && !dismissed.has(key) && !recorded.has(key);
    });
    if (sentences.length) open.set(wire.id, sentences);
  }
  if (open.size === 0) return [];

  // Fact texts get positions of their own: offsets only need to be distinct and ordered.
  let at = 0;
  const factSentences: FactSentence[] = facts.map(({ fact, p }) => {
    const start = at;
    at += fact.text.length + 1;
    return { start, end: start + fact.text.length, text: fact.text, paragraph: p };
  });
  const stories: FactStory[] = [
    { id: STORY_KEY, agency: null, headline: doc.headline, sentences: factSentences },
    ...wires.filter((wire) => open.has(wire.id)).map((wire) => ({ id: wire.id, agency: wire.agency, headline: wire.headline, date: wire.date, sentences: open.get(wire.id)! })),
  ];
  const { clusters } = alignStories(stories);

  const proposals: Proposal[] = [];
  const sentenceOf = (member: { storyId: string; sentence: number }) => (member.storyId === STORY_KEY ? factSentences[member.sentence]! : open.get(member.storyId)![member.sentence]!);
  /** A sentence as the discrepancy check reads it. */
  const compared = (ref: SentenceRef, sentence: FactSentence, storyDate: string | null): DiscrepancyInput => ({ ref, sentence, tokens: tokenize(sentence.text), storyDate });
  const textOf = (member: { storyId: string; sentence: number }) => open.get(member.storyId)![member.sentence]!.text;
  const refOf = (member: { storyId: string; start: number; end: number }): SourceRef => ({ wireStoryId: member.storyId, start: member.start, end: member.end });
  type Disagreement = Pick<Extract<Proposal, { kind: "dispute" }>, "source" | "discrepancies">;
  /** Wire sentences told as one fact: corroborating `factId`, disputing it (stating another value for it), or new. */
  interface Group {
    factId: string | null;
    disputing: Array<{ member: SentenceRef; disagreement: Disagreement }>;
    wireMembers: SentenceRef[];
  }
  const groups = clusters
    .map((cluster): Group => {
      const factMember = cluster.members.find((member) => member.storyId === STORY_KEY);
      const wireMembers = cluster.members.filter((member) => member.storyId !== STORY_KEY);
      if (!factMember) return { factId: null, disputing: [], wireMembers };
      const fact = facts[factMember.sentence]!.fact;
      const disputing = wireMembers.flatMap((member) => {
        const disagreement = disputeWith(fact, factMember, member);
        return disagreement ? [{ member, disagreement }] : [];
      });
      return { factId: fact.id, disputing, wireMembers: wireMembers.filter((member) => !disputing.some((d) => d.member === member)) };
    })
    .filter((group) => group.wireMembers.length + group.disputing.length > 0);

  // Sentences that corroborate a fact count as "told there" when placing new facts after them.
  const placed = new Map(cited);
  for (const { factId, disputing, wireMembers } of groups) {
    if (!factId) continue;
    for (const member of wireMembers) {
      placed.set(sourceKey(refOf(member)), factId);
      proposals.push({ kind: "corroborate", id: `c:${sourceKey(refOf(member))}`, factId, source: refOf(member), text: textOf(member) });
    }
    for (const { member, disagreement } of disputing) {
      // The wire tells the fact here too, whatever its value: new facts after it go after this one.
      placed.set(sourceKey(refOf(member)), factId);
      proposals.push({ kind: "dispute", id: `d:${sourceKey(refOf(member))}`, factId, text: textOf(member), ...disagreement });
    }
  }
  for (const { factId, wireMembers } of groups) {
    if (factId) continue;
    const sources = wireMembers.map(refOf);
    const longest = wireMembers.reduce((best, member) => (textOf(member).length > textOf(best).length ? member : best));
    const anchor = anchorFor(wires, placed, longest.storyId, longest.start);
    const anchorFact = anchor ? facts.find(({ fact }) => fact.id === anchor) : undefined;
    proposals.push({
      kind: "add",
      id: `a:${sourceKey(sources[0]!)}`,
      // No fact before it in its wire: at the start of the story, as the proposal says.
      paragraphId: anchorFact?.paragraphId ?? doc.paragraphs[0]?.id ?? null,
      afterFactId: anchorFact?.fact.id ?? null,
      text: textOf(longest),
      sources,
    });
  }
  return proposals;

  /**
   * The disagreement of a wire sentence with the fact it disputes: per kind of value, the fact's
   * side (its value, with those of its sources that state a value of that kind, each as it
   * writes it) and the wire's (its own value), as the engine finds them; with the wire sentence as
   * a disputing source, quoting its values. A source that says nothing of the kind ("Kim is to
   * visit Russia" against "… on Wednesday") is on neither side: it neither states nor disputes it.
   * Null when the sentence states no value otherwise: then it corroborates the fact.
   */
  function disputeWith(fact: StoryFact, factMember: SentenceRef, member: SentenceRef): Disagreement | null {
    const wireSentence = compared(member, sentenceOf(member), wires.find((w) => w.id === member.storyId)?.date ?? null);
    const discrepancies: ProposedDiscrepancy[] = [];
    for (const d of findDiscrepancies([compared(factMember, sentenceOf(factMember), null), wireSentence])) {
      const factSide = d.sides.find((side) => side.mentions.some((m) => m.storyId === STORY_KEY));
      const wireSide = d.sides.find((side) => side.mentions.some((m) => m.storyId === member.storyId));
      if (!factSide || !wireSide || factSide === wireSide) continue;
      const factValue = factSide.mentions.find((m) => m.storyId === STORY_KEY)!.text.trim();
      const wireValue = wireSide.mentions.find((m) => m.storyId === member.storyId)!.text.trim();
      const stating = fact.sources.flatMap((source) => {
        const said = valueStatedBy(source, wireSentence, d.kind);
        return said === null ? [] : [{ source, said }];
      });
      discrepancies.push({
        kind: d.kind,
        detail: `${d.kind}: “${factValue}” vs “${wireValue}”`,
        sides: [
          { value: factValue, sources: stating.map((x) => x.source), stated: stating.map((x) => x.said) },
          { value: wireValue, sources: [refOf(member)], stated: [wireValue] },
        ],
      });
    }
    if (discrepancies.length === 0) return null;
    return { source: { ...refOf(member), value: [...new Set(discrepancies.map((d) => d.sides[1]!.value))].join(", ") }, discrepancies };
  }

  /** The value of `kind` the source's wire sentence states against the disputing sentence, as it writes it; null when it states none. */
  function valueStatedBy(source: SourceRef, wireSentence: DiscrepancyInput, kind: DiscrepancyKind): string | null {
    const wire = storyWires.find((w) => w.id === source.wireStoryId);
    const index = wire?.sentences.findIndex((s) => s.start <= source.start && s.end >= source.end) ?? -1;
    if (!wire || index < 0) return null;
    const sentence = wire.sentences[index]!;
    const ref: SentenceRef = { storyId: `source:${source.wireStoryId}`, sentence: index, start: sentence.start, end: sentence.end };
    const found = findDiscrepancies([compared(ref, sentence, wire.date), wireSentence]);
    const mention = found.filter((d) => d.kind === kind).flatMap((d) => d.sides.flatMap((side) => side.mentions)).find((m) => m.storyId === ref.storyId);
    return mention ? mention.text.trim() : null;
  }
}

/** The fact citing the nearest earlier sentence of the same wire: where the wire would tell this fact. */
function anchorFor(wires: readonly ProposalWire[], cited: Map<string, string>, wireId: string, start: number): string | null {
  const wire = wires.find((candidate) => candidate.id === wireId);
  if (!wire) return null;
  let anchor: string | null = null;
  for (const sentence of wire.sentences) {
    if (sentence.start >= start) break;
    anchor = cited.get(sourceKey({ wireStoryId: wireId, start: sentence.start, end: sentence.end })) ?? anchor;
  }
  return anchor;
}
