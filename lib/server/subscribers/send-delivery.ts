import "server-only";
import { createHmac } from "node:crypto";
import { EVENT_LABELS, FORMAT_CONTENT_TYPES, type DeliveryEvent, type DeliveryFormat } from "@/lib/domain/subscribers";
import { publicBaseUrl } from "@/lib/env";
import { db } from "../db";
import { toNinjs } from "../queries/ninjs";
import { publishedStory } from "../queries/published";
import { canceledNewsml, toNewsml } from "../queries/newsml";

/** The header a subscriber checks: `sha256=` and the HMAC-SHA256 of the body under its secret, in hex. */
export const SIGNATURE_HEADER = "X-Factdesk-Signature";
const TIMEOUT_MS = 10_000;

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

const origin = () => publicBaseUrl().origin;

/**
 * What a delivery sends: the story as it is published now in the format asked for, or, for an
 * unpublication, a notice that the item is canceled. Null when a publication was taken down
 * before it could be sent (there is nothing published to send).
 */
async function deliveryBody(delivery: { storyId: string; revisionId: string; event: DeliveryEvent; format: DeliveryFormat }): Promise<string | null> {
  const story = await db.story.findUniqueOrThrow({ where: { id: delivery.storyId }, select: { id: true, slug: true } });
  if (delivery.event === "UNPUBLISHED") {
    const revision = await db.storyRevision.findUniqueOrThrow({ where: { id: delivery.revisionId }, select: { number: true, headline: true } });
    const canceled = { storyId: story.id, slug: story.slug, revisionNumber: revision.number, headline: revision.headline, at: new Date() };
    if (delivery.format === "NEWSML_G2") return canceledNewsml(canceled, origin());
    // ninjs says an item is withdrawn by its pubstatus; the uri is the one the published item had.
    return JSON.stringify({ uri: `${origin()}/p/${encodeURIComponent(story.slug)}`, type: "text", version: String(revision.number), versioncreated: canceled.at.toISOString(), pubstatus: "canceled", headlines: [{ role: "main", value: revision.headline }] });
  }
  const published = await publishedStory(story.slug);
  if (!published) return null;
  return delivery.format === "NEWSML_G2" ? toNewsml(published, origin()) : JSON.stringify(toNinjs(published, "2.1", origin()));
}

function failure(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `No answer within ${TIMEOUT_MS / 1000} seconds.`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
  return `Could not reach the subscriber: ${cause}.`;
}

/**
 * One attempt at a delivery: POSTs its body, signed, to the subscriber and records the answer. A
 * failed attempt throws, so the job queue tries again later (with backoff) — unless it was the
 * last, which leaves the delivery FAILED for an admin to resend. A delivery already delivered or
 * failed is left alone (a job may run twice).
 */
export async function sendDelivery(deliveryId: string, { finalAttempt }: { finalAttempt: boolean }): Promise<void> {
  const delivery = await db.delivery.findUnique({ where: { id: deliveryId }, include: { subscriber: { select: { url: true, secret: true } } } });
  if (!delivery || delivery.status === "DELIVERED" || delivery.status === "FAILED") return;
  const started = Date.now();
  let body = delivery.body;
  if (body === null) {
    body = await deliveryBody(delivery);
    if (body === null) {
      await db.$transaction([
        db.deliveryAttempt.create({ data: { deliveryId, statusCode: null, error: "The story was unpublished before this could be sent.", durationMs: 0 } }),
        db.delivery.update({ where: { id: deliveryId }, data: { status: "FAILED" } }),
      ]);
      return;
    }
    // Fixed now: every retry and any resend sends these bytes, under the same signature.
    await db.delivery.update({ where: { id: deliveryId }, data: { body } });
  }
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.subscriber.url, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "Content-Type": FORMAT_CONTENT_TYPES[delivery.format],
        "User-Agent": "Factdesk-Delivery/1",
        [SIGNATURE_HEADER]: signBody(delivery.subscriber.secret, body),
        "X-Factdesk-Event": EVENT_LABELS[delivery.event],
        "X-Factdesk-Delivery": delivery.id,
      },
    });
    statusCode = response.status;
    await response.body?.cancel();
    if (statusCode < 200 || statusCode > 299) error = `The subscriber answered ${statusCode}.`;
  } catch (caught) {
    error = failure(caught);
  }
  const status = error === null ? "DELIVERED" : finalAttempt ? "FAILED" : "SENDING";
  await db.$transaction([
    db.deliveryAttempt.create({ data: { deliveryId, statusCode, error, durationMs: Date.now() - started } }),
    db.delivery.update({ where: { id: deliveryId }, data: { status, ...(status === "DELIVERED" ? { deliveredAt: new Date() } : {}) } }),
  ]);
  if (error !== null && !finalAttempt) throw new Error(error);
}
