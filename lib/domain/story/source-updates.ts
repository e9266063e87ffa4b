/**
 * What later versions of a story's wires mean for its facts. An agency sends a story, then
 * updates, corrections and sometimes a kill, all under one item identity (lib/domain/wire
 * identity.ts); a fact cites one version. For every fact that cites a version the item has
 * since replaced, this says what changed in the cited sentence (a word diff against the
 * sentence of the newest version that states it) and whether the old version still counts as
 * support: a correction, a kill, or a newest version the agency marks withheld or canceled
 * withdraws it. A fact all of whose sources are withdrawn is "source withdrawn", and the
 * publish checklist refuses to publish it (lib/domain/workflow/checklist.ts).
 *
 * Plain data in and out; the workspace shows it and the editor picks what to do: update the
 * fact to the new wording, re-attach the source to the new version, or detach it.
 */
import { MIN_REWORDED_SIMILARITY, wordSimilarity } from "@/lib/domain/diff/sentences";
import { diffWords, hasChanges, type WordDiff } from "@/lib/domain/diff/words";
import { withdrawsEarlierVersions, type SignalledKind } from "@/lib/domain/wire/signals";
import type { SourceRef, StoryDocument } from "./types";

export interface VersionedWire {
  id: string;
  /** The wire item it is a version of; versions of one item share it. */
  itemKey: string;
  version: number;
  /** What the agency says this version is; null when it says nothing (an update by arrival). */
  versionKind: SignalledKind | null;
  /** usable | withheld | canceled, as the agency states it. */
  pubStatus: string;
  /** ISO timestamp of arrival. */
  receivedAt: string;
  /** The version's cleaned body sentences (offsets into its text). */
  sentences: ReadonlyArray<{ start: number; end: number; text: string }>;
  /** The whole text the offsets index into. */
  text: string;
}

export interface SourceUpdate {
  /** The source as the fact cites it, in the old version. */
  source: SourceRef;
  oldText: string;
  /** The newest version of the item. */
  latest: { wireStoryId: string; version: number; kind: SignalledKind | null; pubStatus: string; receivedAt: string };
  /** The newest version's sentence that states what the cited one did; null when none does (removed, or killed). */
  replacement: { source: SourceRef; text: string } | null;
  /** Old sentence → replacement, word by word; null without a replacement. */
  diff: WordDiff | null;
  /** True when the old version no longer counts as support (see the module comment). */
  withdrawn: boolean;
}

export interface FactSourceUpdates {
  factId: string;
  updates: SourceUpdate[];
  /** Every source the fact had is withdrawn: nothing supports it any more. */
  sourceWithdrawn: boolean;
}

export function sourceUpdates(doc: StoryDocument, wires: readonly VersionedWire[]): FactSourceUpdates[] {
  const byId = new Map(wires.map((wire) => [wire.id, wire]));
  const versionsByItem = new Map<string, VersionedWire[]>();
  for (const wire of wires) versionsByItem.set(wire.itemKey, [...(versionsByItem.get(wire.itemKey) ?? []), wire]);

  const result: FactSourceUpdates[] = [];
  for (const fact of doc.paragraphs.flatMap((p) => p.facts)) {
    const updates: SourceUpdate[] = [];
    for (const source of fact.sources) {
      const cited = byId.get(source.wireStoryId);
      if (!cited) continue;
      const later = (versionsByItem.get(cited.itemKey) ?? []).filter((wire) => wire.version > cited.version).sort((a, b) => a.version - b.version);
      const latest = later[later.length - 1];
      if (!latest) continue;
      const oldText = cited.text.slice(source.start, source.end);
      const replacement = latest.versionKind === "kill" || latest.pubStatus === "canceled" ? null : findReplacement(oldText, latest);
      const withdrawn = later.some((wire) => withdrawsEarlierVersions(wire.versionKind, wire.pubStatus));
      const diff = replacement ? diffWords(oldText, replacement.text) : null;
      // An update that leaves the cited sentence as it was changes nothing for this fact.
      if (!withdrawn && diff && !hasChanges(diff)) continue;
      updates.push({
        source,
        oldText,
        latest: { wireStoryId: latest.id, version: latest.version, kind: latest.versionKind, pubStatus: latest.pubStatus, receivedAt: latest.receivedAt },
        replacement,
        diff,
        withdrawn,
      });
    }
    if (updates.length === 0) continue;
    const withdrawnCount = updates.filter((update) => update.withdrawn).length;
    result.push({ factId: fact.id, updates, sourceWithdrawn: fact.sources.length > 0 && withdrawnCount === fact.sources.length });
  }
  return result;
}

/** Each wire item at its newest version among `wires`: older versions are superseded, not left out. */
export function newestVersions<W extends Pick<VersionedWire, "id" | "itemKey" | "version">>(wires: readonly W[]): W[] {
  const newest = new Map<string, W>();
  for (const wire of wires) {
    const seen = newest.get(wire.itemKey);
    if (!seen || wire.version > seen.version) newest.set(wire.itemKey, wire);
  }
  return wires.filter((wire) => newest.get(wire.itemKey) === wire);
}

/** The sentences flagged facts are offered to cite instead: accounted for, not left out. */
export function offeredReplacements(flags: readonly FactSourceUpdates[]): SourceRef[] {
  return flags.flatMap((flag) => flag.updates.flatMap((update) => (update.replacement ? [update.replacement.source] : [])));
}

/** The ids of facts that nothing supports any more: what the publish checklist refuses. */
export function withdrawnFactIds(updates: readonly FactSourceUpdates[]): string[] {
  return updates.filter((fact) => fact.sourceWithdrawn).map((fact) => fact.factId);
}

const WITHDRAWN_WORDS: Record<string, string> = { correction: "corrected", kill: "killed", withheld: "withheld", update: "updated" };

/**
 * One line per withdrawn wire version, for the published story's pages and its publishers:
 * "AP 1 was killed (v2, 14:02 UTC on 2026-12-05): facts 3, 7 rest on it only; fact 5 has other sources."
 */
export function withdrawalNotices(doc: StoryDocument, flags: readonly FactSourceUpdates[], labelOf: (wireStoryId: string) => string): string[] {
  const numbers = new Map(doc.paragraphs.flatMap((p) => p.facts).map((fact, i) => [fact.id, i + 1]));
  const byWire = new Map<string, { update: SourceUpdate; only: number[]; also: number[] }>();
  for (const flag of flags) {
    for (const update of flag.updates) {
      if (!update.withdrawn) continue;
      const entry = byWire.get(update.source.wireStoryId) ?? { update, only: [], also: [] };
      const number = numbers.get(flag.factId);
      if (number !== undefined) (flag.sourceWithdrawn ? entry.only : entry.also).push(number);
      byWire.set(update.source.wireStoryId, entry);
    }
  }
  const facts = (list: number[]) => `${list.length === 1 ? "fact" : "facts"} ${[...new Set(list)].sort((a, b) => a - b).join(", ")}`;
  return [...byWire].map(([wireStoryId, { update, only, also }]) => {
    const { latest } = update;
    const how = WITHDRAWN_WORDS[latest.kind ?? ""] ?? (latest.pubStatus === "usable" ? "replaced" : latest.pubStatus);
    const parts = [only.length > 0 ? `${facts(only)} ${only.length === 1 ? "rests" : "rest"} on it only` : null, also.length > 0 ? `${facts(also)} ${also.length === 1 ? "has" : "have"} other sources` : null];
    return `${labelOf(wireStoryId)} was ${how} (v${latest.version}, ${latest.receivedAt.slice(11, 16)} UTC on ${latest.receivedAt.slice(0, 10)}): ${parts.filter(Boolean).join("; ")}.`;
  });
}

/** The same sentence, else the most similar one that shares at least half its words. */
function findReplacement(oldText: string, wire: VersionedWire): { source: SourceRef; text: string } | null {
  const exact = wire.sentences.find((s) => s.text === oldText);
  const best =
    exact ??
    wire.sentences
      .map((s) => ({ s, score: wordSimilarity(oldText, s.text) }))
      .filter(({ score }) => score >= MIN_REWORDED_SIMILARITY)
      .sort((a, b) => b.score - a.score)[0]?.s;
  return best ? { source: { wireStoryId: wire.id, start: best.start, end: best.end }, text: best.text } : null;
}
