// Only where a relative callback lands matters, so it is resolved against a stand-in origin.
const STAND_IN_ORIGIN = "https://factdesk.invalid";

/**
 * Where to go after sign-in: the callback when it is a path of the app itself, else the default.
 * Resolving it as a browser would, rather than checking how the text starts, also catches
 * `/\evil.example`, `/\t/evil.example` and the like, which browsers read as another host.
 */
export function safeCallbackPath(callbackUrl: string | null | undefined, fallback = "/wires"): string {
  if (!callbackUrl) return fallback;
  let url: URL;
  try {
    url = new URL(callbackUrl, STAND_IN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== STAND_IN_ORIGIN) return fallback;
  return url.pathname + url.search + url.hash;
}
