/**
 * The first revision of a story: the consolidation engine's draft (lib/domain/facts) turned
 * into a StoryDocument the workspace can edit. Every fact, paragraph and discrepancy gets a
 * fresh id from the caller's generator, so the result is deterministic under a deterministic
 * generator (tests) and unique under a random one (the server).
 */
import { AppError } from "@/lib/domain/errors";
import type { Discrepancy, DiscrepancySide as DraftSide, Draft, DraftFact } from "@/lib/domain/facts/types";
import { tidyDisputes } from "./disputes";
import { discrepancyDetail, type WireLabelOf } from "./source-text";
import type { DiscrepancySide, DisputingSource, FactDiscrepancy, SourceRef, StoryDocument, StoryFact, StoryParagraph } from "./types";

export interface IdGenerator {
  newId(): string;
}

export interface FromDraftOptions {
  /** How a wire story is named in discrepancy details (the story's `wireLabel`, e.g. "AP 1"); its id when left out. */
  label?: WireLabelOf;
  /** WireStory id for an engine story id, when the engine was run with other ids; identity when left out. */
  wireStoryId?: (storyId: string) => string;
  standfirst?: string;
  dateline?: string | null;
}

/** The version a freshly created fact or headline block starts at (as addFact gives new facts). */
export const INITIAL_VERSION = 1;

function uniqueIds(ids: IdGenerator): () => string {
  const seen = new Set<string>();
  return () => {
    const id = ids.newId();
    if (typeof id !== "string" || id.trim() === "" || seen.has(id)) {
      throw new AppError("INVALID_INPUT", "The id generator must return a new non-empty id every time");
    }
    seen.add(id);
    return id;
  };
}

function dedupeSources(sources: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.wireStoryId}\u0000${s.start}\u0000${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function documentFromDraft(draft: Draft, ids: IdGenerator, options: FromDraftOptions = {}): StoryDocument {
  const newId = uniqueIds(ids);
  const wireId = options.wireStoryId ?? ((storyId: string) => storyId);
  const label = options.label ?? ((wireStoryId: string) => wireStoryId);

  const side = (s: DraftSide): DiscrepancySide => {
    const sources = dedupeSources(s.mentions.map((m) => ({ wireStoryId: wireId(m.storyId), start: m.start, end: m.end })));
    // Each source's own words: the first mention in that sentence.
    const stated = sources.map((source) => {
      const mention = s.mentions.find((m) => wireId(m.storyId) === source.wireStoryId && m.start === source.start && m.end === source.end)!;
      return mention.text.trim() || s.value;
    });
    return {
      // The words as the sources wrote them ("17 months" / "17-month"), not the engine's normalised value.
      value: [...new Set(stated)].join(" / ") || s.value,
      sources,
      stated,
    };
  };

  const discrepancies = (list: readonly Discrepancy[]): FactDiscrepancy[] => {
    // A fact that absorbed a shorter one can carry the same disagreement twice.
    const seen = new Set<string>();
    const out: FactDiscrepancy[] = [];
    for (const d of list) {
      const key = `${d.kind}\u0000${d.sides.map((s) => s.value).join("\u0000")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sides = d.sides.map(side);
      // Worded as the workspace words it (source-text.ts), so the stored detail reads as the screens do.
      out.push({ id: newId(), kind: d.kind, detail: discrepancyDetail({ kind: d.kind, sides }, label), sides, resolution: null });
    }
    return out;
  };

  const disputedBy = (f: DraftFact): DisputingSource[] => {
    const seen = new Set<string>();
    return f.disputedBy.flatMap((d) => {
      const out = { wireStoryId: wireId(d.storyId), start: d.start, end: d.end, value: d.value };
      const key = `${out.wireStoryId}\u0000${out.start}\u0000${out.end}\u0000${out.value}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [out];
    });
  };

  const fact = (f: DraftFact): StoryFact => tidyDisputes({
    id: newId(),
    text: f.text,
    sources: dedupeSources(f.sources.map((s) => ({ wireStoryId: wireId(s.storyId), start: s.start, end: s.end }))),
    disputedBy: disputedBy(f),
    ownReportingNote: null,
    discrepancies: discrepancies(f.discrepancies),
    version: INITIAL_VERSION,
  });

  const paragraphs: StoryParagraph[] = [];
  for (const draftParagraph of draft.paragraphs) {
    const facts = draftParagraph.filter((f) => f.text.trim() !== "");
    if (facts.length === 0) continue;
    paragraphs.push({ id: newId(), facts: facts.map(fact) });
  }
  return {
    headline: draft.headline,
    standfirst: options.standfirst ?? "",
    dateline: options.dateline ?? null,
    metaVersion: INITIAL_VERSION,
    paragraphs,
  };
}
