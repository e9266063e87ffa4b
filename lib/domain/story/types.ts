/**
 * A consolidated story revision as plain data: the contract between the story workspace
 * (lib/domain/story), the review diff (lib/domain/diff), the workflow (lib/domain/workflow)
 * and the database (lib/server). Ids are stable across revisions: a fact keeps its id when a
 * new revision is started from an old one, so two revisions can be diffed fact by fact.
 */

/** A sentence of a wire story that supports a fact: offsets into WireStory.text. */
export interface SourceRef {
  wireStoryId: string;
  start: number;
  end: number;
}

/**
 * A wire sentence that states the fact with another value (number, date, weekday, name): it
 * disputes the fact and is never one of its sources.
 */
export interface DisputingSource extends SourceRef {
  /** The value as that wire states it, e.g. "1,200 people". */
  value: string;
}

export type DiscrepancyKind = "number" | "date" | "weekday" | "person" | "place" | "organisation" | "attribution";

export interface DiscrepancySide {
  /** The value as the sources on this side state it, e.g. "17 months" (their wordings joined by " / "). */
  value: string;
  sources: SourceRef[];
  /**
   * The value as each source states it, in the order of `sources` ("900 kilometers" for one
   * wire, "900 km" for another), so a wire is never quoted with another's wording. Absent in
   * documents made before it was kept: then `value` stands for every source.
   */
  stated?: string[];
}

export interface DiscrepancyResolution {
  /** The side chosen (index into `sides`), or null when resolved with a note only. */
  chosenSide: number | null;
  note: string | null;
  resolvedBy: string;
  /** ISO timestamp. */
  resolvedAt: string;
}

export interface FactDiscrepancy {
  id: string;
  kind: DiscrepancyKind;
  /**
   * Human-readable, as worded when the discrepancy was found, e.g. `number: “17 months” (AP 1) vs
   * “18 months” (AFP 2)`. Screens word it afresh from `sides` (discrepancyDetail), with the
   * story's wire labels as they are now.
   */
  detail: string;
  sides: DiscrepancySide[];
  resolution: DiscrepancyResolution | null;
}

export interface StoryFact {
  id: string;
  text: string;
  sources: SourceRef[];
  /** Wire sentences that state another value for the fact; none of them is in `sources`. Absent means none. */
  disputedBy?: DisputingSource[];
  /** Required when the fact has no wire source: the reporter's own reporting, explained. */
  ownReportingNote: string | null;
  discrepancies: FactDiscrepancy[];
  /** Bumped by every change to this fact; edits carry the version they were based on. */
  version: number;
}

export interface StoryParagraph {
  id: string;
  facts: StoryFact[];
}

export interface StoryDocument {
  headline: string;
  standfirst: string;
  dateline: string | null;
  /** Bumped by every change to headline, standfirst or dateline. */
  metaVersion: number;
  paragraphs: StoryParagraph[];
}

/** What the workspace needs to know of a wire story to describe sources (credit line, marks). */
export interface WireSourceInfo {
  id: string;
  agency: string | null;
  headline: string | null;
  /** ISO date YYYY-MM-DD. */
  date: string | null;
}
