/**
 * The IPTC ninjs versions a published story is served in, and how a request asks for one: ninjs
 * has no media type of its own, so a client names the version in `?version=` or as a parameter of
 * a JSON media range in `Accept` (`application/json; version=3.1`, or `profile=` the schema's URI).
 * Without either, 2.1: what the API served before 3.1 was offered.
 */
export const NINJS_VERSIONS = ["2.1", "3.1"] as const;
export type NinjsVersion = (typeof NINJS_VERSIONS)[number];
export const DEFAULT_NINJS_VERSION: NinjsVersion = "2.1";

export function isNinjsVersion(value: string): value is NinjsVersion {
  return (NINJS_VERSIONS as readonly string[]).includes(value);
}

/** The `$id` of IPTC's schema for `version`, as the schema itself declares it (without the empty fragment). */
export function officialNinjsSchemaUri(version: NinjsVersion): string {
  return `http://www.iptc.org/std/ninjs/ninjs-schema_${version}.json`;
}

/** Media ranges a ninjs document satisfies: JSON, any JSON-based type, or a wildcard covering them. */
function coversJson(mediaRange: string): boolean {
  return mediaRange === "*/*" || mediaRange === "application/*" || mediaRange === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaRange);
}

/** The version a `version` or `profile` parameter names, if it is one served here. */
function versionNamedBy(parameters: Map<string, string>): NinjsVersion | null {
  const version = parameters.get("version");
  if (version !== undefined) return isNinjsVersion(version) ? version : null;
  const profile = parameters.get("profile");
  if (profile === undefined) return null;
  // Either IPTC's schema URI or the extension schema this app serves for that version.
  return NINJS_VERSIONS.find((candidate) => new RegExp(`[-_]${candidate.replace(".", "\\.")}\\.json#?$`).test(profile)) ?? null;
}

/**
 * The ninjs version an `Accept` header asks for: among JSON media ranges that name a version
 * served here, the one with the highest quality (the first on a tie). Null when none names one,
 * so the caller serves the default; a range with q=0 refuses its version rather than asking for it.
 */
export function ninjsVersionFromAccept(accept: string | null): NinjsVersion | null {
  if (!accept) return null;
  let best: { version: NinjsVersion; quality: number } | null = null;
  for (const range of accept.split(",")) {
    const [type = "", ...rawParameters] = range.split(";").map((part) => part.trim());
    if (!coversJson(type.toLowerCase())) continue;
    const parameters = new Map<string, string>();
    for (const raw of rawParameters) {
      const equals = raw.indexOf("=");
      if (equals <= 0) continue;
      parameters.set(raw.slice(0, equals).trim().toLowerCase(), raw.slice(equals + 1).trim().replace(/^"(.*)"$/, "$1"));
    }
    const version = versionNamedBy(parameters);
    if (version === null) continue;
    const quality = parameters.has("q") ? Number(parameters.get("q")) : 1;
    if (!Number.isFinite(quality) || quality <= 0) continue;
    if (best === null || quality > best.quality) best = { version, quality };
  }
  return best?.version ?? null;
}
