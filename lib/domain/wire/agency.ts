/**
 * Agency names as they appear in credits, datelines and metadata, mapped to the short form the
 * newsroom uses. Unknown names are kept as written (trimmed) by `normalizeAgency`; only
 * `knownAgency` is used where a guess would be risky (copyright lines, bare credit lines).
 */
const AGENCY_ALIASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["AP", ["ap", "associated press", "the associated press", "ap.org"]],
  ["AFP", ["afp", "agence france-presse", "agence france presse", "afp.com"]],
  ["Reuters", ["reuters", "thomson reuters", "reuters.com"]],
  ["RFE/RL", ["rfe/rl", "radio free europe/radio liberty", "radio free europe", "rferl", "rferl.org"]],
  ["dpa", ["dpa", "deutsche presse-agentur", "deutsche presse-agentur gmbh", "deutsche presse agentur", "dpa.com"]],
  ["AAP", ["aap", "australian associated press", "australian associated press - aap"]],
  ["PA", ["pa", "pa media", "press association", "pa sport"]],
  ["UPI", ["upi", "united press international"]],
  ["ANSA", ["ansa", "ansa.it"]],
  ["EFE", ["efe", "agencia efe"]],
  ["Xinhua", ["xinhua", "xinhua news agency"]],
  ["Kyodo", ["kyodo", "kyodo news"]],
  ["Yonhap", ["yonhap", "yonhap news agency"]],
  ["TASS", ["tass"]],
  ["Interfax", ["interfax"]],
  ["Bloomberg", ["bloomberg", "bloomberg news"]],
  ["ANP", ["anp"]],
  ["Belga", ["belga"]],
  ["APA", ["apa"]],
  ["NTB", ["ntb"]],
  ["TT", ["tt", "tt nyhetsbyrån"]],
  ["STT", ["stt", "stt-lehtikuva"]],
  ["Ritzau", ["ritzau"]],
  ["ANA", ["ana", "ana-mpa"]],
  ["PTI", ["pti", "press trust of india"]],
  ["CP", ["cp", "the canadian press", "canadian press"]],
];

const BY_ALIAS = new Map<string, string>(
  AGENCY_ALIASES.flatMap(([name, aliases]) => aliases.map((alias) => [alias, name] as const)),
);

/** Longer than any alias: such strings are never looked up. */
const MAX_ALIAS_LENGTH = 48;

function key(raw: string): string {
  return (/^[\x00-\x7f]*$/.test(raw) ? raw : raw.normalize("NFKC"))
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/^[\s(©\-–—]+|[\s).,;:\-–—]+$/g, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** The canonical name of a known agency, or null. */
export function knownAgency(raw: string | null | undefined): string | null {
  if (!raw || raw.length > MAX_ALIAS_LENGTH + 8) return null;
  return BY_ALIAS.get(key(raw)) ?? null;
}

/** Joint credits: "STT–AFP", "NTB-AFP-DPA", "Reuters/AP", "AP, Reuters". */
const CREDIT_SEPARATOR = /\s*(?:[–—\/,;+&]|\s-\s|(?<=\p{Lu})-(?=\p{Lu}))\s*/u;

/**
 * The canonical name of a known agency; for a joint credit the first agency named; else the
 * name as written (trimmed); else null.
 */
export function normalizeAgency(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const known = knownAgency(raw) ?? knownAgency(raw.split(CREDIT_SEPARATOR)[0]);
  if (known) return known;
  const cleaned = raw.replace(/\s+/g, " ").replace(/^[\s(]+|[\s).,;:\-–—]+$/g, "").trim();
  return cleaned.length > 0 && cleaned.length <= 80 ? cleaned : null;
}

/** First non-null candidate, normalised. Candidates are listed from most to least reliable. */
export function firstAgency(candidates: ReadonlyArray<string | null | undefined>): string | null {
  for (const candidate of candidates) {
    const agency = normalizeAgency(candidate);
    if (agency) return agency;
  }
  return null;
}
