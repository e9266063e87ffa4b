import { describe, expect, it } from "vitest";
import { FEED_TAG, publishedSlugTag } from "@/lib/domain/http/public-cache";
import { db } from "@/lib/server/db";
import { reviewForStory } from "@/lib/server/queries/review";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { commentOnRevision, setCommentResolved } from "@/lib/server/services/comment-on-revision";
import { createStory } from "@/lib/server/services/create-story";
import { publishRevision } from "@/lib/server/services/publish-revision";
import { reviewRevision } from "@/lib/server/services/review-revision";
import { startRevision } from "@/lib/server/services/start-revision";
import { unpublishStory } from "@/lib/server/services/unpublish-story";
import { loadDocument } from "@/lib/server/stories/document-store";
import { insertUser } from "./db-helpers";
import { importSeeds } from "./route-helpers";

async function newsroom() {
  const writer = (await insertUser({ role: "WRITER" })).actor;
  const editor = (await insertUser({ role: "EDITOR" })).actor;
  const publisher = (await insertUser({ role: "PUBLISHER" })).actor;
  const ids = await importSeeds(writer);
  const { storyId, revisionId } = await createStory({ actor: writer, input: { wireStoryIds: ids } });
  return { writer, editor, publisher, storyId, revisionId };
}

const version = async (revisionId: string) => (await db.storyRevision.findUniqueOrThrow({ where: { id: revisionId } })).contentVersion;
const readDocument = (revisionId: string) => db.$transaction((tx) => loadDocument(tx, revisionId));

async function approved() {
  const room = await newsroom();
  const v = await version(room.revisionId);
  await reviewRevision({ actor: room.writer, revisionId: room.revisionId, input: { transition: "submit", contentVersion: v } });
  await reviewRevision({ actor: room.editor, revisionId: room.revisionId, input: { transition: "approve", contentVersion: v } });
  return room;
}

describe("review and publishing", () => {
  it("submit → approve → publish makes the revision live, with every step audited", async () => {
    const { writer, publisher, storyId, revisionId } = await approved();
    await expect(publishRevision({ actor: writer, revisionId, input: { contentVersion: await version(revisionId) } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await publishRevision({ actor: publisher, revisionId, input: { contentVersion: await version(revisionId) } });
    const story = await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { liveRevisionId: true, revisions: { select: { state: true, publishedAt: true } } } });
    expect(story.liveRevisionId).toBe(revisionId);
    expect(story.revisions[0]!.state).toBe("PUBLISHED");
    const audit = await db.auditEvent.findMany({ where: { subjectId: storyId }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["story.submit", "story.approve", "story.publish"]);
    expect(audit.every((event) => event.revisionId === revisionId)).toBe(true);
  });

  it("nobody approves a revision they edited", async () => {
    const { writer, editor, revisionId } = await newsroom();
    const fact = (await readDocument(revisionId)).paragraphs[0]!.facts[0]!;
    await applyStoryOperation({ actor: editor, revisionId, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: `${fact.text} (edited)` } });
    const v = await version(revisionId);
    await reviewRevision({ actor: writer, revisionId, input: { transition: "submit", contentVersion: v } });
    await expect(reviewRevision({ actor: editor, revisionId, input: { transition: "approve", contentVersion: v } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an approval is for an exact revision: a later edit sends it back to review and publishing is refused", async () => {
    const { writer, publisher, revisionId } = await approved();
    const fact = (await readDocument(revisionId)).paragraphs[0]!.facts[0]!;
    await applyStoryOperation({ actor: writer, revisionId, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: "A late change." } });
    expect((await db.storyRevision.findUniqueOrThrow({ where: { id: revisionId } })).state).toBe("IN_REVIEW");
    await expect(publishRevision({ actor: publisher, revisionId, input: { contentVersion: await version(revisionId) } })).rejects.toHaveProperty("code");
    expect((await db.storyRevision.findUniqueOrThrow({ where: { id: revisionId } })).state).toBe("IN_REVIEW");
  });

  it("a publish racing an edit never publishes content other than what was approved", async () => {
    const { writer, publisher, revisionId } = await approved();
    const approvedDoc = await readDocument(revisionId);
    const fact = approvedDoc.paragraphs[0]!.facts[0]!;
    const v = await version(revisionId);
    const [publish, edit] = await Promise.allSettled([
      publishRevision({ actor: publisher, revisionId, input: { contentVersion: v } }),
      applyStoryOperation({ actor: writer, revisionId, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: "Racing edit." } }),
    ]);
    const state = (await db.storyRevision.findUniqueOrThrow({ where: { id: revisionId } })).state;
    if (publish.status === "fulfilled") {
      expect(state).toBe("PUBLISHED");
      expect(edit.status).toBe("rejected");
      expect(await readDocument(revisionId)).toEqual(approvedDoc);
    } else {
      expect(edit.status).toBe("fulfilled");
      expect(state).toBe("IN_REVIEW");
    }
  });

  it("the database itself refuses changes to a published revision and its facts", async () => {
    const { publisher, revisionId } = await approved();
    await publishRevision({ actor: publisher, revisionId, input: { contentVersion: await version(revisionId) } });
    await expect(db.storyRevision.update({ where: { id: revisionId }, data: { headline: "Rewritten history" } })).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`UPDATE "RevisionFact" SET text = 'tampered' WHERE "revisionId" = ${revisionId}`).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`DELETE FROM "FactSource" WHERE "revisionId" = ${revisionId}`).rejects.toThrow(/immutable/);
    const fact = (await readDocument(revisionId)).paragraphs[0]!.facts[0]!;
    await expect(
      applyStoryOperation({ actor: publisher, revisionId, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: "x" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("after publishing", () => {
  it("a correction is a new revision with its public note; the published one stays live until it is published", async () => {
    const { writer, editor, publisher, storyId, revisionId } = await approved();
    await publishRevision({ actor: publisher, revisionId, input: { contentVersion: await version(revisionId) } });
    await expect(startRevision({ actor: writer, revisionId, input: { transition: "correct", note: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startRevision({ actor: publisher, revisionId, input: { transition: "correct" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const correction = await startRevision({ actor: publisher, revisionId, input: { transition: "correct", note: "An earlier version misstated the train's route." } });
    expect(correction.number).toBe(2);
    expect((await db.story.findUniqueOrThrow({ where: { id: storyId } })).liveRevisionId).toBe(revisionId);
    expect(await readDocument(correction.id)).toEqual(await readDocument(revisionId));

    const fact = (await readDocument(correction.id)).paragraphs[0]!.facts[0]!;
    await applyStoryOperation({ actor: publisher, revisionId: correction.id, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: `${fact.text} (corrected)` } });
    const v = await version(correction.id);
    await reviewRevision({ actor: publisher, revisionId: correction.id, input: { transition: "submit", contentVersion: v } });
    await reviewRevision({ actor: editor, revisionId: correction.id, input: { transition: "approve", contentVersion: v } });
    await publishRevision({ actor: publisher, revisionId: correction.id, input: { contentVersion: v } });
    expect((await db.story.findUniqueOrThrow({ where: { id: storyId } })).liveRevisionId).toBe(correction.id);
    expect((await readDocument(revisionId)).paragraphs[0]!.facts[0]!.text).toBe(fact.text);
  });

  it("a publisher unpublishes with a reason; others may not", async () => {
    const { editor, publisher, storyId, revisionId } = await approved();
    await publishRevision({ actor: publisher, revisionId, input: { contentVersion: await version(revisionId) } });
    await expect(unpublishStory({ actor: editor, storyId, input: { reason: "No." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(unpublishStory({ actor: publisher, storyId, input: { reason: " " } })).rejects.toThrow();
    await unpublishStory({ actor: publisher, storyId, input: { reason: "Legal review." } });
    expect((await db.story.findUniqueOrThrow({ where: { id: storyId } })).liveRevisionId).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: storyId, action: "story.unpublish" } });
    expect(audit.data).toEqual({ reason: "Legal review." });
  });

  it("publishing and unpublishing expire, for every app instance, what readers get of the story at each of its slugs", async () => {
    const { publisher, storyId, revisionId } = await approved();
    const since = (await db.publicCacheExpiry.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    await db.formerSlug.create({ data: { slug: `${storyId}-earlier`, storyId } });
    await publishRevision({ actor: publisher, revisionId, input: { contentVersion: await version(revisionId) } });
    await unpublishStory({ actor: publisher, storyId, input: { reason: "Legal review." } });
    const { slug } = await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { slug: true } });
    const expiries = await db.publicCacheExpiry.findMany({ where: { id: { gt: since }, tags: { has: publishedSlugTag(slug) } }, orderBy: { id: "asc" } });
    expect(expiries).toHaveLength(2);
    for (const { tags } of expiries) {
      expect(tags).toEqual(expect.arrayContaining([FEED_TAG, publishedSlugTag(slug), publishedSlugTag(`${storyId}-earlier`)]));
    }
  });

  it("a refused publication expires nothing", async () => {
    const { writer, storyId, revisionId } = await approved();
    const since = (await db.publicCacheExpiry.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    await expect(publishRevision({ actor: writer, revisionId, input: { contentVersion: await version(revisionId) } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { slug } = await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { slug: true } });
    expect(await db.publicCacheExpiry.count({ where: { id: { gt: since }, tags: { has: publishedSlugTag(slug) } } })).toBe(0);
  });
});

describe("the review of a revision", () => {
  it("diffs against the last published revision, shows the checklist and offers each role its own actions", async () => {
    const { writer, editor, publisher, storyId, revisionId } = await approved();
    const forPublisher = (await reviewForStory(storyId, publisher))!;
    expect(forPublisher.baseline).toBeNull();
    expect(forPublisher.diff.facts.every((change) => change.status === "added")).toBe(true);
    expect(forPublisher.checklist.every((check) => check.passed)).toBe(true);
    expect(forPublisher.transitions).toContain("publish");
    expect((await reviewForStory(storyId, writer))!.transitions).not.toContain("publish");
    expect(forPublisher.decisions.map((d) => d.verdict)).toEqual(["APPROVE"]);

    await publishRevision({ actor: publisher, revisionId, input: { contentVersion: await version(revisionId) } });
    const next = await startRevision({ actor: publisher, revisionId, input: { transition: "startRevision" } });
    const fact = (await readDocument(next.id)).paragraphs[0]!.facts[0]!;
    await applyStoryOperation({ actor: editor, revisionId: next.id, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: `${fact.text} Updated.` } });
    const review = (await reviewForStory(storyId, editor))!;
    expect(review.baseline?.revisionId).toBe(revisionId);
    const changed = review.diff.facts.filter((change) => change.status !== "unchanged");
    expect(changed.map((change) => [change.factId, change.status])).toEqual([[fact.id, "changed"]]);
    expect(review.checklist.find((check) => check.id === "approvals")?.passed).toBe(false);
  });
});

describe("notifications", () => {
  it("reviewers hear of a review request, the owner of decisions and publication; never the actor", async () => {
    // Who may review and publish comes from the policy: an admin may do both, so hears of both.
    const admin = (await insertUser({ role: "ADMIN" })).actor;
    const { writer, editor, publisher, revisionId } = await approved();
    const kinds = async (userId: string) => (await db.notification.findMany({ where: { userId, revisionId }, orderBy: { createdAt: "asc" } })).map((n) => n.kind);
    expect(await kinds(editor.id)).toEqual(["review-requested"]);
    expect(await kinds(writer.id)).toEqual(["approved"]);
    expect(await kinds(publisher.id)).toEqual(["review-requested", "approved"]);
    expect(await kinds(admin.id)).toEqual(["review-requested", "approved"]);
    await publishRevision({ actor: publisher, revisionId, input: { contentVersion: await version(revisionId) } });
    expect(await kinds(writer.id)).toEqual(["approved", "published"]);
    expect(await kinds(publisher.id)).toEqual(["review-requested", "approved"]);
  });
});

describe("review comments", () => {
  it("a blocking comment holds publication until resolved; a mention notifies", async () => {
    const { editor, publisher, revisionId } = await approved();
    const fact = (await readDocument(revisionId)).paragraphs[0]!.facts[0]!;
    const comment = await commentOnRevision({
      actor: editor,
      revisionId,
      input: { body: `Check this figure with @${publisher.email} before it goes out.`, factId: fact.id, range: { start: 0, end: 5 }, blocking: true },
    });
    const mention = await db.notification.findFirst({ where: { userId: publisher.id, revisionId, kind: "mentioned" } });
    expect(mention?.message).toContain(editor.name);
    await commentOnRevision({ actor: publisher, revisionId, input: { body: "Checked with the desk.", parentId: comment.id } });
    await expect(publishRevision({ actor: publisher, revisionId, input: { contentVersion: await version(revisionId) } })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await setCommentResolved({ actor: publisher, revisionId, commentId: comment.id, resolved: true });
    await publishRevision({ actor: publisher, revisionId, input: { contentVersion: await version(revisionId) } });
    expect((await db.storyRevision.findUniqueOrThrow({ where: { id: revisionId } })).state).toBe("PUBLISHED");
  });

  it("refuses an empty comment and a reply to another revision's comment", async () => {
    const { editor, revisionId } = await approved();
    await expect(commentOnRevision({ actor: editor, revisionId, input: { body: "  " } })).rejects.toThrow();
    const other = await approved();
    const foreign = await commentOnRevision({ actor: other.editor, revisionId: other.revisionId, input: { body: "Elsewhere." } });
    await expect(commentOnRevision({ actor: editor, revisionId, input: { body: "Reply", parentId: foreign.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
