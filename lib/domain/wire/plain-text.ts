/**
 * Plain wire text as a newsroom receives it (pasted, e-mailed, scraped). `text === original`:
 * every offset points into exactly what was received, boilerplate included but marked removed.
 *
 * Agency: the dateline credit ("(AP) —") is the story's agency; failing that a copyright line
 * naming an agency ("© AFP 2023") or a bare credit line ("(Reuters)"). A photo credit such as
 * "via AP" only says who distributed the picture and never sets the agency.
 */
import type { ParsedWire } from "./types";
import { analyzeStory } from "./story";
import { buildParsedWire } from "./result";

export function parsePlainText(original: string): ParsedWire {
  const analysis = analyzeStory(original);
  return buildParsedWire("text", original, original, analysis, {
    headline: analysis.headline,
    agency: analysis.agency,
    dateline: analysis.dateline?.place ?? null,
    date: analysis.date,
    byline: analysis.byline,
    language: analysis.language,
    externalId: null,
    externalVersion: null,
  });
}
