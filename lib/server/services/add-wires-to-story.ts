import "server-only";
import { AppError } from "@/lib/domain/errors";
import { acceptsNewWires } from "@/lib/domain/workflow";
import { MAX_STORY_SENTENCES, ZAddWires } from "@/lib/schemas/stories";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";
import { appendStoryEvent } from "../stories/story-events";

export interface AddWiresToStoryOptions {
  actor: CurrentUser;
  storyId: string;
  input: unknown;
}

/**
 * Adds wire stories to a story whose latest revision is being written (see acceptsNewWires);
 * what they bring is then offered as proposals (see proposalsForStory).
 */
export async function addWiresToStory({ actor, storyId, input }: AddWiresToStoryOptions) {
  const { wireStoryIds } = ZAddWires.parse(input);
  return db.$transaction(async (tx) => {
    const story = await tx.story.findUnique({
      where: { id: storyId },
      select: { ownerId: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, state: true } } },
    });
    const revision = story?.revisions[0];
    if (!story || !revision) throw new AppError("NOT_FOUND", "No such story.");
    assertCan(actor, "story.edit", { ownerId: story.ownerId });
    if (!acceptsNewWires(revision.state)) {
      throw new AppError(
        "CONFLICT",
        revision.state === "IN_REVIEW" || revision.state === "APPROVED"
          ? "This story's revision is in review or approved: wire stories can be added once changes are requested, or to a new revision after publication."
          : "This story has no revision in progress; start a new revision to add wire stories.",
      );
    }
    const found = await tx.wireStory.findMany({ where: { id: { in: wireStoryIds } }, select: { id: true, sentenceCount: true } });
    if (found.length !== new Set(wireStoryIds).size) throw new AppError("NOT_FOUND", "Some of the chosen wire stories do not exist.");
    // The workspace aligns all of a story's wires on every visit, as consolidation does: a story
    // holds no more sentences than it could be consolidated from. The revision's row is locked so
    // two additions at once cannot both pass the check.
    await tx.$queryRaw`SELECT id FROM "StoryRevision" WHERE id = ${revision.id} FOR UPDATE`;
    const held = await tx.storyWire.findMany({ where: { storyId }, select: { wireStory: { select: { id: true, sentenceCount: true } } } });
    const counts = new Map([...held.map((row) => row.wireStory), ...found].map((wire) => [wire.id, wire.sentenceCount]));
    const sentences = [...counts.values()].reduce((n, count) => n + count, 0);
    if (sentences > MAX_STORY_SENTENCES) {
      throw new AppError(
        "UNPROCESSABLE",
        `With these wires the story would hold ${sentences} sentences; a story can hold at most ${MAX_STORY_SENTENCES}. Add fewer wires, or leave out the longest.`,
        { sentences, limit: MAX_STORY_SENTENCES },
      );
    }
    const { count } = await tx.storyWire.createMany({
      data: wireStoryIds.map((wireStoryId) => ({ storyId, wireStoryId, addedById: actor.id })),
      skipDuplicates: true,
    });
    if (count > 0) {
      await appendStoryEvent(tx, { storyId, revisionId: revision.id, actorId: actor.id, kind: "wires.add", operation: { wireStoryIds, touched: [] } });
    }
    return { added: count };
  });
}
