import "server-only";
import { removalBy, type FactRemoval } from "@/lib/domain/story/overrides";
import type { Prisma } from "@/lib/generated/prisma/client";

export const STORY_CHANNEL = "factdesk_story_events";

export interface StoryEventInput {
  storyId: string;
  revisionId: string;
  actorId: string;
  /** An operation's type, "batch", "story.create", "wires.add", "review.<transition>". */
  kind: string;
  /** The fact the event is about, when it is about one (the first touched). */
  factId?: string | null;
  /** What happened; `touched` lists the facts it changed, which fact histories and live updates read. */
  operation: Prisma.InputJsonValue;
}

/**
 * Records a change in the story's history and announces it to everyone watching, on every app
 * instance: Postgres delivers the NOTIFY when the transaction commits, and never if it rolls back,
 * so watchers hear of exactly the events that exist.
 */
export async function appendStoryEvent(tx: Prisma.TransactionClient, event: StoryEventInput): Promise<bigint> {
  const { id } = await tx.storyEvent.create({
    data: { storyId: event.storyId, revisionId: event.revisionId, actorId: event.actorId, kind: event.kind, factId: event.factId ?? null, operation: event.operation },
    select: { id: true },
  });
  await tx.$executeRaw`SELECT pg_notify(${STORY_CHANNEL}, ${JSON.stringify({ storyId: event.storyId, eventId: id.toString() })})`;
  return id;
}

/**
 * Who removed each of these facts of a revision, read off its events: for a fact that is gone,
 * the latest event that touched it is the one that removed it. Facts with no such event are left out.
 */
export async function findFactRemovals(tx: Prisma.TransactionClient, revisionId: string, factIds: readonly string[]): Promise<FactRemoval[]> {
  const removals: FactRemoval[] = [];
  for (const factId of factIds) {
    const event = await tx.storyEvent.findFirst({
      where: { revisionId, operation: { path: ["touched"], array_contains: [factId] } },
      orderBy: { id: "desc" },
      select: { operation: true, actor: { select: { name: true } } },
    });
    const removal = event ? removalBy({ actorName: event.actor.name, operation: event.operation }, factId) : null;
    if (removal) removals.push(removal);
  }
  return removals;
}
