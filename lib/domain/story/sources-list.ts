/**
 * The public page's list of sources, entry by entry: the number the facts' marks show, the wire
 * named so a reader can tell which report it is, the facts it supports, and what it reported
 * where the story says otherwise. The numbers and what each wire supports or reported come from
 * `citeSources`, as ninjs and NewsML-G2 get them; only the wording is here.
 */
import { html, type Markup } from "../http/html";
import type { CitedSource } from "./citations";
import { agencyName } from "./credit";
import { cutAtWord } from "./summary";
import type { WireSourceInfo } from "./types";

/** A wire as the list names it: with what the newsroom's lists call it too. */
export interface TitledWire extends WireSourceInfo {
  /** The headline, else the first sentence cut at a word (WireStory.title); null when not known. */
  title: string | null;
}

/**
 * "AP: Kim arrives in Russia, 2023-09-12". A wire with no headline is named by its opening words,
 * quoted so they do not pass for a headline (`Unattributed: “Kim’s train rolled…”`); with
 * neither, "AFP report". The date follows when the wire has one.
 */
export function sourceName(wire: TitledWire): string {
  const agency = agencyName(wire.agency);
  const headline = wire.headline?.trim();
  const opening = wire.title?.trim();
  const name = headline ? `${agency}: ${headline}` : opening ? `${agency}: “${opening}”` : `${agency} report`;
  return wire.date ? `${name}, ${wire.date}` : name;
}

/**
 * A fact as the sources list quotes it: its opening words, linking back to it in the story. A
 * fact that is itself a quotation ("“Having to travel …,” Miller said") loses its own opening and
 * closing marks inside ours, which would otherwise read ““Having.
 */
export function quotedFact(number: number, text: string): Markup {
  const words = cutAtWord(text, 90).replace(/^[“”"‘’']+/u, "").replace(/[“”"‘’']+$/u, "");
  return html`<a href="#fact-${number}" class="quote">“${words}”<span class="sr-only"> (back to this sentence in the story)</span><span aria-hidden="true"> ↩</span></a>`;
}

/** Items separated by commas, as a reader lists them. */
function joined(items: Markup[]): Markup[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [html`, `, item]));
}

/**
 * `[6] Unattributed: “…”, 2023-09-12 — supports “…”`, then a line per fact the wire reported
 * otherwise: `Reported “Wednesday” where the story says “…”`. The number is written in
 * brackets as the facts' marks show it, so the list itself shows no marker of its own (the
 * page's style); the dash comes only before what the wire supports.
 */
export function sourceListItem(source: CitedSource<TitledWire>, factText: (factNumber: number) => string): Markup {
  const quote = (fact: number) => quotedFact(fact, factText(fact));
  const supports = source.supports.length > 0 ? html` — supports ${joined(source.supports.map(quote))}` : null;
  const reported = source.reported.map(
    ({ fact, values }) => html`<span class="reported">Reported ${values.map((value) => `“${value}”`).join(", ")} where the story says ${quote(fact)}</span>`,
  );
  return html`<li id="source-${source.number}">[${source.number}] ${sourceName(source.wire)}${supports}${reported}</li>\n`;
}
