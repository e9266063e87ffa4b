import "server-only";
import { checkSourcesInWires, type CitedSource } from "@/lib/domain/story/validate";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../db";

/**
 * Refuses (INVALID_INPUT) sources that are not offsets into the text of one of the story's wire
 * stories. Checked before anything is written: without it an unknown wire id only failed at the
 * foreign key (a 500), and a wire of another story or offsets past its text were stored.
 */
export async function assertSourcesInStoryWires(tx: Prisma.TransactionClient | Db, storyId: string, sources: readonly CitedSource[]): Promise<void> {
  if (sources.length === 0) return;
  const wires = await tx.storyWire.findMany({
    where: { storyId, wireStoryId: { in: [...new Set(sources.map(({ source }) => source.wireStoryId))] } },
    select: { wireStoryId: true, wireStory: { select: { text: true } } },
  });
  // JavaScript string length: offsets are UTF-16 positions, as the engine and the workspace count them.
  checkSourcesInWires(sources, new Map(wires.map((wire) => [wire.wireStoryId, wire.wireStory.text.length])));
}
