import "server-only";
import type { DeliveryEvent } from "@/lib/domain/subscribers";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * In the transaction that publishes, corrects or unpublishes a story: one delivery per active
 * subscriber that asked for `event`, in each format it asked for. They commit or roll back with
 * the change itself; the worker's sweep puts them on the job queue.
 */
export async function queueDeliveries(tx: Prisma.TransactionClient, change: { storyId: string; revisionId: string; event: DeliveryEvent }): Promise<number> {
  const subscribers = await tx.subscriber.findMany({ where: { active: true, events: { has: change.event } }, select: { id: true, formats: true } });
  const rows = subscribers.flatMap(({ id, formats }) => formats.map((format) => ({ subscriberId: id, format, ...change })));
  if (rows.length) await tx.delivery.createMany({ data: rows });
  return rows.length;
}
