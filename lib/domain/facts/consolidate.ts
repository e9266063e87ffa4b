/**
 * The engine's entry point: stories in, fact clusters (with discrepancies) and a draft out.
 */
import { alignTable, buildSentenceTable, type AlignOptions, type SentenceTable } from "./align";
import { findDiscrepancies } from "./discrepancies";
import { buildDraft } from "./draft";
import { tokenize } from "./tokenize";
import type { Alignment, Consolidation, FactCluster, FactStory } from "./types";

/** Milliseconds spent in each stage, filled in when passed (for the benchmark and for logs). */
export interface ConsolidateTimings {
  /** Profiling, candidate generation, scoring and clustering. */
  alignMs: number;
  discrepanciesMs: number;
  draftMs: number;
}

export interface ConsolidateOptions extends AlignOptions {
  timings?: ConsolidateTimings;
}

export function consolidate(stories: readonly FactStory[], options: ConsolidateOptions = {}): Consolidation {
  const clock = () => (typeof performance === "undefined" ? Date.now() : performance.now());
  let started = clock();
  const lap = (stage: keyof ConsolidateTimings) => {
    const now = clock();
    if (options.timings) options.timings[stage] = now - started;
    started = now;
  };
  const table = buildSentenceTable(stories);
  const alignment = alignTable(table, options);
  lap("alignMs");
  compareMembers(table, alignment.clusters);
  lap("discrepanciesMs");
  const draft = buildDraft(table, alignment.clusters);
  lap("draftMs");
  return { ...alignment, draft };
}

/** The stories' facts with where their sources disagree, without a draft (the sources pane needs no more). */
export function alignAndCompare(stories: readonly FactStory[], options: AlignOptions = {}): Alignment {
  const table = buildSentenceTable(stories);
  const alignment = alignTable(table, options);
  compareMembers(table, alignment.clusters);
  return alignment;
}

/** Fills each cluster's discrepancies: the values its members state differently. */
function compareMembers(table: SentenceTable, clusters: FactCluster[]): void {
  const storyIndex = new Map(table.stories.map((s, i) => [s.id, i]));
  for (const cluster of clusters) {
    if (cluster.members.length < 2) continue;
    // A story without a date borrows one from another report of the same fact (first by story id).
    const clusterDate = cluster.members.map((m) => table.stories[storyIndex.get(m.storyId)!]!.date ?? null).find((d) => d !== null) ?? null;
    cluster.discrepancies = findDiscrepancies(
      cluster.members.map((ref) => {
        const story = table.stories[storyIndex.get(ref.storyId)!]!;
        const sentence = story.sentences[ref.sentence]!;
        // Profiles don't keep tokens (memory); the sentences compared here are tokenised again.
        return { ref, sentence, tokens: tokenize(sentence.text), storyDate: story.date ?? clusterDate };
      }),
    );
  }
}
