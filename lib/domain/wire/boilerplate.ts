/**
 * Recognisers for lines that are not story text: what web pages and agencies wrap around a
 * story. Each works on one trimmed line and knows nothing of its neighbours; the positional
 * rules (headline, dateline, subheads) live in story.ts.
 *
 * The patterns are deliberately specific. Removing a real sentence is worse than keeping a
 * stray prompt (an editor sees the prompt; nobody sees a sentence that vanished), so prompts
 * and appeals written as reported speech are never removed.
 */
import { knownAgency } from "./agency";
import { matchDateline } from "./dateline";

export const REMOVAL_REASONS = {
  headline: "headline",
  dateline: "dateline",
  metadata: "metadata",
  subscription: "subscription prompt",
  donation: "donation appeal",
  photoCaption: "photo caption",
  photoCredit: "photo credit",
  copyright: "copyright",
  subhead: "subhead",
  standfirst: "standfirst",
  byline: "byline",
  label: "label",
  creditLine: "credit line",
  editorsNote: "editor's note",
  separator: "separator",
  promotional: "promotional",
  control: "control characters",
  endMarker: "end-of-story marker",
  slug: "slug",
} as const;

export type RemovalReason = (typeof REMOVAL_REASONS)[keyof typeof REMOVAL_REASONS];

export interface LineVerdict {
  reason: RemovalReason;
  /** An agency the line credits (copyright holder, bare credit line). */
  agency?: string;
  /** The year of a copyright line. */
  year?: number;
  /** The name(s) of a byline. */
  byline?: string;
}

const REPORTED_SPEECH = /[“”"«»]|\b(?:said|says|told|according to)\b/i;

const SUBSCRIPTION = [
  /^(?:subscribe\b|start (?:your )?free\b|already (?:a |an )?(?:subscriber|member)\b|current (?:print )?subscriber\b)/i,
  /^(?:sign (?:up|in)\b|log ?in\b|register (?:now|for free|to)\b|create (?:a |an |your )?(?:free )?account\b)/i,
  /^(?:get (?:full |unlimited |digital )?access\b|activate your\b|become a (?:subscriber|member)\b|unlock (?:this|unlimited|full)\b)/i,
  /^(?:you(?:'|’)ve reached your|you have \d+ free|this (?:article|story|content) is (?:for|available to|reserved for) (?:subscribers|members))/i,
  /\bsubscribe now\b|\bpremium (?:stories|articles|content)\b.*\b(?:month|free)\b/i,
];

const DONATION_STRONG = [
  /^we need your (?:help|support)\b/i,
  /\breaders like you\b/i,
  /^you are visiting us because\b/i,
  /\bcontribute what you can\b/i,
  /^(?:please )?(?:donate|contribute) (?:now|today)\b/i,
  /^make a (?:contribution|donation)\b/i,
];
/** Weak cues only count in a line that addresses the reader as "we/our/us". */
const DONATION_WEAK = [
  /\badvertising revenue\b/i,
  /\bsupport (?:our|us|independent|quality) (?:mission|journalism|work|reporting)?/i,
  /\bplease (?:consider )?(?:contribut|donat|support)/i,
  /\bour (?:journalism|reporting|mission)\b/i,
];
const ADDRESSES_READER = /\b(?:we|our|us)\b/i;

const CAPTION_OPENING =
  /^(?:in this (?:file |undated |handout )?(?:photo|image|picture|photograph|handout|frame grab)|this (?:photo|image|picture|photograph)\b|(?:file|handout)\s*(?:photo)?\s*[-–—:]|photo\s*:|pictured\s*:|caption\s*:|image\s*:)/i;
const CAPTION_CREDIT =
  /\((?:[^()]*?(?:\bvia (?:AP|Reuters|AFP|Getty Images)\b|\bAP Photo\b|\bphoto(?:graph)?\b|\bGetty Images\b|\/(?:AP|Reuters|AFP|EPA)\b|\bEPA\b|\bPool\b))[^()]*\)\s*$/i;
const PHOTO_CREDIT =
  /(?:\bstock photo\b|\bgetty images\b|\bshutterstock\b|\balamy\b|\bap photo\b|\bafp photo\b|\bepa(?:-efe)?\b|\b(?:photo(?:graph)?s?|foto|bild)\s*:|\bimage\s*:|\bcredit\s*:|\/(?:ap|afp|reuters|epa|getty|tt|ntb|dpa|scanpix|lehtikuva)$)/i;

const COPYRIGHT = /^\(?\s*(?:©|\(c\)|copyright\b)/i;
const RIGHTS_RESERVED = /^all rights reserved\.?$/i;

const NAME = "[\\p{Lu}][\\p{L}\\p{M}'’.\\-]*(?:\\s+(?:(?:de|van|von|der|da|del|al|bin|le|la)\\s+)?[\\p{Lu}][\\p{L}\\p{M}'’.\\-]*){0,4}";
const BYLINE = new RegExp(`^By\\s+(${NAME}(?:(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*)${NAME})*)(?:\\s*,\\s*[^.!?]{1,60})?$`, "u");

const CREDIT_LINE = [
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|edited|produced|research) by\b/i,
  /^\(?(?:with )?(?:additional )?(?:reporting|input|files|material) (?:from|by)\b/i,
  /\bcontributed (?:to )?(?:this )?(?:report|story|article)(?:ing)?\.?\)?$/i,
  /^this (?:story|article|report) (?:was )?(?:generated|produced|written|compiled|edited|updated|corrected|translated)\b/i,
  /\bcan be reached at\b/i,
];
/** Agency sign-off with operator initials: "AFP sn", "dpa pre yyhe n1 deg". */
const SIGN_OFF = /^(\S{2,10})((?:\s+[a-z0-9]{1,5}){1,6})$/;
const SOURCE_CREDIT = /^\(?\s*sources?\s*:\s*(.{2,60}?)\)?\.?$/i;
const BARE_CREDIT = /^[(\-–—\s]*([^()]{2,40}?)[)\s.]*$/;

const PROMOTIONAL =
  /^(?:advertisement|sponsored(?: content)?|story continues (?:below|after)|read (?:more|also)\b|also read\b|related\s*:|related (?:stories|articles|coverage|content)\b|see also\b|click here\b|watch\s*:|listen\s*:|share this\b|download (?:our|the) app\b|sign up for (?:our|the) newsletter\b|more from\b|follow (?:us\b|@\w+|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3} on (?:twitter|x|facebook|instagram|threads|bluesky|linkedin)\b))/iu;

const METADATA_PREFIX =
  /^(?:date|dated|published|updated|posted)\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?=\s|$)/i;

/**
 * Transmission marks that end a story or a take: "(END)", "-30-", "###", "(MORE)", "ENDS",
 * "-0-". Bare words only in capitals: a line "More" or "End" in sentence case may be text.
 */
const END_MARKER = [/^[(\[]\s*(?:end|ends|more|xxx)\s*[)\]]\.?$/i, /^\/?(?:END|ENDS|MORE|XXX)\.?$/, /^[-–—]\s*(?:30|0)\s*[-–—]$/, /^#{3,}$/];
/**
 * AP transmission slugs: service code, date and time, "AP-WF-09-12-23 0412GMT"; the date may be
 * written with or without dashes.
 */
const AP_SLUG = /^AP-[A-Z]{2,3}-\d{2}-?\d{2}-?\d{2,4}\s+\d{3,4}\s*(?:GMT|UTC|[ECMP][SD]T)?$/;

/** What a line is, when it is not story text; null for anything that may be story text. */
export function classifyLine(line: string): LineVerdict | null {
  if (line.length <= 40 && END_MARKER.some((re) => re.test(line))) return { reason: REMOVAL_REASONS.endMarker };
  if (AP_SLUG.test(line)) return { reason: REMOVAL_REASONS.slug };
  if (!/[\p{L}\p{N}]/u.test(line)) return { reason: REMOVAL_REASONS.separator };
  return (
    copyrightLine(line) ??
    match(line, REMOVAL_REASONS.subscription, isSubscriptionPrompt) ??
    match(line, REMOVAL_REASONS.donation, isDonationAppeal) ??
    match(line, REMOVAL_REASONS.photoCaption, isPhotoCaption) ??
    match(line, REMOVAL_REASONS.photoCredit, isPhotoCredit) ??
    bylineLine(line) ??
    match(line, REMOVAL_REASONS.editorsNote, isEditorsNote) ??
    creditLine(line) ??
    match(line, REMOVAL_REASONS.promotional, isPromotional)
  );
}

function match(line: string, reason: RemovalReason, test: (line: string) => boolean): LineVerdict | null {
  return test(line) ? { reason } : null;
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

function isSubscriptionPrompt(line: string): boolean {
  return line.length <= 250 && !REPORTED_SPEECH.test(line) && SUBSCRIPTION.some((re) => re.test(line));
}

function isDonationAppeal(line: string): boolean {
  if (line.length > 500 || REPORTED_SPEECH.test(line)) return false;
  if (DONATION_STRONG.some((re) => re.test(line))) return true;
  return ADDRESSES_READER.test(line) && DONATION_WEAK.some((re) => re.test(line));
}

function isPhotoCaption(line: string): boolean {
  return CAPTION_OPENING.test(line) || CAPTION_CREDIT.test(line);
}

function isPhotoCredit(line: string): boolean {
  return line.length <= 80 && wordCount(line) <= 8 && !/[.!?]$/.test(line) && PHOTO_CREDIT.test(line);
}

function copyrightLine(line: string): LineVerdict | null {
  if (RIGHTS_RESERVED.test(line)) return { reason: REMOVAL_REASONS.copyright };
  if (!COPYRIGHT.test(line) || line.length > 300) return null;
  const verdict: LineVerdict = { reason: REMOVAL_REASONS.copyright };
  const year = /\b(19\d{2}|2\d{3})\b/.exec(line);
  if (year) verdict.year = Number(year[1]);
  const holder = line
    .replace(/^\(?\s*(?:©|\(c\)|copyright)\s*(?:\(c\)|©)?\s*/i, "")
    .replace(/\b(?:19\d{2}|2\d{3})(?:\s*[-–]\s*\d{2,4})?\b/g, " ")
    .split(/[.,;]|\ball rights\b/i)[0];
  const agency = knownAgency(holder);
  if (agency) verdict.agency = agency;
  return verdict;
}

function bylineLine(line: string): LineVerdict | null {
  if (line.length > 120 || wordCount(line) > 14) return null;
  const m = BYLINE.exec(line);
  return m?.[1] ? { reason: REMOVAL_REASONS.byline, byline: m[1].trim() } : null;
}

function creditLine(line: string): LineVerdict | null {
  if (line.length > 300) return null;
  if (CREDIT_LINE.some((re) => re.test(line))) return { reason: REMOVAL_REASONS.creditLine };
  if (line.length > 70) return null; // an agency-only line is short
  const source = SOURCE_CREDIT.exec(line);
  const bare = BARE_CREDIT.exec(line);
  const signOff = SIGN_OFF.exec(line);
  const agency = knownAgency(source?.[1]) ?? knownAgency(bare?.[1]) ?? knownAgency(signOff?.[1]);
  if (agency) return { reason: REMOVAL_REASONS.creditLine, agency };
  return null;
}

/** Reuters-style "(Adds comments, detail)", "(In Jan. 3 story, corrects …)"; AP "Eds: …". */
const EDITORS_NOTE = [
  /^\((?:adds|updates|corrects|recasts|repeats|rewrites|changes|fixes|removes|refiles|moves|inserts|deletes)\b[^()]*\)$/i,
  /^\(in [^()]{1,80}\bstory\b[^()]*\bcorrects?\b[^()]*\)$/i,
  /^(?:eds?|editors?(?:'|’)?\s*note)\s*:/i,
];

function isEditorsNote(line: string): boolean {
  return line.length <= 400 && EDITORS_NOTE.some((re) => re.test(line));
}

function isPromotional(line: string): boolean {
  return line.length <= 160 && !REPORTED_SPEECH.test(line) && PROMOTIONAL.test(line);
}

/** ` date 2023-09-12 ` and similar feed metadata glued in front of the story. */
export function matchMetadataPrefix(line: string): { length: number; date: string } | null {
  const m = METADATA_PREFIX.exec(line);
  return m?.[1] ? { length: m[0].length, date: m[1] } : null;
}

/** The first line of a story when it is a headline: short, capitalised, no final period. */
export function looksLikeHeadline(line: string): boolean {
  // Length first: splitting a 2 MB line into words only to refuse it took 0.2 s.
  if (line.length > 250) return false;
  const words = wordCount(line);
  if (words < 2 || words > 30) return false;
  if (!/^[\p{Lu}\p{N}“"‘'«¿¡]/u.test(line)) return false;
  if (/[.:;,]$/.test(line) || /^By\s/.test(line)) return false;
  return matchDateline(line) === null;
}

/** A short line before the lede that is neither headline nor story: a kicker, section label or slug. */
export function looksLikeLabel(line: string): boolean {
  return line.length <= 60 && wordCount(line) <= 6 && !/[.!?,;:]$/.test(line) && matchDateline(line) === null;
}

const DASHED_SUBHEAD = /^[-–—•]\s*\S.{0,80}\S\s*[-–—•]$/u;

/** AFP marks subheads with dashes: "- ‘Pay a price’ -". */
export function looksLikeDashedSubhead(line: string): boolean {
  return DASHED_SUBHEAD.test(line);
}

/** A section subhead inside the body: short, title case or capitals, no final punctuation. */
export function looksLikeSubhead(line: string): boolean {
  if (looksLikeDashedSubhead(line)) return true;
  if (line.length > 80 || wordCount(line) > 10) return false;
  if (!/^[\p{Lu}\p{N}“"‘']/u.test(line)) return false;
  if (/[.!?…,;:]$/.test(line.replace(/[’'"”)\]]+$/, ""))) return false;
  const letters = line.replace(/[^\p{L}]/gu, "");
  // Mostly letters: "Work: +61 (0)2 6206 0208" is contact data, not a heading.
  if (letters.length < 0.6 * line.replace(/\s/g, "").length) return false;
  if (letters.length >= 2 && !/\p{Ll}/u.test(letters)) return true;
  const significant = line.split(/\s+/).filter((w) => w.replace(/[^\p{L}]/gu, "").length >= 4);
  if (significant.length === 0) return false;
  const capitalised = significant.filter((w) => /^[“"‘']?\p{Lu}/u.test(w)).length;
  return capitalised / significant.length >= 0.6;
}
