/**
 * The review diff: what changed between the revision under review and the one it is compared
 * with (the last published revision, or the first one), fact by fact. Facts keep their ids
 * across revisions, so a fact is matched by id, never by guessing from its text: an edited
 * fact is "changed" with an inline word diff, not "removed" plus "added".
 */
import { AppError } from "@/lib/domain/errors";
import type { DisputingSource, FactDiscrepancy, SourceRef, StoryDocument, StoryFact } from "@/lib/domain/story/types";
import { diffWords, type WordDiff } from "./words";

export type FactStatus = "added" | "removed" | "unchanged" | "changed";

export interface FactChange {
  factId: string;
  status: FactStatus;
  /**
   * The fact's place among the facts both revisions share changed. Found with a longest
   * common subsequence of their order, so moving one fact flags that fact only, not every
   * fact it jumped over. Never set on added or removed facts.
   */
  moved: boolean;
  /** Paragraph index in `after`; for a removed fact, in `before`. */
  paragraph: number;
  /** Paragraph index in `before`; null for an added fact. */
  paragraphBefore: number | null;
  /** The fact's text in `after`; for a removed fact, in `before`. */
  text: string;
  /** Inline word diff, present only when the text of a fact in both revisions changed. */
  textDiff?: WordDiff;
  /** An added fact lists all its sources here; a removed one all of its own in `sourcesRemoved`. */
  sourcesAdded: SourceRef[];
  sourcesRemoved: SourceRef[];
  /**
   * Wire sentences that state another value for the fact, with that value: newly listed as
   * disputing it (an added fact lists all of them), and no longer listed (a removed fact lists none).
   */
  disputingAdded: DisputingSource[];
  disputingRemoved: DisputingSource[];
  /** Present only when the own-reporting note changed. */
  ownReportingNote?: { before: string | null; after: string | null };
  /** Unresolved in `after`, and absent or resolved in `before` (a reopened one counts too). */
  discrepanciesOpened: FactDiscrepancy[];
  /** Resolved in `after`, and absent, unresolved or resolved differently in `before`. */
  discrepanciesResolved: FactDiscrepancy[];
  /**
   * Unresolved in `before` and gone from `after` (typically the text was edited so the
   * sources no longer disagree). Not a resolution: nobody chose a side.
   */
  discrepanciesDropped: FactDiscrepancy[];
}

export interface RevisionDiff {
  /** Present only when the headline changed (or, against no revision, is not empty). */
  headline?: WordDiff;
  standfirst?: WordDiff;
  dateline?: { before: string | null; after: string | null };
  /**
   * Every fact of `after` in reading order, with each removed fact of `before` placed right
   * after the fact that preceded it in `before` (or first, when nothing preceded it).
   */
  facts: FactChange[];
}

interface Located {
  fact: StoryFact;
  paragraph: number;
  /** Position in reading order. */
  index: number;
}

/**
 * Diff `after` against `before`. `before === null` means there is nothing to compare with:
 * every fact is "added" and headline, standfirst and dateline show as inserted.
 * Throws INVALID_INPUT when a revision holds the same fact id twice, because then facts
 * can't be matched and any diff would be a guess.
 */
export function diffRevisions(before: StoryDocument | null, after: StoryDocument): RevisionDiff {
  const afterFacts = locate(after, "after");
  const beforeFacts = before ? locate(before, "before") : [];
  const beforeById = new Map(beforeFacts.map((l) => [l.fact.id, l]));
  const afterIds = new Set(afterFacts.map((l) => l.fact.id));

  const moved = movedFactIds(
    beforeFacts.filter((l) => afterIds.has(l.fact.id)).map((l) => l.fact.id),
    afterFacts.filter((l) => beforeById.has(l.fact.id)).map((l) => l.fact.id),
  );

  // Removed facts, grouped by the id of the surviving fact before them ("" = at the start).
  const removedAfter = new Map<string, FactChange[]>();
  let anchor = "";
  for (const located of beforeFacts) {
    if (afterIds.has(located.fact.id)) {
      anchor = located.fact.id;
      continue;
    }
    const group = removedAfter.get(anchor) ?? [];
    group.push(removedChange(located));
    removedAfter.set(anchor, group);
  }

  const facts: FactChange[] = [...(removedAfter.get("") ?? [])];
  for (const located of afterFacts) {
    const previous = beforeById.get(located.fact.id);
    facts.push(previous ? commonChange(previous, located, moved.has(located.fact.id)) : addedChange(located));
    facts.push(...(removedAfter.get(located.fact.id) ?? []));
  }

  const diff: RevisionDiff = { facts };
  const headline = textChange(before?.headline ?? null, after.headline);
  if (headline) diff.headline = headline;
  const standfirst = textChange(before?.standfirst ?? null, after.standfirst);
  if (standfirst) diff.standfirst = standfirst;
  const datelineBefore = before?.dateline ?? null;
  if (datelineBefore !== after.dateline) diff.dateline = { before: datelineBefore, after: after.dateline };
  return diff;
}

/** The "changes only" view: facts that are unchanged and did not move are left out. */
export function changesOnly(diff: RevisionDiff): RevisionDiff {
  return { ...diff, facts: diff.facts.filter((f) => f.status !== "unchanged" || f.moved) };
}

function locate(document: StoryDocument, side: "before" | "after"): Located[] {
  const out: Located[] = [];
  const seen = new Set<string>();
  document.paragraphs.forEach((paragraph, p) => {
    for (const fact of paragraph.facts) {
      if (seen.has(fact.id)) {
        throw new AppError("INVALID_INPUT", `The ${side} revision holds fact ${fact.id} twice.`, { factId: fact.id });
      }
      seen.add(fact.id);
      out.push({ fact, paragraph: p, index: out.length });
    }
  });
  return out;
}

/**
 * Ids (each present once in both lists) that are not in a longest common subsequence of the
 * two orders. Since ids are unique, that LCS is a longest increasing subsequence of the
 * `before` positions taken in `after` order: O(n log n), so long stories cost nothing.
 */
export function movedFactIds(beforeOrder: readonly string[], afterOrder: readonly string[]): Set<string> {
  const position = new Map(beforeOrder.map((id, i) => [id, i]));
  const sequence = afterOrder.map((id) => {
    const p = position.get(id);
    if (p === undefined) throw new Error(`fact ${id} is not in both revisions`);
    return p;
  });
  const kept = longestIncreasingSubsequence(sequence);
  return new Set(afterOrder.filter((_, i) => !kept.has(i)));
}

/** Indexes into `values` of one longest strictly increasing subsequence (patience sorting). */
function longestIncreasingSubsequence(values: readonly number[]): Set<number> {
  // tails[l]: index of the smallest value ending an increasing run of length l + 1.
  const tails: number[] = [];
  const parent: number[] = new Array<number>(values.length).fill(-1);
  const valueAt = (i: number) => values[i] ?? 0;
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (valueAt(tails[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = parent[i] ?? -1) kept.add(i);
  return kept;
}

function textChange(before: string | null, after: string): WordDiff | undefined {
  if (before === null) return after === "" ? undefined : diffWords("", after);
  return before === after ? undefined : diffWords(before, after);
}

function sourceKey(source: SourceRef): string {
  return `${source.wireStoryId}\u0000${source.start}\u0000${source.end}`;
}

/** Sources in `a` and not in `b`, each once, in `a`'s order. */
function sourcesMissingFrom(a: readonly SourceRef[], b: readonly SourceRef[]): SourceRef[] {
  const inB = new Set(b.map(sourceKey));
  const seen = new Set<string>();
  return a.filter((source) => {
    const key = sourceKey(source);
    if (inB.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Disputing sources in `a` and not in `b` (the same sentence with the same value), each once, in `a`'s order. */
function disputingMissingFrom(a: readonly DisputingSource[], b: readonly DisputingSource[]): DisputingSource[] {
  const key = (d: DisputingSource) => `${sourceKey(d)}\u0000${d.value}`;
  const inB = new Set(b.map(key));
  const seen = new Set<string>();
  return a.filter((d) => {
    if (inB.has(key(d)) || seen.has(key(d))) return false;
    seen.add(key(d));
    return true;
  });
}

function sameResolution(a: FactDiscrepancy["resolution"], b: FactDiscrepancy["resolution"]): boolean {
  if (a === null || b === null) return a === b;
  return a.chosenSide === b.chosenSide && a.note === b.note;
}

function emptyChange(located: Located, status: FactStatus): FactChange {
  return {
    factId: located.fact.id,
    status,
    moved: false,
    paragraph: located.paragraph,
    paragraphBefore: null,
    text: located.fact.text,
    sourcesAdded: [],
    sourcesRemoved: [],
    disputingAdded: [],
    disputingRemoved: [],
    discrepanciesOpened: [],
    discrepanciesResolved: [],
    discrepanciesDropped: [],
  };
}

function addedChange(located: Located): FactChange {
  const change = emptyChange(located, "added");
  change.sourcesAdded = sourcesMissingFrom(located.fact.sources, []);
  change.disputingAdded = disputingMissingFrom(located.fact.disputedBy ?? [], []);
  change.discrepanciesOpened = located.fact.discrepancies.filter((d) => d.resolution === null);
  change.discrepanciesResolved = located.fact.discrepancies.filter((d) => d.resolution !== null);
  return change;
}

function removedChange(located: Located): FactChange {
  const change = emptyChange(located, "removed");
  change.paragraphBefore = located.paragraph;
  change.sourcesRemoved = sourcesMissingFrom(located.fact.sources, []);
  return change;
}

function commonChange(previous: Located, current: Located, moved: boolean): FactChange {
  const change = emptyChange(current, "unchanged");
  const a = previous.fact;
  const b = current.fact;
  change.moved = moved;
  change.paragraphBefore = previous.paragraph;
  if (a.text !== b.text) change.textDiff = diffWords(a.text, b.text);
  change.sourcesAdded = sourcesMissingFrom(b.sources, a.sources);
  change.sourcesRemoved = sourcesMissingFrom(a.sources, b.sources);
  change.disputingAdded = disputingMissingFrom(b.disputedBy ?? [], a.disputedBy ?? []);
  change.disputingRemoved = disputingMissingFrom(a.disputedBy ?? [], b.disputedBy ?? []);
  if (a.ownReportingNote !== b.ownReportingNote) {
    change.ownReportingNote = { before: a.ownReportingNote, after: b.ownReportingNote };
  }

  const earlier = new Map(a.discrepancies.map((d) => [d.id, d]));
  const later = new Set(b.discrepancies.map((d) => d.id));
  for (const discrepancy of b.discrepancies) {
    const old = earlier.get(discrepancy.id);
    if (discrepancy.resolution === null) {
      if (!old || old.resolution !== null) change.discrepanciesOpened.push(discrepancy);
    } else if (!old || !sameResolution(old.resolution, discrepancy.resolution)) {
      change.discrepanciesResolved.push(discrepancy);
    }
  }
  change.discrepanciesDropped = a.discrepancies.filter((d) => d.resolution === null && !later.has(d.id));

  const changed =
    change.textDiff !== undefined ||
    change.sourcesAdded.length > 0 ||
    change.sourcesRemoved.length > 0 ||
    change.disputingAdded.length > 0 ||
    change.disputingRemoved.length > 0 ||
    change.ownReportingNote !== undefined ||
    change.discrepanciesOpened.length > 0 ||
    change.discrepanciesResolved.length > 0 ||
    change.discrepanciesDropped.length > 0;
  if (changed) change.status = "changed";
  return change;
}
