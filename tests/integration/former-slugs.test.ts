import { describe, expect, it } from "vitest";
import { GET as publishedNinjs } from "@/app/api/v1/published/[slug]/route";
import { GET as publishedPage } from "@/app/p/[slug]/route";
import { slugFitsHeadline } from "@/lib/domain/story/slug";
import { db } from "@/lib/server/db";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { publishRevision } from "@/lib/server/services/publish-revision";
import { reviewRevision } from "@/lib/server/services/review-revision";
import { startRevision } from "@/lib/server/services/start-revision";
import { currentSlugFor } from "@/lib/server/stories/slugs";
import { approveAndPublish, contentVersion, newsroom, readDocument , publishCorrectionWithHeadline } from "./route-helpers";

const slugOf = async (storyId: string) => (await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { slug: true } })).slug;

describe("the public address follows the published headline", () => {
  it("gives a story a new slug when it is published under a new headline, and the old one redirects", async () => {
    const room = await newsroom();
    const first = await approveAndPublish(room);
    const { headline } = await readDocument(room.revisionId);
    expect(slugFitsHeadline(first, headline)).toBe(true);

    const published = await publishCorrectionWithHeadline(room, "Kim Jong Un reaches Vostochny by armoured train", "The headline named the wrong city.");

    const now = await slugOf(room.storyId);
    expect(published.slug).toBe(now);
    expect(now).toMatch(/^kim-jong-un-reaches-vostochny-by-armoured-train-[0-9a-f]{6}$/);
    expect(await currentSlugFor(first)).toBe(now);
    expect(await currentSlugFor("never-a-story-slug")).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: room.storyId, action: "story.publish", revisionId: (await db.story.findUniqueOrThrow({ where: { id: room.storyId } })).liveRevisionId } });
    expect(audit.data).toMatchObject({ slug: now, formerSlug: first });

    // The old ninjs address answers 308 to the new one, keeping the query.
    const response = await publishedNinjs(new Request(`http://factdesk.test/api/v1/published/${first}?version=3.1`), { params: Promise.resolve({ slug: first }) });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`/api/v1/published/${now}?version=3.1`);
    const missing = await publishedNinjs(new Request("http://factdesk.test/api/v1/published/no-such-story"), { params: Promise.resolve({ slug: "no-such-story" }) });
    expect(missing.status).toBe(404);

    // So does the old page address, to the page; an address no story ever had is a page saying so.
    const page = await publishedPage(new Request(`http://factdesk.test/p/${first}`), { params: Promise.resolve({ slug: first }) });
    expect(page.status).toBe(308);
    expect(page.headers.get("location")).toBe(`/p/${now}`);
    const nowhere = await publishedPage(new Request("http://factdesk.test/p/no-such-story"), { params: Promise.resolve({ slug: "no-such-story" }) });
    expect(nowhere.status).toBe(404);
    expect(await nowhere.text()).toContain("No published story is at this address.");
  });

  it("keeps the slug when the headline is unchanged", async () => {
    const room = await newsroom();
    const first = await approveAndPublish(room);
    const again = await startRevision({ actor: room.publisher, revisionId: room.revisionId, input: { transition: "correct", note: "A typo in the lede." } });
    const fact = (await readDocument(again.id)).paragraphs[0]!.facts[0]!;
    await applyStoryOperation({ actor: room.publisher, revisionId: again.id, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: `${fact.text} ` } });
    const version = await contentVersion(again.id);
    await reviewRevision({ actor: room.publisher, revisionId: again.id, input: { transition: "submit", contentVersion: version } });
    await reviewRevision({ actor: room.editor, revisionId: again.id, input: { transition: "approve", contentVersion: version } });
    expect((await publishRevision({ actor: room.publisher, revisionId: again.id, input: { contentVersion: version } })).slug).toBe(first);
    expect(await db.formerSlug.count({ where: { storyId: room.storyId } })).toBe(0);
  });
});
