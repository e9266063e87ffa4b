import "server-only";
import { AppError } from "@/lib/domain/errors";
import { permission } from "@/lib/domain/policy";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { forgetWire } from "../events/event-store";
import { storiesUsingWire } from "../queries/wires";

/** Who asks: a signed-in person (editors and above), or a feed's API key, for what that key sent. */
export type WireDeleter = { kind: "user"; user: CurrentUser } | { kind: "api-key"; apiKeyId: string; apiKeyName: string };

export interface DeleteWireStoryOptions {
  deleter: WireDeleter;
  wireStoryId: string;
}

/**
 * Deletes a wire story no story uses (junk, a test sent by mistake), audited. While a story is
 * built from it or cites it, it is refused with a sentence naming those stories: their sources
 * must stay readable. A feed's API key may delete only what it sent itself, so a key that leaks
 * cannot empty the inbox.
 *
 * The wire row is locked first: a story being created from this wire at the same moment either
 * committed before (and is found, so the delete is refused) or waits for the delete and then
 * fails on its foreign key, never citing a wire that is gone. The item's key is locked as imports
 * lock it, so when the latest version goes, the one before becomes the item's latest again. Locks
 * are taken in the order every writer takes them: wire rows, the item's key, then events.
 */
export async function deleteWireStory({ deleter, wireStoryId }: DeleteWireStoryOptions): Promise<{ id: string; title: string }> {
  if (deleter.kind === "user") {
    // The policy's own sentence ("Only editors, publishers and admins may delete wire stories."), not a bare 403.
    const allowed = permission(deleter.user, "wire.delete");
    if (!allowed.allowed) throw new AppError("FORBIDDEN", allowed.reason);
  }
  return withAudit(deleter.kind === "user" ? deleter.user : null, async (tx, audit) => {
    const [locked] = await tx.$queryRaw<{ itemKey: string }[]>`SELECT "itemKey" FROM "WireStory" WHERE id = ${wireStoryId} FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND", "No such wire story: it may have been deleted already.");
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${locked.itemKey}, 0))`;
    const wire = await tx.wireStory.findUniqueOrThrow({
      where: { id: wireStoryId },
      select: { id: true, title: true, agency: true, itemKey: true, version: true, isLatestVersion: true, apiKeyId: true },
    });
    if (deleter.kind === "api-key" && wire.apiKeyId !== deleter.apiKeyId) {
      throw new AppError("FORBIDDEN", "An API key may delete only the wire stories it sent; this one came from elsewhere.");
    }
    const users = await storiesUsingWire(tx, wireStoryId);
    if (users.length > 0) throw new AppError("CONFLICT", refusal(users.map((story) => story.headline)), { storyIds: users.map((story) => story.id) });

    await forgetWire(tx, wireStoryId);
    await tx.wireStory.delete({ where: { id: wireStoryId } });
    if (wire.isLatestVersion) {
      const previous = await tx.wireStory.findFirst({ where: { itemKey: wire.itemKey }, orderBy: { version: "desc" }, select: { id: true } });
      if (previous) await tx.wireStory.update({ where: { id: previous.id }, data: { isLatestVersion: true } });
    }
    audit({
      action: "wire.delete",
      subjectType: "WireStory",
      subjectId: wireStoryId,
      data: {
        title: wire.title,
        agency: wire.agency,
        itemKey: wire.itemKey,
        version: wire.version,
        ...(deleter.kind === "api-key" ? { apiKeyId: deleter.apiKeyId, apiKeyName: deleter.apiKeyName } : {}),
      },
    });
    return { id: wire.id, title: wire.title };
  });
}

/** "The story “Kim in Russia” uses this wire story, so it cannot be deleted." */
function refusal(headlines: string[]): string {
  const quoted = headlines.slice(0, 3).map((headline) => `“${headline}”`);
  const more = headlines.length - quoted.length;
  const named = more > 0 ? `${quoted.join(", ")} and ${more} more` : quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}` : quoted[0];
  const subject = headlines.length > 1 ? `The stories ${named} use` : `The story ${named} uses`;
  return `${subject} this wire story, so it cannot be deleted: their facts cite it as a source.`;
}
