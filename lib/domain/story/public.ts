/**
 * What readers get of a story document (the public page, ninjs, any other public output): the
 * words and where they come from. Built field by field, so nothing the newsroom keeps about a
 * fact (own-reporting notes, discrepancies and how they were resolved, versions) reaches the
 * public unless it is added here on purpose. Disputing wires are added on purpose: a reader may
 * learn that a wire reported another value, which is why it is not cited for the fact.
 */
import type { DisputingSource, SourceRef, StoryDocument } from "./types";

export interface PublicFact {
  id: string;
  text: string;
  sources: SourceRef[];
  /** The fact rests (also) on the newsroom's own reporting; the note explaining it stays internal. */
  ownReporting: boolean;
  /** Wires that reported another value for the fact (never among `sources`); absent when none did. */
  disputedBy?: DisputingSource[];
}

export interface PublicParagraph {
  id: string;
  facts: PublicFact[];
}

export interface PublicDocument {
  headline: string;
  standfirst: string;
  dateline: string | null;
  paragraphs: PublicParagraph[];
}

export function publicDocument(doc: StoryDocument): PublicDocument {
  return {
    headline: doc.headline,
    standfirst: doc.standfirst,
    dateline: doc.dateline,
    paragraphs: doc.paragraphs.map((paragraph) => ({
      id: paragraph.id,
      facts: paragraph.facts.map((fact) => ({
        id: fact.id,
        text: fact.text,
        sources: fact.sources.map(({ wireStoryId, start, end }) => ({ wireStoryId, start, end })),
        ownReporting: fact.ownReportingNote !== null && fact.ownReportingNote.trim() !== "",
        ...(fact.disputedBy && fact.disputedBy.length > 0
          ? { disputedBy: fact.disputedBy.map(({ wireStoryId, start, end, value }) => ({ wireStoryId, start, end, value })) }
          : {}),
      })),
    })),
  };
}
