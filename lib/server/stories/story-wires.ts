import "server-only";
import type { VersionedWire } from "@/lib/domain/story/source-updates";
import { asSignalledKind } from "@/lib/domain/wire/signals";
import { checkSourcesInWires, type CitedSource } from "@/lib/domain/story/validate";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../db";
import { effectiveBody } from "../queries/wires";

/**
 * Refuses (INVALID_INPUT) sources that are not offsets into the text of one of the story's wire
 * stories, or of a later version of one (a fact re-attached to the corrected version). Checked
 * before anything is written: without it an unknown wire id only failed at the foreign key (a
 * 500), and a wire of another story or offsets past its text were stored.
 */
export async function assertSourcesInStoryWires(tx: Prisma.TransactionClient | Db, storyId: string, sources: readonly CitedSource[]): Promise<void> {
  if (sources.length === 0) return;
  const cited = [...new Set(sources.map(({ source }) => source.wireStoryId))];
  const wires = await tx.storyWire.findMany({
    where: { storyId },
    select: { wireStory: { select: { id: true, itemKey: true, version: true, text: true } } },
  });
  const own = wires.map(({ wireStory }) => wireStory);
  const uncited = cited.filter((id) => !own.some((wire) => wire.id === id));
  const later = uncited.length > 0 ? (await laterVersionsOf(tx, own, { id: true, text: true })).filter((wire) => uncited.includes(wire.id)) : [];
  // JavaScript string length: offsets are UTF-16 positions, as the engine and the workspace count them.
  checkSourcesInWires(sources, new Map([...own, ...later].map((wire) => [wire.id, wire.text.length])));
}

/**
 * Versions of the given wires' items that are later than every one of them given, and not
 * among them: what an agency sent after the version a story took in.
 */
export async function laterVersionsOf<S extends Prisma.WireStorySelect>(
  tx: Prisma.TransactionClient | Db,
  wires: readonly { id: string; itemKey: string; version: number }[],
  select: S,
): Promise<Prisma.WireStoryGetPayload<{ select: S }>[]> {
  if (wires.length === 0) return [];
  const oldest = new Map<string, number>();
  for (const wire of wires) oldest.set(wire.itemKey, Math.min(wire.version, oldest.get(wire.itemKey) ?? Infinity));
  const found = await tx.wireStory.findMany({
    where: { OR: [...oldest].map(([itemKey, version]) => ({ itemKey, version: { gt: version } })), id: { notIn: wires.map((wire) => wire.id) } },
    orderBy: [{ itemKey: "asc" }, { version: "asc" }],
    select,
  });
  return found as Prisma.WireStoryGetPayload<{ select: S }>[];
}

/** What sourceUpdates needs of a wire version (lib/domain/story/source-updates.ts). */
export const VERSIONED_WIRE = {
  id: true, itemKey: true, version: true, versionKind: true, pubStatus: true, createdAt: true, text: true, analysis: true, restoredStarts: true,
} as const;

export function versionedWire(wire: Prisma.WireStoryGetPayload<{ select: typeof VERSIONED_WIRE }>): VersionedWire {
  return {
    id: wire.id,
    itemKey: wire.itemKey,
    version: wire.version,
    versionKind: asSignalledKind(wire.versionKind),
    pubStatus: wire.pubStatus,
    receivedAt: wire.createdAt.toISOString(),
    text: wire.text,
    sentences: effectiveBody(wire).sentences,
  };
}
