import "server-only";
import { AppError } from "@/lib/domain/errors";
import { acceptsNewWires } from "@/lib/domain/workflow";
import { ZAddWires } from "@/lib/schemas/stories";
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
    const found = await tx.wireStory.count({ where: { id: { in: wireStoryIds } } });
    if (found !== new Set(wireStoryIds).size) throw new AppError("NOT_FOUND", "Some of the chosen wire stories do not exist.");
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
