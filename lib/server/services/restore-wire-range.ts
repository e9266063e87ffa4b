import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";
import { effectiveBody, searchTextOf, storedBody } from "../queries/wires";

export interface SetRangeRestoredOptions {
  actor: CurrentUser;
  wireStoryId: string;
  /** Start offset of a range the cleaner removed. */
  start: number;
  restored: boolean;
}

/**
 * Puts a removed range back into the story body (or removes it again). The row is locked for
 * the change, so two editors restoring different ranges at once both keep their change.
 */
export async function setRangeRestored({ actor, wireStoryId, start, restored }: SetRangeRestoredOptions) {
  assertCan(actor, "wire.import");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "WireStory" WHERE id = ${wireStoryId} FOR UPDATE`;
    const story = await tx.wireStory.findUnique({
      where: { id: wireStoryId },
      select: { text: true, headline: true, analysis: true, restoredStarts: true },
    });
    if (!story) throw new AppError("NOT_FOUND", "No such wire story.");
    if (!storedBody(story.analysis).removed.some((range) => range.start === start)) {
      throw new AppError("INVALID_INPUT", "Nothing was removed at that position.");
    }
    const restoredStarts = restored
      ? [...new Set([...story.restoredStarts, start])].sort((a, b) => a - b)
      : story.restoredStarts.filter((value) => value !== start);
    const body = effectiveBody({ ...story, restoredStarts });
    await tx.wireStory.update({
      where: { id: wireStoryId },
      data: {
        restoredStarts,
        sentenceCount: body.sentences.length,
        bodyLength: body.sentences.reduce((sum, sentence) => sum + sentence.text.length, 0),
        searchText: searchTextOf(story.headline, body.sentences),
      },
    });
    return body;
  });
}
