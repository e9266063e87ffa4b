/**
 * A published story as a NewsML-G2 News Item, shaped like IPTC's text example (LISTING 2 of the
 * NewsML-G2 guidelines): item metadata, content metadata, and the story as NITF in inlineXML. It
 * says what ninjs says (lib/domain/ninjs/document.ts), from the same public document, so nothing
 * the newsroom keeps to itself can reach it.
 *
 * Where the sources travel:
 * - itemMeta: one `<link rel="irel:derivedFrom">` per wire that supports a fact ("the current item
 *   is derived from the target item"), its `residref` the wire's URN as ninjs names it;
 * - contentMeta: one `<infoSource>` per agency of those wires;
 * - the NITF body: every fact is an anchor `<a id="fact-N">`, numbered as the public page numbers
 *   it, holding empty anchors to the wire sentences behind it: `class="factdesk-source"` for a
 *   sentence that supports it (`title`: the agency), `class="factdesk-disputed-by"` for one that
 *   states another value (`title`: that value), each `href` the wire's URN with the sentence's
 *   offsets into the wire's text as an RFC 5147 `#char=start,end` fragment (the offsets ninjs
 *   `factdesk_facts` gives). Empty anchors add no words, so a reader or importer of the body gets
 *   the story's text unchanged; NITF lets `<a>` hold `<a>`.
 *
 * A story taken down is announced as the same item with the publishing status `stat:canceled`.
 */
import { html, markupText, type Markup } from "../http/html";
import { publishedStoryUri, wireStoryUri, type NinjsStory } from "../ninjs/document";
import type { CitedFact } from "../story/citations";
import { agencyName } from "../story/credit";
import type { SourceRef, WireSourceInfo } from "../story/types";
import { storySummary } from "../story/summary";

export const NEWSML_G2_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/";
export const NITF_NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/";
/** IANA's media type of a NewsML-G2 News Item. */
export const NEWSML_ITEM_CONTENT_TYPE = "application/vnd.iptc.g2.newsitem+xml; charset=utf-8";
/**
 * NewsML-G2 versions after 2.24 are specified at the Power conformance level only (IPTC stopped
 * developing Core), so an item of 2.33 declares `conformance="power"`.
 */
export const NEWSML_G2_VERSION = "2.33";
/** Resolves the IPTC scheme aliases used here: ninat, stat, irel, cpprole, drol. */
export const IPTC_G2_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_33.xml";
const NEWSROOM = "Factdesk";
/** Content Production Party Role NewsCodes: the party contributed to the content as a source (as ninjs says it). */
const CONTENT_SOURCE_ROLE_QCODE = "cpprole:contentSource";

/**
 * Characters XML 1.0 cannot carry at all, not even as references (C0 controls other than tab and
 * line breaks, lone surrogates, U+FFFE and U+FFFF). Wire copy may hold a few; one left in would
 * make the whole item unreadable to an XML parser, so they are dropped.
 */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The story as a NewsML-G2 News Item; `origin` is the app's, for the item's identity and the public page. */
export function buildNewsmlItem(story: NinjsStory, origin: string): string {
  const { document, citations } = story;
  const page = publishedStoryUri(story.slug, origin);
  const summary = storySummary(document);
  const agencyOf = new Map(citations.sources.map(({ wire }) => [wire.id, wire.agency]));
  // A wire that only disputes facts is no source of the content: it is named only where it disputes.
  const supporting = citations.sources.filter((source) => source.supports.length > 0).map(({ wire }) => wire);
  const agencies = [...new Set(supporting.flatMap(({ agency }) => (agency ? [agency] : [])))];
  // Every paragraph, an empty one too, so a paragraph's position is the index ninjs gives it.
  const paragraphs = document.paragraphs.map((_, index) => citations.facts.filter((fact) => fact.paragraph === index));

  return newsItem(page, story.revisionNumber, html`
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="${NEWSROOM}"/>
    <versionCreated>${story.publishedAt.toISOString()}</versionCreated>
    <firstCreated>${story.firstPublishedAt.toISOString()}</firstCreated>
    <pubStatus qcode="stat:usable"/>${
      // The receiving newsroom's staff learn why this version replaced the last.
      story.correctionNote ? html`
    <edNote>${story.correctionNote}</edNote>` : null
    }
    <link rel="irel:seeAlso" href="${page}" contenttype="text/html"/>${supporting.map(
      (wire) => html`
    <link rel="irel:derivedFrom" residref="${wireStoryUri(wire.id)}"><title>${wireTitle(wire)}</title></link>`,
    )}
  </itemMeta>
  <contentMeta>
    <contentCreated>${story.firstPublishedAt.toISOString()}</contentCreated>
    <contentModified>${story.publishedAt.toISOString()}</contentModified>${
      document.dateline ? html`
    <located><name>${document.dateline}</name></located>` : null
    }
    <creator literal="${NEWSROOM}"/>${agencies.map(
      (agency) => html`
    <infoSource role="${CONTENT_SOURCE_ROLE_QCODE}"><name>${agency}</name></infoSource>`,
    )}
    <language tag="en"/>
    <headline>${document.headline}</headline>${
      document.dateline ? html`
    <dateline>${document.dateline}</dateline>` : null
    }${
      summary ? html`
    <description role="drol:summary">${summary}</description>` : null
    }
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/nitf+xml">
      <nitf xmlns="${NITF_NAMESPACE}">
        <body>
          <body.head>
            <hedline><hl1>${document.headline}</hl1></hedline>
          </body.head>
          <body.content>${paragraphs.map(
            (facts) => html`
            <p>${joinedBySpaces(facts.map((fact) => factAnchor(fact, agencyOf)))}</p>`,
          )}
          </body.content>
        </body>
      </nitf>
    </inlineXML>
  </contentSet>`);
}

/** A story taken down, as the item that tells subscribers so: the same item, canceled. */
export interface CanceledStory {
  slug: string;
  /** The number of the revision that was published (the item's last version). */
  revisionNumber: number;
  headline: string;
  /** When it was taken down. */
  at: Date;
}

/**
 * The News Item that withdraws a published story: its identity and version with `stat:canceled`
 * (IPTC's publishing status for an item to be removed from use), its headline, and no content.
 */
export function buildCanceledNewsmlItem(story: CanceledStory, origin: string): string {
  return newsItem(publishedStoryUri(story.slug, origin), story.revisionNumber, html`
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="${NEWSROOM}"/>
    <versionCreated>${story.at.toISOString()}</versionCreated>
    <pubStatus qcode="stat:canceled"/>
  </itemMeta>
  <contentMeta>
    <language tag="en"/>
    <headline>${story.headline}</headline>
  </contentMeta>`);
}

/** The document around an item's metadata and content: the root with the item's identity, and the catalog. */
function newsItem(guid: string, version: number, content: Markup): string {
  const item = html`<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="${NEWSML_G2_NAMESPACE}" guid="${guid}" version="${version}" standard="NewsML-G2" standardversion="${NEWSML_G2_VERSION}" conformance="power" xml:lang="en">
  <catalogRef href="${IPTC_G2_CATALOG}"/>${content}
</newsItem>
`;
  return markupText(item).replace(NOT_XML_CHARACTER, "");
}

/** A wire as the item's links title it: its agency and headline. */
function wireTitle(wire: WireSourceInfo): string {
  return [agencyName(wire.agency), wire.headline].filter(Boolean).join(": ");
}

/** A fact's text with the anchors of the wire sentences that support and dispute it. */
function factAnchor({ fact, number }: CitedFact, agencyOf: ReadonlyMap<string, string | null>): Markup {
  const classes = fact.ownReporting ? "factdesk-fact factdesk-own-reporting" : "factdesk-fact";
  const sources = fact.sources.map((source) => {
    const agency = agencyOf.get(source.wireStoryId);
    return html`<a class="factdesk-source" href="${sentenceUri(source)}"${agency ? html` title="${agency}"` : null}/>`;
  });
  const disputes = (fact.disputedBy ?? []).map((dispute) => html`<a class="factdesk-disputed-by" href="${sentenceUri(dispute)}" title="${dispute.value}"/>`);
  return html`<a id="fact-${number}" class="${classes}">${fact.text}${sources}${disputes}</a>`;
}

/** A sentence of a wire: the wire's URN, the sentence's offsets into its text as an RFC 5147 fragment. */
function sentenceUri({ wireStoryId, start, end }: SourceRef): string {
  return `${wireStoryUri(wireStoryId)}#char=${start},${end}`;
}

function joinedBySpaces(items: Markup[]): Markup[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [html` `, item]));
}
