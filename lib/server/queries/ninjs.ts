import "server-only";
import type { PublishedStory } from "./published";

/**
 * A published story as IPTC ninjs 2.1. Per-fact sourcing, which ninjs has no field for, travels
 * in the extension property `factdesk_facts`: each fact's text with the wire sentences that
 * support it (wire story id, character offsets into that story's text, agency), the wire sentences
 * that dispute it (`disputedBy`, each with the value that wire reported), and whether it
 * rests on the newsroom's own reporting (`ownReporting`; the note explaining that is internal and
 * not in the public document). The wire stories themselves are listed in `infosources`.
 */
export function toNinjs(story: PublishedStory, baseUrl: string) {
  const { document, sources, citations, live } = story;
  const agencyOf = new Map(sources.map((source) => [source.id, source.agency]));
  const bodyText = document.paragraphs.map((paragraph) => paragraph.facts.map((fact) => fact.text).join(" ")).join("\n\n");
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return {
    $schema: "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json",
    uri: `${baseUrl}/p/${story.slug}`,
    type: "text",
    version: String(live.number),
    firstcreated: story.firstPublishedAt.toISOString(),
    versioncreated: live.publishedAt!.toISOString(),
    pubstatus: "usable",
    language: "en",
    headlines: [{ value: document.headline, role: "main" }],
    ...(document.standfirst ? { descriptions: [{ value: document.standfirst, role: "summary" }] } : {}),
    ...(document.dateline ? { located: document.dateline } : {}),
    bodies: [
      { contenttype: "text/plain", value: bodyText },
      { contenttype: "text/html", value: document.paragraphs.map((paragraph) => `<p>${escape(paragraph.facts.map((fact) => fact.text).join(" "))}</p>`).join("") },
    ],
    // The wires that support a fact, in the order the public page numbers them.
    infosources: citations.sources
      .filter((cited) => cited.supports.length > 0)
      .map(({ wire: source }) => ({ name: source.agency ?? "Unattributed", role: "originfeed", uri: `urn:factdesk:wire:${source.id}`, ...(source.headline ? { title: source.headline } : {}) })),
    ...(live.correctionNote ? { ednote: live.correctionNote } : {}),
    factdesk_facts: citations.facts.map(({ fact, paragraph }) => ({
      id: fact.id,
      paragraph,
      text: fact.text,
      ownReporting: fact.ownReporting,
      sources: fact.sources.map((source) => ({ ...source, agency: agencyOf.get(source.wireStoryId) ?? null })),
      // Wires that reported another value for the fact: never among its sources.
      disputedBy: (fact.disputedBy ?? []).map((d) => ({ ...d, agency: agencyOf.get(d.wireStoryId) ?? null })),
    })),
  };
}
