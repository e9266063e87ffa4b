import "server-only";
import { AppError } from "@/lib/domain/errors";
import { ZCreateSubscriber, ZSetSubscriberActive } from "@/lib/schemas/subscribers";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";

/** Registers a subscriber; it is sent every later publication, correction or unpublication it asked for. */
export async function createSubscriber({ actor, input }: { actor: CurrentUser; input: unknown }): Promise<{ id: string }> {
  assertCan(actor, "subscriber.manage");
  const subscriber = ZCreateSubscriber.parse(input);
  return withAudit(actor, async (tx, audit) => {
    const created = await tx.subscriber.create({
      data: { ...subscriber, formats: [...new Set(subscriber.formats)], events: [...new Set(subscriber.events)], createdById: actor.id },
      select: { id: true },
    });
    // The secret stays out of the audit log.
    audit({ action: "subscriber.create", subjectType: "Subscriber", subjectId: created.id, data: { name: subscriber.name, url: subscriber.url, formats: subscriber.formats, events: subscriber.events } });
    return created;
  });
}

/** Pauses or resumes deliveries to a subscriber: a paused one is sent nothing new. */
export async function setSubscriberActive({ actor, subscriberId, input }: { actor: CurrentUser; subscriberId: string; input: unknown }) {
  assertCan(actor, "subscriber.manage");
  const { active } = ZSetSubscriberActive.parse(input);
  return withAudit(actor, async (tx, audit) => {
    const updated = await tx.subscriber.updateMany({ where: { id: subscriberId }, data: { active } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "No such subscriber.");
    const { name } = await tx.subscriber.findUniqueOrThrow({ where: { id: subscriberId }, select: { name: true } });
    audit({ action: active ? "subscriber.reactivate" : "subscriber.deactivate", subjectType: "Subscriber", subjectId: subscriberId, data: { name } });
  });
}

/** Removes a subscriber and its delivery log. */
export async function deleteSubscriber({ actor, subscriberId }: { actor: CurrentUser; subscriberId: string }) {
  assertCan(actor, "subscriber.manage");
  return withAudit(actor, async (tx, audit) => {
    const removed = await tx.subscriber.findUnique({ where: { id: subscriberId }, select: { name: true } });
    if (!removed) throw new AppError("NOT_FOUND", "No such subscriber.");
    await tx.subscriber.delete({ where: { id: subscriberId } });
    audit({ action: "subscriber.delete", subjectType: "Subscriber", subjectId: subscriberId, data: { name: removed.name } });
  });
}

/**
 * Sends a delivery again, as a new delivery with the same body (byte for byte, so the same
 * signature), whatever became of the first; the worker's next sweep queues it.
 */
export async function resendDelivery({ actor, deliveryId }: { actor: CurrentUser; deliveryId: string }): Promise<{ id: string }> {
  assertCan(actor, "subscriber.manage");
  return withAudit(actor, async (tx, audit) => {
    const original = await tx.delivery.findUnique({ where: { id: deliveryId }, include: { subscriber: { select: { name: true } } } });
    if (!original) throw new AppError("NOT_FOUND", "No such delivery.");
    const { subscriberId, storyId, revisionId, event, format, body } = original;
    const resent = await tx.delivery.create({ data: { subscriberId, storyId, revisionId, event, format, body, resendOfId: original.id }, select: { id: true } });
    audit({ action: "subscriber.resend", subjectType: "Subscriber", subjectId: subscriberId, data: { name: original.subscriber.name, deliveryId: original.id, resentAs: resent.id } });
    return resent;
  });
}
