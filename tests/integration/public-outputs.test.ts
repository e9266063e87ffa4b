import { describe, expect, it, vi } from "vitest";
import { GET as publishedNinjs } from "@/app/api/v1/published/[slug]/route";
import { GET as storyById } from "@/app/api/v1/stories/[id]/route";
import { GET as feed } from "@/app/feed.xml/route";
import type { CurrentUser } from "@/lib/server/auth";
import { publishedStory } from "@/lib/server/queries/published";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { approveAndPublish, call, newsroom, publicNinjs, readDocument, publicPage } from "./route-helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));

const ADDED_NOTE = "Confirmed by phone with the station master, who asked not to be named.";
const SOURCED_NOTE = "Our reporter at the border saw the train pass; do not publish the location.";

interface NinjsFact {
  id: string;
  text: string;
  ownReporting?: boolean;
  ownReportingNote?: unknown;
  sources: unknown[];
}

/** A published story with a fact of own reporting only, and a sourced fact that also has an own-reporting note. */
async function publishedWithNotes() {
  const room = await newsroom({ wires: 5 });
  const { writer, revisionId } = room;
  const doc = await readDocument(revisionId);
  const sourced = doc.paragraphs[0]!.facts[0]!;
  await applyStoryOperation({
    actor: writer,
    revisionId,
    operation: [
      { type: "addFact", factId: "own-reporting-fact", paragraphId: doc.paragraphs[0]!.id, afterFactId: sourced.id, text: "The station was closed to the public for the day.", sources: [], ownReportingNote: ADDED_NOTE },
      { type: "setOwnReportingNote", factId: sourced.id, baseVersion: sourced.version, note: SOURCED_NOTE },
    ],
  });
  const slug = await approveAndPublish(room);
  return { ...room, slug, sourcedFactId: sourced.id };
}

describe("public outputs of a published story", () => {
  it("keep own-reporting notes out of ninjs, the Atom feed and the public page, saying only that a fact is own reporting", async () => {
    const { slug, sourcedFactId } = await publishedWithNotes();
    session.user = null;

    const { text: body } = await publicNinjs<unknown>(slug);
    expect(body.includes(ADDED_NOTE), `body leaks ADDED_NOTE`).toBe(false);
    expect(body.includes(SOURCED_NOTE), `body leaks SOURCED_NOTE`).toBe(false);
    const facts = (JSON.parse(body) as { factdesk_facts: NinjsFact[] }).factdesk_facts;
    const own = facts.find((fact) => fact.id === "own-reporting-fact")!;
    expect(own).toMatchObject({ ownReporting: true, sources: [] });
    expect(facts.find((fact) => fact.id === sourcedFactId)).toMatchObject({ ownReporting: true });
    expect(facts.find((fact) => fact.id === sourcedFactId)!.sources.length).toBeGreaterThan(0);
    expect(facts.filter((fact) => fact.ownReporting === false).length).toBe(facts.length - 2);
    expect(facts.every((fact) => !("ownReportingNote" in fact))).toBe(true);

    const atom = await (await call(feed, {}, { method: "GET" })).text();
    expect(atom).toContain(`/p/${slug}`);
    expect(atom).toContain(`/api/v1/published/${slug}`);
    expect(atom.includes(ADDED_NOTE), `atom leaks ADDED_NOTE`).toBe(false);
    expect(atom.includes(SOURCED_NOTE), `atom leaks SOURCED_NOTE`).toBe(false);

    const page = await publicPage(slug);
    expect(page).toContain("The station was closed to the public for the day.");
    expect(page.includes(ADDED_NOTE), `page leaks ADDED_NOTE`).toBe(false);
    expect(page.includes(SOURCED_NOTE), `page leaks SOURCED_NOTE`).toBe(false);
  });

  it("has its ninjs at /api/v1/published/<slug>; the old path sends a slug there (308) and still serves the workspace by id", async () => {
    const { slug, storyId, writer } = await publishedWithNotes();
    session.user = null;

    const moved = await call(storyById, { id: slug }, { method: "GET" });
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe(`/api/v1/published/${slug}`);
    expect((await call(publishedNinjs, { slug: "no-such-story-0a1b2c" }, { method: "GET" })).status).toBe(404);
    // Neither a story id nor a published slug: the workspace answers, as before.
    expect((await call(storyById, { id: "no-such-story" }, { method: "GET" })).status).toBe(401);
    expect((await call(storyById, { id: storyId }, { method: "GET" })).status).toBe(401);

    session.user = writer;
    const workspace = await call(storyById, { id: storyId }, { method: "GET" });
    expect(workspace.status).toBe(200);
    expect(await workspace.json()).toMatchObject({ story: { id: storyId, slug } });
    expect((await call(storyById, { id: "no-such-story" }, { method: "GET" })).status).toBe(404);
  });

  it("the published story readers are served carries no internal note at all", async () => {
    const { slug } = await publishedWithNotes();
    const story = JSON.stringify(await publishedStory(slug));
    expect(story).toContain("The station was closed to the public for the day.");
    expect(story.includes(ADDED_NOTE), `story leaks ADDED_NOTE`).toBe(false);
    expect(story.includes(SOURCED_NOTE), `story leaks SOURCED_NOTE`).toBe(false);
    expect(story.includes("ownReportingNote"), `story leaks "ownReportingNote"`).toBe(false);
  });
});
