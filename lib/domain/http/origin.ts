/**
 * Whether a browser request that carries the session cookie was sent by the app's own pages.
 * SameSite cookies do not stop a same-site page (another port on the host, a sibling
 * subdomain) from sending them, so mutations check where the request came from: the Origin
 * header, or Sec-Fetch-Site where a browser sends no Origin. A request with neither comes from
 * no browser (curl, a script), which no other site can make a user's browser send.
 */
export function isSameOriginRequest(options: { origin: string | null; secFetchSite: string | null; ownHosts: readonly string[] }): boolean {
  if (options.origin !== null) {
    let host: string;
    try {
      host = new URL(options.origin).host.toLowerCase();
    } catch {
      return false; // "null" (sandboxed frames, some redirects) or garbage
    }
    return options.ownHosts.some((own) => own.toLowerCase() === host);
  }
  if (options.secFetchSite !== null) return options.secFetchSite === "same-origin" || options.secFetchSite === "none";
  return true;
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
export function isJsonContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}
