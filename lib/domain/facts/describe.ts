/**
 * Human-readable renderings of engine results, shared by the command line and the UI.
 */
import type { Discrepancy, DiscrepancySide } from "./types";

/** How a story is named in a detail line, e.g. "AP 002_b8274ddac1e040c9". */
export type StoryLabel = (storyId: string) => string;

function side(s: DiscrepancySide, label: StoryLabel): string {
  const texts = [...new Set(s.mentions.map((m) => m.text))];
  const who = [...new Set(s.mentions.map((m) => label(m.storyId)))];
  return `"${texts.join('" / "')}" (${who.join(", ")})`;
}

/** `number: "17 months" (AP 002) vs "18-month" (AFP 003)` */
export function describeDiscrepancy(d: Discrepancy, label: StoryLabel): string {
  return `${d.kind}: ${side(d.sides[0], label)} vs ${side(d.sides[1], label)}`;
}
