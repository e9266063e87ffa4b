import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST as addWires } from "@/app/api/v1/stories/[id]/wires/route";
import type { CurrentUser } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { storiesOpenForWires } from "@/lib/server/queries/stories";
import { addWiresToStory } from "@/lib/server/services/add-wires-to-story";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { publishRevision } from "@/lib/server/services/publish-revision";
import { reviewRevision } from "@/lib/server/services/review-revision";
import { startRevision } from "@/lib/server/services/start-revision";
import { unpublishStory } from "@/lib/server/services/unpublish-story";
import { approve, call, contentVersion, newsroom } from "./route-helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));

/** A wire story no story uses yet (unique text, so it is not the same content imported twice). */
async function freshWire(user: CurrentUser) {
  const text = `Officials in Vladivostok said on Wednesday that the talks would continue. Reference ${randomUUID()}.\n`;
  return (await importWireStory({ source: { kind: "user", user }, upload: { bytes: Buffer.from(text), contentType: "text/plain" } })).story.id;
}

async function storyState(storyId: string) {
  return {
    wires: (await db.storyWire.findMany({ where: { storyId }, select: { wireStoryId: true }, orderBy: { wireStoryId: "asc" } })).map((row) => row.wireStoryId),
    events: await db.storyEvent.count({ where: { storyId } }),
  };
}

/** Asks, over the API, to add a fresh wire; expects 409 CONFLICT and the story untouched. */
async function expectRefused(room: { writer: CurrentUser; storyId: string }) {
  session.user = room.writer;
  const before = await storyState(room.storyId);
  const wire = await freshWire(room.writer);
  const response = await call(addWires, { id: room.storyId }, { method: "POST", body: { wireStoryIds: [wire] } });
  expect(response.status).toBe(409);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe("CONFLICT");
  expect(error.message).toMatch(/revision/i);
  expect(await storyState(room.storyId)).toEqual(before);
  expect((await storiesOpenForWires(room.writer)).map((story) => story.id)).not.toContain(room.storyId);
}

async function expectAccepted(room: { writer: CurrentUser; storyId: string }) {
  session.user = room.writer;
  const wire = await freshWire(room.writer);
  expect((await storiesOpenForWires(room.writer)).map((story) => story.id)).toContain(room.storyId);
  const response = await call(addWires, { id: room.storyId }, { method: "POST", body: { wireStoryIds: [wire] } });
  expect(response.status).toBe(200);
  expect((await storyState(room.storyId)).wires).toContain(wire);
}

describe("adding wire stories to a story", () => {
  it("is for a revision being written: a draft, or one sent back with changes requested", async () => {
    const room = await newsroom({ wires: 2 });
    await expectAccepted(room);
    const v = await contentVersion(room.revisionId);
    await reviewRevision({ actor: room.writer, revisionId: room.revisionId, input: { transition: "submit", contentVersion: v } });
    await reviewRevision({ actor: room.editor, revisionId: room.revisionId, input: { transition: "requestChanges", contentVersion: v } });
    await expectAccepted(room);
  });

  it("answers 409 while the revision is in review or approved", async () => {
    const room = await newsroom({ wires: 2 });
    const v = await contentVersion(room.revisionId);
    await reviewRevision({ actor: room.writer, revisionId: room.revisionId, input: { transition: "submit", contentVersion: v } });
    await expectRefused(room);
    await reviewRevision({ actor: room.editor, revisionId: room.revisionId, input: { transition: "approve", contentVersion: v } });
    expect((await db.storyRevision.findUniqueOrThrow({ where: { id: room.revisionId } })).state).toBe("APPROVED");
    await expectRefused(room);
    await expect(addWiresToStory({ actor: room.writer, storyId: room.storyId, input: { wireStoryIds: [await freshWire(room.writer)] } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("answers 409 once the latest revision is published, and after the story is unpublished, until a new revision is started", async () => {
    const room = await newsroom({ wires: 5 });
    await approve(room);
    await publishRevision({ actor: room.publisher, revisionId: room.revisionId, input: { contentVersion: await contentVersion(room.revisionId) } });
    await expectRefused(room);
    await unpublishStory({ actor: room.publisher, storyId: room.storyId, input: { reason: "Legal review." } });
    await expectRefused(room);
    await startRevision({ actor: room.writer, revisionId: room.revisionId, input: { transition: "startRevision" } });
    await expectAccepted(room);
  });
});
