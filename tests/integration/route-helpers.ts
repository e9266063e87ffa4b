import fs from "node:fs";
import { publicBaseUrl } from "@/lib/env";
import path from "node:path";
import { expect } from "vitest";
import { GET as publishedNinjs } from "@/app/api/v1/published/[slug]/route";
import { GET as publishedPage } from "@/app/p/[slug]/route";
import type { CurrentUser } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { createStory } from "@/lib/server/services/create-story";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { publishRevision } from "@/lib/server/services/publish-revision";
import { reviewRevision } from "@/lib/server/services/review-revision";
import { startRevision } from "@/lib/server/services/start-revision";
import { loadDocument } from "@/lib/server/stories/document-store";
import { seedFiles } from "../../scripts/lib/shared-folder";
import { insertUser } from "./db-helpers";

/** The seed wire stories, imported by `writer`, in file order. */
export async function importSeeds(writer: CurrentUser): Promise<string[]> {
  const ids: string[] = [];
  for (const file of seedFiles()) {
    ids.push((await importWireStory({ source: { kind: "user", user: writer }, upload: { bytes: fs.readFileSync(file), contentType: "text/plain" } })).story.id);
  }
  return ids;
}

/** A writer's story drafted from the first `wires` seeds, and colleagues of every role. */
export async function newsroom({ wires = 2 }: { wires?: number } = {}) {
  const writer = (await insertUser({ role: "WRITER" })).actor;
  const otherWriter = (await insertUser({ role: "WRITER" })).actor;
  const editor = (await insertUser({ role: "EDITOR" })).actor;
  const publisher = (await insertUser({ role: "PUBLISHER" })).actor;
  const admin = (await insertUser({ role: "ADMIN" })).actor;
  const wireIds = await importSeeds(writer);
  const { storyId, revisionId } = await createStory({ actor: writer, input: { wireStoryIds: wireIds.slice(0, wires) } });
  return { writer, otherWriter, editor, publisher, admin, wireIds, storyId, revisionId };
}

export const contentVersion = async (revisionId: string) => (await db.storyRevision.findUniqueOrThrow({ where: { id: revisionId } })).contentVersion;
export const readDocument = (revisionId: string) => db.$transaction((tx) => loadDocument(tx, revisionId));

/** Submits and approves a revision (the writer submits, the editor approves). */
export async function approve(room: { writer: CurrentUser; editor: CurrentUser; revisionId: string }) {
  const v = await contentVersion(room.revisionId);
  await reviewRevision({ actor: room.writer, revisionId: room.revisionId, input: { transition: "submit", contentVersion: v } });
  await reviewRevision({ actor: room.editor, revisionId: room.revisionId, input: { transition: "approve", contentVersion: v } });
}

/** Approves and publishes a revision; the story's public slug. */
export async function approveAndPublish(room: { writer: CurrentUser; editor: CurrentUser; publisher: CurrentUser; revisionId: string; storyId: string }): Promise<string> {
  await approve(room);
  await publishRevision({ actor: room.publisher, revisionId: room.revisionId, input: { contentVersion: await contentVersion(room.revisionId) } });
  return (await db.story.findUniqueOrThrow({ where: { id: room.storyId }, select: { slug: true } })).slug;
}

/**
 * Publishes a correction of a published story under a new headline (the publisher edits, the
 * editor approves); the correction's publication result.
 */
export async function publishCorrectionWithHeadline(room: { editor: CurrentUser; publisher: CurrentUser; revisionId: string }, headline: string, note: string) {
  const correction = await startRevision({ actor: room.publisher, revisionId: room.revisionId, input: { transition: "correct", note } });
  const { metaVersion } = await readDocument(correction.id);
  await applyStoryOperation({ actor: room.publisher, revisionId: correction.id, operation: { type: "setMeta", baseMetaVersion: metaVersion, headline } });
  const version = await contentVersion(correction.id);
  await reviewRevision({ actor: room.publisher, revisionId: correction.id, input: { transition: "submit", contentVersion: version } });
  await reviewRevision({ actor: room.editor, revisionId: correction.id, input: { transition: "approve", contentVersion: version } });
  return publishRevision({ actor: room.publisher, revisionId: correction.id, input: { contentVersion: version } });
}

/** The address every public output names (the app's configured one), whatever Host a request had. */
export const PUBLIC_ORIGIN = publicBaseUrl().origin;

/**
 * The published story's ninjs body, as an anonymous reader gets it: ninjs 2.1 unless `ask` asks for
 * another version (`query`, e.g. "version=3.1"; `accept`, the Accept header).
 */
export async function publicNinjs<Body>(slug: string, ask: { query?: string; accept?: string } = {}): Promise<{ text: string; body: Body; response: Response }> {
  const request = new Request(`http://factdesk.test/api/v1/published/${encodeURIComponent(slug)}${ask.query ? `?${ask.query}` : ""}`, {
    method: "GET",
    headers: ask.accept ? { accept: ask.accept } : {},
  });
  const response = await publishedNinjs(request, { params: Promise.resolve({ slug }) });
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, body: JSON.parse(text) as Body, response };
}

/** The published story's public page, as an anonymous reader gets it (status checked: 200). */
export async function publicPage(slug: string): Promise<string> {
  const response = await publishedPage(new Request(`http://factdesk.test/p/${encodeURIComponent(slug)}`), { params: Promise.resolve({ slug }) });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  return response.text();
}

export const FICTIONAL_WIRE = path.resolve("prisma", "seed-data", "demo", "fictional-wire.txt");

/**
 * A published story of the five seeds and the fictional demo wire, which reports other values
 * for some facts. Its discrepancies are resolved with a note only: the seeds keep the facts and
 * the fictional wire keeps disputing them.
 */
export async function publishedWithFictionalWire(): Promise<{ slug: string; fictional: string }> {
  const writer = (await insertUser({ role: "WRITER" })).actor;
  const editor = (await insertUser({ role: "EDITOR" })).actor;
  const publisher = (await insertUser({ role: "PUBLISHER" })).actor;
  const samples = await importSeeds(writer);
  const fictional = (await importWireStory({ source: { kind: "user", user: writer }, upload: { bytes: fs.readFileSync(FICTIONAL_WIRE), contentType: "text/plain" } })).story.id;
  const { storyId, revisionId } = await createStory({ actor: writer, input: { wireStoryIds: [...samples, fictional] } });
  for (const fact of (await readDocument(revisionId)).paragraphs.flatMap((p) => p.facts)) {
    let version = fact.version;
    for (const d of fact.discrepancies) {
      const result = await applyStoryOperation({
        actor: writer,
        revisionId,
        operation: { type: "resolveDiscrepancy", factId: fact.id, baseVersion: version, discrepancyId: d.id, chosenSide: null, note: "The fictional demo wire is wrong." },
      });
      expect(result.status).toBe("applied");
      version += 1;
    }
  }
  const slug = await approveAndPublish({ writer, editor, publisher, revisionId, storyId });
  return { slug, fictional };
}

/** Calls a route handler as the browser would, with `params` as Next passes them. */
export function call<P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  params: P,
  init: { method: string; body?: unknown },
): Promise<Response> {
  const request = new Request("http://factdesk.test/api", {
    method: init.method,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body), headers: { "content-type": "application/json" } }),
  });
  return handler(request, { params: Promise.resolve(params) });
}
