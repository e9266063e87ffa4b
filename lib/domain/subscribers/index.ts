/**
 * Subscribers: systems Factdesk sends published stories to, as they are published, corrected and
 * unpublished. What may be a subscriber's address, what each format and event is called, and
 * which event a publication is.
 */
import { NEWSML_ITEM_CONTENT_TYPE } from "../newsml/published-item";

export const DELIVERY_FORMATS = ["NINJS_2_1", "NEWSML_G2"] as const;
export type DeliveryFormat = (typeof DELIVERY_FORMATS)[number];

export const DELIVERY_EVENTS = ["PUBLISHED", "CORRECTED", "UNPUBLISHED"] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

export const FORMAT_LABELS: Record<DeliveryFormat, string> = { NINJS_2_1: "ninjs 2.1", NEWSML_G2: "NewsML-G2" };
export const EVENT_LABELS: Record<DeliveryEvent, string> = { PUBLISHED: "published", CORRECTED: "corrected", UNPUBLISHED: "unpublished" };

/** The media type of a delivery's body in each format. */
export const FORMAT_CONTENT_TYPES: Record<DeliveryFormat, string> = {
  NINJS_2_1: "application/json; charset=utf-8",
  NEWSML_G2: NEWSML_ITEM_CONTENT_TYPE,
};

/** Secrets shorter than this are guessable enough to forge signatures with. */
export const MIN_SECRET_LENGTH = 16;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why `address` cannot be a subscriber's, or null when it can: HTTPS anywhere, plain http only to
 * this machine's loopback (a receiver beside the app, as tests run one). Bodies are signed, not
 * encrypted, so they never cross a network in the clear; credentials in the URL would be logged.
 */
export function subscriberUrlProblem(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return "Give the subscriber's full address, starting with https://.";
  }
  if (url.username || url.password) return "Leave credentials out of the address: deliveries are signed with the secret instead.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return "The address must use https:// (plain http:// only to localhost).";
}

/** A publication is a correction when its revision carries a public correction note. */
export function publicationEvent(correctionNote: string | null): DeliveryEvent {
  return correctionNote?.trim() ? "CORRECTED" : "PUBLISHED";
}
