/**
 * What makes two imports the same wire item, and what lists call a wire story.
 *
 * A wire item is one story as the agency sends it, possibly several times: a first take, then
 * updates that add paragraphs or correct a figure. Each sending with different content is a new
 * version of the same item; the newsroom lists the item once, at its latest version, and a story
 * keeps citing the exact version it used. Byte-identical content is not a version at all: the
 * import's content hash makes it the same stored story.
 */
import { normalizeForMatching } from "@/lib/domain/text/normalize";
import type { ParsedWire } from "./types";

export interface WireItemIdentity {
  /**
   * The item's key: the format's guid (ninjs `uri`, NewsML-G2 `guid`, NITF `doc-id`, an RSS guid
   * or Atom id carried as a ninjs uri), or a key Factdesk derives for text without one. Null when
   * nothing identifies the item beyond its content: it is then an item of its own.
   */
  key: string | null;
  /** The version the format states (ninjs / NewsML-G2 `version`, NITF `du-key`), when the key is its guid. */
  statedVersion: number | null;
}

export interface IdentityContext {
  /** The feed or channel that sent it (X-Wire-Source), when named. */
  feed?: string | null;
  filename?: string | null;
}

/** Prefix of the keys Factdesk derives, so they cannot be mistaken for an agency's guid. */
const DERIVED_PREFIX = "urn:factdesk:";

export function wireItemIdentity(
  parsed: Pick<ParsedWire, "format" | "externalId" | "externalVersion" | "agency" | "headline" | "dateline" | "date">,
  context: IdentityContext = {},
): WireItemIdentity {
  if (parsed.externalId) return { key: parsed.externalId, statedVersion: parsed.externalVersion };
  const feed = keyPart(context.feed);
  const filename = keyPart(context.filename);
  // A named feed or channel that sends the same file name again is re-sending that file, as a
  // drop folder or an agency's FTP push does when a story is updated.
  if (parsed.format === "text" && feed && filename) return { key: `${DERIVED_PREFIX}file:${feed}/${filename}`, statedVersion: null };
  // Text without a guid (pasted, e-mailed): agencies re-send an updated story under the same
  // headline and dateline, and its body differs, so only these tell the re-sent story from a
  // new one. All three of agency, headline and dateline must be known, and the day when the text
  // states one, because different stories of one agency rarely share all of them, while
  // stories whose sender is unknown, or that have no headline line, could be anyone's: those
  // stay items of their own rather than risk merging two different stories.
  const agency = keyPart(parsed.agency);
  const headline = keyPart(parsed.headline);
  const dateline = keyPart(parsed.dateline);
  if (agency && headline && dateline) {
    return { key: `${DERIVED_PREFIX}text:${[agency, dateline, parsed.date ?? "", headline].join("|")}`, statedVersion: null };
  }
  return { key: null, statedVersion: null };
}

/** The key of a story nothing identifies but its content (the SHA-256 of its normalised body). */
export function contentItemKey(contentHash: string): string {
  return `${DERIVED_PREFIX}content:${contentHash}`;
}

function keyPart(value: string | null | undefined): string {
  return normalizeForMatching(value ?? "").toLowerCase().replace(/\|/g, "/");
}

/** Longest title made from a first sentence; headlines are rarely longer. */
export const MAX_TITLE_LENGTH = 90;

/**
 * What lists call a wire story: its headline, or, when the story has no headline line, its first
 * sentence, cut at a word with an ellipsis when longer than MAX_TITLE_LENGTH (a final full stop
 * dropped, as headlines have none).
 */
export function wireTitle(parsed: { headline: string | null; sentences: readonly { text: string }[] }): string {
  const headline = parsed.headline?.replace(/\s+/g, " ").trim();
  if (headline) return headline;
  const first = (parsed.sentences[0]?.text ?? "").replace(/\s+/g, " ").trim();
  if (first.length <= MAX_TITLE_LENGTH) return first.replace(/(?<![.].)\.$/u, "");
  const cut = first.lastIndexOf(" ", MAX_TITLE_LENGTH - 1);
  const head = first.slice(0, cut > MAX_TITLE_LENGTH / 2 ? cut : MAX_TITLE_LENGTH - 1);
  return `${head.replace(/[\s,;:—–-]+$/u, "")}…`;
}
