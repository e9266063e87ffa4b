import "server-only";
import { isoDay } from "@/lib/domain/dates";
import { can } from "@/lib/domain/policy";
import { proposalsFor } from "@/lib/domain/story/proposals";
import { groupWireSentences, sentenceKey } from "@/lib/domain/story/wire-facts";
import type { WireSourceInfo } from "@/lib/domain/story/types";
import { acceptsNewWires, isEditable } from "@/lib/domain/workflow";
import type { WorkspaceData, WorkspaceWire } from "@/lib/schemas/workspace";
import type { CurrentUser } from "../auth";
import { effectiveBody } from "./wires";
import { db } from "../db";
import { loadDocument } from "../stories/document-store";

export function listStories() {
  return db.story.findMany({
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      slug: true,
      updatedAt: true,
      owner: { select: { name: true } },
      _count: { select: { wires: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true, state: true, headline: true, updatedAt: true } },
    },
  });
}

/** Stories the user may add wire stories to (see acceptsNewWires), newest first. */
export async function storiesOpenForWires(user: CurrentUser) {
  const stories = await db.story.findMany({
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      ownerId: true,
      wires: { select: { wireStoryId: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { state: true, headline: true } },
    },
  });
  return stories
    .filter((story) => {
      const latest = story.revisions[0];
      return latest !== undefined && acceptsNewWires(latest.state) && can(user, "story.edit", { ownerId: story.ownerId });
    })
    .map((story) => ({ id: story.id, headline: story.revisions[0]!.headline, wireStoryIds: story.wires.map((wire) => wire.wireStoryId) }));
}

/** A story as the workspace shows it: its latest revision's document and its wire stories. */
export async function getStoryWorkspace(storyId: string) {
  const story = await db.story.findUnique({
    where: { id: storyId },
    select: {
      id: true,
      slug: true,
      ownerId: true,
      owner: { select: { name: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, state: true, contentVersion: true } },
      wires: {
        orderBy: [{ addedAt: "asc" }, { wireStoryId: "asc" }],
        select: { addedAt: true, wireStory: { select: { id: true, agency: true, headline: true, storyDate: true, text: true, analysis: true, restoredStarts: true } } },
      },
    },
  });
  const revision = story?.revisions[0];
  if (!story || !revision) return null;
  const document = await db.$transaction((tx) => loadDocument(tx, revision.id));
  const wires = story.wires.map(({ wireStory, addedAt }) => ({ ...wireStory, addedAt }));
  const sources: WireSourceInfo[] = wires.map((wire) => ({
    id: wire.id,
    agency: wire.agency,
    headline: wire.headline,
    date: isoDay(wire.storyDate),
  }));
  return { story, revision, document, wires, sources };
}
export type StoryWorkspace = NonNullable<Awaited<ReturnType<typeof getStoryWorkspace>>>;

export function wireStoriesByIds(ids: string[]) {
  return db.wireStory.findMany({ where: { id: { in: ids } }, select: { id: true, headline: true, agency: true, dateline: true, sentenceCount: true } });
}

/** The workspace's data as the browser receives it (GET /api/v1/stories/{id}). */
export async function storyForClient(storyId: string, user: CurrentUser): Promise<WorkspaceData | null> {
  const workspace = await getStoryWorkspace(storyId);
  if (!workspace) return null;
  const { story, revision, document, wires } = workspace;
  const lastEvent = await db.storyEvent.findFirst({ where: { storyId }, orderBy: { id: "desc" }, select: { id: true } });
  return {
    story: { id: story.id, slug: story.slug, ownerId: story.ownerId, ownerName: story.owner.name },
    revision,
    document,
    wires: workspaceWires(wires),
    // The workspace asks for proposals only when there can be any.
    hasProposingWires: wiresAddedAfterDraft(wires).length > 0,
    lastEventId: lastEvent?.id.toString() ?? null,
    canEdit: can(user, "story.edit", { ownerId: story.ownerId }) && isEditable(revision.state),
    me: { id: user.id, name: user.name },
  };
}

/**
 * Wires added after the story was drafted: only they propose. The draft already took what the
 * first ones say, and a fact an editor deleted is not offered back.
 */
function wiresAddedAfterDraft<W extends { addedAt: Date }>(wires: readonly W[]): W[] {
  const draftedAt = Math.min(...wires.map((wire) => wire.addedAt.getTime()));
  return wires.filter((wire) => wire.addedAt.getTime() > draftedAt);
}

/** The story's wires with their sentences, each sentence with the fact group it shares with other wires. */
function workspaceWires(wires: StoryWorkspace["wires"]): WorkspaceWire[] {
  const withBodies = wires.map((wire) => ({
    id: wire.id,
    agency: wire.agency,
    headline: wire.headline,
    date: isoDay(wire.storyDate),
    text: wire.text,
    sentences: effectiveBody(wire).sentences,
  }));
  const groups = groupWireSentences(withBodies);
  return withBodies.map(({ sentences, ...wire }) => ({
    ...wire,
    sentences: sentences.map(({ index, start, end, text, paragraph }) => {
      const shared = groups.get(sentenceKey(wire.id, start, end));
      return { index, start, end, text, paragraph, factGroup: shared?.group ?? null, alsoIn: shared?.alsoIn ?? [] };
    }),
  }));
}

/** What the story's wires offer that the story does not use yet (lib/domain/story/proposals). */
export async function proposalsForStory(storyId: string) {
  const workspace = await getStoryWorkspace(storyId);
  if (!workspace) return null;
  const dismissals = await db.storyProposalDismissal.findMany({ where: { storyId }, select: { wireStoryId: true, start: true, end: true } });
  return proposalsFor(
    workspace.document,
    wiresAddedAfterDraft(workspace.wires).map((wire) => ({
      id: wire.id,
      agency: wire.agency,
      headline: wire.headline,
      date: isoDay(wire.storyDate),
      sentences: effectiveBody(wire).sentences,
    })),
    new Set(dismissals.map((d) => `${d.wireStoryId}:${d.start}:${d.end}`)),
  );
}
