/**
 * A published story as an IPTC ninjs document, valid against IPTC's schema for the version asked
 * for plus Factdesk's extension (extension-schema.ts), which `standard.schema` names. The wires
 * that support a fact are the info sources; the per-fact sourcing ninjs has no field for travels
 * in the extension properties `factdesk_facts` and `factdesk_sources`.
 */
import type { Citations } from "../story/citations";
import type { PublicDocument } from "../story/public";
import { agencyName } from "../story/credit";
import { storySummary } from "../story/summary";
import { FACTS_PROPERTY, SOURCES_PROPERTY, extensionSchemaPath } from "./extension-schema";
import type { NinjsVersion } from "./versions";
import { escapeHtml } from "../http/html";

export interface NinjsStory {
  slug: string;
  /** The live revision's number: ninjs `version`. */
  revisionNumber: number;
  firstPublishedAt: Date;
  publishedAt: Date;
  /** The public note of a correction; null for a story never corrected. */
  correctionNote: string | null;
  document: PublicDocument;
  citations: Citations;
}

/**
 * IPTC's "content source" role (Content Production Party Role NewsCodes): the party contributed to
 * the content as a source. ninjs 2.1 asks for an info source's role as a URI.
 */
export const CONTENT_SOURCE_ROLE = "http://cv.iptc.org/newscodes/contentprodpartyrole/contentSource";

/** The story's identity in every syndication format (ninjs `uri`, NewsML-G2 `guid`): the address of its public page. */
export function publishedStoryUri(slug: string, origin: string): string {
  return `${origin}/p/${encodeURIComponent(slug)}`;
}

/** How ninjs names a wire story: the `uri` of its info source and of its entry in `factdesk_sources`. */
export function wireStoryUri(wireStoryId: string): string {
  return `urn:factdesk:wire:${wireStoryId}`;
}

/** The story as ninjs `version`; `origin` is the app's, for the page's and the extension schema's URLs. */
export function buildNinjs(story: NinjsStory, version: NinjsVersion, origin: string): Record<string, unknown> {
  // ninjs 3 renamed properties to camelCase; for every property used here, 2.1 spells the 3.x name in lower case.
  const named = (name: string) => (version === "2.1" ? name.toLowerCase() : name);
  const { document, citations } = story;
  const paragraphs = document.paragraphs.map((paragraph) => paragraph.facts.map((fact) => fact.text).join(" "));
  const summary = storySummary(document);
  const agencyOf = new Map(citations.sources.map(({ wire }) => [wire.id, wire.agency]));
  return {
    uri: publishedStoryUri(story.slug, origin),
    type: "text",
    [named("representationType")]: "full",
    version: String(story.revisionNumber),
    [named("firstCreated")]: story.firstPublishedAt.toISOString(),
    [named("versionCreated")]: story.publishedAt.toISOString(),
    [named("pubStatus")]: "usable",
    language: "en",
    headlines: [{ role: "main", value: document.headline }],
    ...(summary ? { descriptions: [{ role: "summary", value: summary }] } : {}),
    ...(document.dateline ? { located: document.dateline } : {}),
    bodies: [
      { [named("contentType")]: "text/plain", value: paragraphs.join("\n\n") },
      { [named("contentType")]: "text/html", value: paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("") },
    ],
    // Wires that support a fact, in the order the public page numbers them; a wire that only disputes facts is no source of the content.
    [named("infoSources")]: citations.sources
      .filter((source) => source.supports.length > 0)
      .map(({ wire }) => ({ name: agencyName(wire.agency), role: CONTENT_SOURCE_ROLE, uri: wireStoryUri(wire.id) })),
    // The receiving newsroom's staff learn why this version replaced the last.
    ...(story.correctionNote ? { [named("edNote")]: story.correctionNote } : {}),
    standard: { name: "ninjs", version, schema: `${origin}${extensionSchemaPath(version)}` },
    [FACTS_PROPERTY]: citations.facts.map(({ fact, paragraph }) => ({
      id: fact.id,
      paragraph,
      text: fact.text,
      ownReporting: fact.ownReporting,
      sources: fact.sources.map(({ wireStoryId, start, end }) => ({ wireStoryId, start, end, agency: agencyOf.get(wireStoryId) ?? null })),
      // Wires that reported another value for the fact: never among its sources.
      disputedBy: (fact.disputedBy ?? []).map(({ wireStoryId, start, end, value }) => ({ wireStoryId, start, end, agency: agencyOf.get(wireStoryId) ?? null, value })),
    })),
    [SOURCES_PROPERTY]: citations.sources.map(({ number, wire }) => ({
      number,
      wireStoryId: wire.id,
      uri: wireStoryUri(wire.id),
      agency: wire.agency,
      headline: wire.headline,
      date: wire.date,
    })),
  };
}
