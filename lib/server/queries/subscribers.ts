import "server-only";
import { EVENT_LABELS, FORMAT_LABELS } from "@/lib/domain/subscribers";
import type { TSubscriberStatus } from "@/lib/schemas/subscribers";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";

/** How many of a subscriber's latest deliveries the admin screen lists. */
const LOG_LENGTH = 20;

/** Every subscriber with its delivery log: each delivery's story, event, format, status and attempts. */
export async function listSubscribers(actor: CurrentUser): Promise<TSubscriberStatus[]> {
  assertCan(actor, "subscriber.manage");
  const subscribers = await db.subscriber.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      url: true,
      formats: true,
      events: true,
      active: true,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: LOG_LENGTH,
        select: {
          id: true,
          createdAt: true,
          event: true,
          format: true,
          status: true,
          story: { select: { liveRevision: { select: { headline: true } }, revisions: { orderBy: { number: "desc" }, take: 1, select: { headline: true } } } },
          attempts: { orderBy: { at: "asc" }, select: { at: true, statusCode: true, error: true } },
        },
      },
    },
  });
  return subscribers.map(({ formats, events, deliveries, ...subscriber }) => ({
    ...subscriber,
    formats: formats.map((format) => FORMAT_LABELS[format]),
    events: events.map((event) => EVENT_LABELS[event]),
    deliveries: deliveries.map(({ story, attempts, createdAt, event, format, ...delivery }) => ({
      ...delivery,
      createdAt: createdAt.toISOString(),
      storyHeadline: story.liveRevision?.headline ?? story.revisions[0]?.headline ?? "",
      event: EVENT_LABELS[event],
      format: FORMAT_LABELS[format],
      attempts: attempts.map(({ at, ...attempt }) => ({ ...attempt, at: at.toISOString() })),
    })),
  }));
}
