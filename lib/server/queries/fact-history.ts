import "server-only";
import { factHistory } from "@/lib/domain/story/fact-history";
import type { FactHistoryResponse } from "@/lib/schemas/workspace";
import { db } from "../db";

/** The most events one history reads; older ones are reported as left out, not dropped silently. */
const HISTORY_EVENT_LIMIT = 500;

/** Who changed one fact of a story, how and when (oldest first); null when there is no such story. */
export async function factHistoryForStory(storyId: string, factId: string): Promise<FactHistoryResponse | null> {
  const story = await db.story.findUnique({ where: { id: storyId }, select: { id: true } });
  if (!story) return null;
  const events = await db.storyEvent.findMany({
    // Edits list the facts they touched; the story's creation drafted every fact not added later.
    where: { storyId, OR: [{ operation: { path: ["touched"], array_contains: [factId] } }, { kind: "story.create" }] },
    orderBy: { id: "desc" },
    take: HISTORY_EVENT_LIMIT + 1,
    select: { id: true, kind: true, operation: true, createdAt: true, actor: { select: { name: true } } },
  });
  const earlierLeftOut = events.length > HISTORY_EVENT_LIMIT;
  const entries = factHistory(
    events.slice(0, HISTORY_EVENT_LIMIT).map((event) => ({ id: event.id.toString(), actorName: event.actor.name, at: event.createdAt.toISOString(), kind: event.kind, operation: event.operation })),
    factId,
  );
  return { entries, earlierLeftOut };
}
