import "server-only";
import { AppError } from "@/lib/domain/errors";
import { ZDismissProposal } from "@/lib/schemas/stories";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";
import { assertSourcesInStoryWires } from "../stories/story-wires";

export interface DismissProposalOptions {
  actor: CurrentUser;
  storyId: string;
  input: unknown;
}

export async function dismissProposal({ actor, storyId, input }: DismissProposalOptions): Promise<void> {
  const sentence = ZDismissProposal.parse(input);
  const story = await db.story.findUnique({ where: { id: storyId }, select: { ownerId: true } });
  if (!story) throw new AppError("NOT_FOUND", "No such story.");
  assertCan(actor, "story.edit", { ownerId: story.ownerId });
  await assertSourcesInStoryWires(db, storyId, [{ source: sentence, field: "source" }]);
  await db.storyProposalDismissal.upsert({
    where: { storyId_wireStoryId_start_end: { storyId, ...sentence } },
    create: { storyId, ...sentence, dismissedById: actor.id },
    update: {},
  });
}
