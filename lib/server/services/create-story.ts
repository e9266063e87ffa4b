import "server-only";
import { isoDay } from "@/lib/domain/dates";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import { consolidate, storyFromParsedWire } from "@/lib/domain/facts";
import { wireLabel } from "@/lib/domain/story/credit";
import { documentFromDraft } from "@/lib/domain/story/from-draft";
import { MAX_STORY_SENTENCES, MAX_STORY_WIRES, ZCreateStory } from "@/lib/schemas/stories";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";
import { effectiveBody } from "../queries/wires";
import { insertDocument } from "../stories/document-store";
import { newSlug } from "../stories/slugs";
import { appendStoryEvent } from "../stories/story-events";

export interface CreateStoryOptions {
  actor: CurrentUser;
  input: unknown;
}

/**
 * Starts a consolidated story from wire stories: the engine aligns their facts and drafts the
 * story, which becomes the first draft revision, owned by the actor, every fact with its sources.
 */
export async function createStory({ actor, input }: CreateStoryOptions) {
  assertCan(actor, "story.create");
  const { wireStoryIds } = ZCreateStory.parse(input);
  return createStoryFromWires(actor, wireStoryIds, null);
}

/**
 * "Consolidate this event": a story from the latest version of each wire the event holds. The
 * story remembers the event, and wires that join the event later are offered to it as proposals.
 */
export async function createStoryFromEvent({ actor, eventId }: { actor: CurrentUser; eventId: string }) {
  assertCan(actor, "story.create");
  const event = await db.newsEvent.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!event) throw new AppError("NOT_FOUND", "No such event: it may have been merged into another.");
  const wires = await db.wireStory.findMany({ where: { eventId, isLatestVersion: true }, select: { id: true }, orderBy: { createdAt: "asc" } });
  if (wires.length === 0) throw new AppError("CONFLICT", "This event holds no current wire version to build a story from.");
  if (wires.length > MAX_STORY_WIRES) {
    throw new AppError(
      "UNPROCESSABLE",
      `This event holds ${wires.length} wires; a story can be built from at most ${MAX_STORY_WIRES}. Split the event, or choose the wires in the inbox.`,
    );
  }
  return createStoryFromWires(actor, wires.map((w) => w.id), eventId);
}

async function createStoryFromWires(actor: CurrentUser, wireStoryIds: string[], newsEventId: string | null) {
  const wires = await db.wireStory.findMany({
    where: { id: { in: wireStoryIds } },
    select: { id: true, text: true, analysis: true, restoredStarts: true, agency: true, headline: true, storyDate: true, dateline: true },
  });
  if (wires.length !== wireStoryIds.length) throw new AppError("NOT_FOUND", "Some of the chosen wire stories do not exist.");

  const stories = wires.map((wire) =>
    storyFromParsedWire(wire.id, {
      agency: wire.agency,
      headline: wire.headline,
      date: isoDay(wire.storyDate),
      sentences: effectiveBody(wire).sentences,
    }),
  );
  const sentences = stories.reduce((n, story) => n + story.sentences.length, 0);
  if (sentences > MAX_STORY_SENTENCES) {
    throw new AppError(
      "UNPROCESSABLE",
      `These wires hold ${sentences} sentences; a story can be consolidated from at most ${MAX_STORY_SENTENCES}. Choose fewer wires, or leave out the longest.`,
      { sentences, limit: MAX_STORY_SENTENCES },
    );
  }
  const consolidation = consolidate(stories);
  // The workspace lists wires added together by id (getStoryWorkspace), and they are added in
  // that order: so the labels written into discrepancy details ("AP 1", "Unattributed 6") are
  // the names of the story's wire tabs.
  const listed = [...wires].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const document = documentFromDraft(
    consolidation.draft,
    { newId: () => randomUUID() },
    { label: (id) => wireLabel(listed, id), dateline: wires.find((wire) => wire.dateline)?.dateline ?? null },
  );

  return db.$transaction(async (tx) => {
    const story = await tx.story.create({
      data: {
        slug: newSlug(document.headline),
        ownerId: actor.id,
        newsEventId,
        wires: { create: listed.map((wire) => ({ wireStoryId: wire.id, addedById: actor.id })) },
      },
      select: { id: true, slug: true },
    });
    const revision = await tx.storyRevision.create({
      data: {
        storyId: story.id,
        number: 1,
        headline: document.headline,
        standfirst: document.standfirst,
        dateline: document.dateline,
        metaVersion: document.metaVersion,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await insertDocument(tx, revision.id, document, actor.id);
    await appendStoryEvent(tx, { storyId: story.id, revisionId: revision.id, actorId: actor.id, kind: "story.create", operation: { wireStoryIds } });
    return { storyId: story.id, slug: story.slug, revisionId: revision.id };
  });
}
