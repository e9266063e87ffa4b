import "server-only";
import { isoDay } from "@/lib/domain/dates";
import { can } from "@/lib/domain/policy";
import { proposalsFor } from "@/lib/domain/story/proposals";
import { groupWireSentences, sentenceKey } from "@/lib/domain/story/wire-facts";
import type { WireSourceInfo } from "@/lib/domain/story/types";
import { asSignalledKind } from "@/lib/domain/wire/signals";
import { acceptsNewWires, effectiveState, isEditable } from "@/lib/domain/workflow";
import type { WorkspaceData, WorkspaceWire } from "@/lib/schemas/workspace";
import type { CurrentUser } from "../auth";
import { effectiveBody } from "./wires";
import { db } from "../db";
import { loadDocument } from "../stories/document-store";
import { laterVersionsOf } from "../stories/story-wires";

const STORY_LIST_LIMIT = 200;

/**
 * The stories list: newest activity first, each with its latest revision's state (as readers
 * should take it: see effectiveState), owner, sources count, and who last changed it and when
 * (the story's latest event, read for each listed story through the (storyId, id) index).
 */
export async function listStories() {
  const stories = await db.story.findMany({
    orderBy: { updatedAt: "desc" },
    take: STORY_LIST_LIMIT,
    select: {
      id: true, slug: true, updatedAt: true, liveRevisionId: true,
      owner: { select: { name: true } },
      _count: { select: { wires: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, state: true, headline: true } },
    },
  });
  const lastChanges = await lastChangeOf(stories.map((story) => story.id));
  return stories
    .map((story) => {
      const latest = story.revisions[0];
      const lastChange = lastChanges.get(story.id);
      return {
        id: story.id,
        headline: latest?.headline ?? story.slug,
        // The latest revision: no later one can have been published after it.
        state: latest ? effectiveState(latest.state, { isLive: story.liveRevisionId === latest.id, publishedLater: false }) : null,
        revisionNumber: latest?.number ?? null,
        ownerName: story.owner.name,
        sourceCount: story._count.wires,
        lastEditorName: lastChange?.actorName ?? null,
        lastChangedAt: lastChange?.at ?? story.updatedAt,
      };
    })
    .sort((a, b) => b.lastChangedAt.getTime() - a.lastChangedAt.getTime());
}
export type StoryListItem = Awaited<ReturnType<typeof listStories>>[number];

/** Each story's latest event: who made it and when. One index probe per story, not a scan of the log. */
async function lastChangeOf(storyIds: string[]): Promise<Map<string, { actorName: string; at: Date }>> {
  if (storyIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ storyId: string; actorName: string; at: Date }[]>`
    SELECT listed.id AS "storyId", "User".name AS "actorName", latest."createdAt" AS at
    FROM unnest(${storyIds}::text[]) AS listed(id)
    CROSS JOIN LATERAL (
      SELECT "actorId", "createdAt" FROM "StoryEvent" WHERE "storyId" = listed.id ORDER BY id DESC LIMIT 1
    ) AS latest
    JOIN "User" ON "User".id = latest."actorId"`;
  return new Map(rows.map((row) => [row.storyId, { actorName: row.actorName, at: row.at }]));
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

const WORKSPACE_WIRE = {
  id: true, agency: true, title: true, storyDate: true, text: true, analysis: true, restoredStarts: true,
  itemKey: true, version: true, versionKind: true, pubStatus: true, createdAt: true,
} as const;

/** A story as the workspace shows it: its latest revision's document and its wire stories. */
export async function getStoryWorkspace(storyId: string) {
  const story = await db.story.findUnique({
    where: { id: storyId },
    select: {
      id: true, slug: true, ownerId: true,
      owner: { select: { name: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, state: true, contentVersion: true } },
      wires: {
        orderBy: [{ addedAt: "asc" }, { wireStoryId: "asc" }],
        select: { addedAt: true, wireStory: { select: WORKSPACE_WIRE } },
      },
    },
  });
  const revision = story?.revisions[0];
  if (!story || !revision) return null;
  const document = await db.$transaction((tx) => loadDocument(tx, revision.id));
  // Later versions of the story's wire items come with them: the story's facts may be flagged
  // against them and re-attached to them (lib/domain/story/source-updates.ts).
  const later = await laterVersionsOf(db, story.wires.map(({ wireStory }) => wireStory), WORKSPACE_WIRE);
  // A wire is shown by its title (its headline, else its first sentence), so none reads "(no headline)".
  const wires = [
    ...story.wires.map(({ wireStory: { title, ...wireStory }, addedAt }) => ({ ...wireStory, headline: title, addedAt, laterVersion: false })),
    ...later.map(({ title, ...wireStory }) => ({ ...wireStory, headline: title, addedAt: wireStory.createdAt, laterVersion: true })),
  ];
  const sources: WireSourceInfo[] = wires.map((wire) => ({
    id: wire.id,
    agency: wire.agency,
    headline: wire.headline,
    date: isoDay(wire.storyDate),
  }));
  return { story, revision, document, wires, sources };
}
export type StoryWorkspace = NonNullable<Awaited<ReturnType<typeof getStoryWorkspace>>>;

/** The chosen wires as the new-story page lists them; `headline` is the wire's title, never empty. */
export async function wireStoriesByIds(ids: string[]) {
  const wires = await db.wireStory.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, agency: true, dateline: true, sentenceCount: true } });
  return wires.map(({ title, ...wire }) => ({ ...wire, headline: title }));
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
function wiresAddedAfterDraft<W extends { addedAt: Date; laterVersion: boolean }>(wires: readonly W[]): W[] {
  // A later version of a wire the story has is not new material: its changes are flagged on the
  // facts that cite the older one (source updates), not proposed again sentence by sentence.
  const added = wires.filter((wire) => !wire.laterVersion);
  const draftedAt = Math.min(...added.map((wire) => wire.addedAt.getTime()));
  return added.filter((wire) => wire.addedAt.getTime() > draftedAt);
}

/** The story's wires with their sentences, each sentence with the fact group it shares with other wires. */
function workspaceWires(wires: StoryWorkspace["wires"]): WorkspaceWire[] {
  const withBodies = wires.map((wire) => ({
    id: wire.id,
    agency: wire.agency,
    headline: wire.headline,
    date: isoDay(wire.storyDate),
    text: wire.text,
    itemKey: wire.itemKey,
    version: wire.version,
    versionKind: asSignalledKind(wire.versionKind),
    pubStatus: wire.pubStatus,
    receivedAt: wire.createdAt.toISOString(),
    sentences: effectiveBody(wire).sentences,
  }));
  // Sentences are grouped across different wires, not across versions of one.
  const groups = groupWireSentences(withBodies.filter((_, i) => !wires[i]!.laterVersion));
  return withBodies.map(({ sentences, ...wire }) => ({
    ...wire,
    sentences: sentences.map(({ index, start, end, text, paragraph }) => {
      const shared = groups.get(sentenceKey(wire.id, start, end));
      return { index, start, end, text, paragraph, factGroup: shared?.group ?? null, alsoIn: shared?.alsoIn ?? [], otherValueIn: shared?.otherValueIn ?? [] };
    }),
  }));
}

/** What the story's wires offer that the story does not use yet (lib/domain/story/proposals). */
export async function proposalsForStory(storyId: string) {
  const workspace = await getStoryWorkspace(storyId);
  if (!workspace) return null;
  const dismissals = await db.storyProposalDismissal.findMany({ where: { storyId }, select: { wireStoryId: true, start: true, end: true } });
  const asProposalWire = (wire: StoryWorkspace["wires"][number]) => ({
    id: wire.id,
    agency: wire.agency,
    headline: wire.headline,
    date: isoDay(wire.storyDate),
    sentences: effectiveBody(wire).sentences,
  });
  return proposalsFor(
    workspace.document,
    wiresAddedAfterDraft(workspace.wires).map(asProposalWire),
    new Set(dismissals.map((d) => `${d.wireStoryId}:${d.start}:${d.end}`)),
    workspace.wires.map(asProposalWire),
  );
}
