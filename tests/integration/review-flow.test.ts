import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { listAuditEvents } from "@/lib/server/queries/audit";
import { reviewForStory, reviewStatusForStory } from "@/lib/server/queries/review";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { commentOnRevision } from "@/lib/server/services/comment-on-revision";
import { createStory } from "@/lib/server/services/create-story";
import { reviewRevision } from "@/lib/server/services/review-revision";
import { startRevision } from "@/lib/server/services/start-revision";
import { unpublishStory } from "@/lib/server/services/unpublish-story";
import { loadDocument } from "@/lib/server/stories/document-store";
import { insertUser } from "./db-helpers";
import { approveAndPublish, importSeeds } from "./route-helpers";

async function newsroom() {
  const writer = (await insertUser({ role: "WRITER" })).actor;
  const otherWriter = (await insertUser({ role: "WRITER" })).actor;
  const editor = (await insertUser({ role: "EDITOR" })).actor;
  const publisher = (await insertUser({ role: "PUBLISHER" })).actor;
  const ids = await importSeeds(writer);
  const { storyId, revisionId } = await createStory({ actor: writer, input: { wireStoryIds: ids } });
  return { writer, otherWriter, editor, publisher, storyId, revisionId };
}

const version = async (revisionId: string) => (await db.storyRevision.findUniqueOrThrow({ where: { id: revisionId } })).contentVersion;
const firstFact = async (revisionId: string) => (await db.$transaction((tx) => loadDocument(tx, revisionId))).paragraphs[0]!.facts[0]!;
const reasonOf = (choices: { transition: string; reason: string | null }[], transition: string) => choices.find((choice) => choice.transition === transition)?.reason;

describe("the review status the story workspace shows", () => {
  it("offers the owner to submit, tells another writer why not, and after a request for changes gives the summary and open blocking comments", async () => {
    const { writer, otherWriter, editor, storyId, revisionId } = await newsroom();
    expect((await reviewStatusForStory(storyId, writer))!).toMatchObject({ state: "DRAFT", submit: { transition: "submit", allowed: true, reason: null }, inReviewFlow: false });
    expect((await reviewStatusForStory(storyId, otherWriter))!.submit).toEqual({ transition: "submit", allowed: false, reason: "Writers may submit only their own stories for review." });

    const v = await version(revisionId);
    await reviewRevision({ actor: writer, revisionId, input: { transition: "submit", contentVersion: v } });
    expect((await reviewStatusForStory(storyId, writer))!).toMatchObject({ state: "IN_REVIEW", submit: null, inReviewFlow: true, changesRequested: null });

    const fact = await firstFact(revisionId);
    await commentOnRevision({ actor: editor, revisionId, input: { body: "Which agency first?", factId: fact.id, blocking: true } });
    await commentOnRevision({ actor: editor, revisionId, input: { body: "Nice lede.", factId: fact.id } });
    await reviewRevision({ actor: editor, revisionId, input: { transition: "requestChanges", contentVersion: v, summary: "Tighten the second paragraph." } });
    const status = (await reviewStatusForStory(storyId, writer))!;
    expect(status).toMatchObject({
      state: "CHANGES_REQUESTED",
      submit: { transition: "resubmit", allowed: true },
      changesRequested: { reviewerName: editor.name, summary: "Tighten the second paragraph." },
    });
    expect(status.openBlockingComments).toEqual([{ id: expect.any(String), authorName: editor.name, body: "Which agency first?", factNumber: 1 }]);
  });
});

describe("the review's choices", () => {
  it("tell an editor who edited the revision why they may not approve it, and a writer why they may not publish", async () => {
    const { writer, editor, storyId, revisionId } = await newsroom();
    const fact = await firstFact(revisionId);
    await applyStoryOperation({ actor: editor, revisionId, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: `${fact.text} (edited)` } });
    await reviewRevision({ actor: writer, revisionId, input: { transition: "submit", contentVersion: await version(revisionId) } });
    const forEditor = (await reviewForStory(storyId, editor))!;
    expect(reasonOf(forEditor.choices, "approve")).toBe("You edited this revision, so another editor or a publisher must approve it.");
    expect(forEditor.transitions).toContain("requestChanges");
    expect(reasonOf((await reviewForStory(storyId, writer))!.choices, "publish")).toBe("Only publishers and admins may publish stories.");
  });

  it("after unpublishing: the revision reads unpublished, the story is not live, and only a new revision is offered", async () => {
    const { writer, editor, publisher, storyId, revisionId } = await newsroom();
    await approveAndPublish({ writer, editor, publisher, storyId, revisionId });
    const published = (await reviewForStory(storyId, publisher))!;
    expect(published.revision.state).toBe("PUBLISHED");
    expect(published.story.publication).toMatchObject({ revisionNumber: 1, publishedByName: publisher.name, publicPath: `/p/${published.story.slug}` });
    expect(published.transitions).toEqual(["startRevision", "correct", "unpublish"]);
    expect(reasonOf((await reviewForStory(storyId, editor))!.choices, "unpublish")).toBe("Only publishers and admins may unpublish stories.");

    await unpublishStory({ actor: publisher, storyId, input: { reason: "Legal review." } });
    const unpublished = (await reviewForStory(storyId, publisher))!;
    expect(unpublished.revision.state).toBe("UNPUBLISHED");
    expect(unpublished.story.publication).toBeNull();
    expect(unpublished.choices).toEqual([{ transition: "startRevision", allowed: true, reason: null }]);
    await expect(startRevision({ actor: publisher, revisionId, input: { transition: "correct", note: "A fix." } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(unpublishStory({ actor: publisher, storyId, input: { reason: "Again." } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("offers unpublishing the live revision while a new revision is in the works", async () => {
    const { writer, editor, publisher, storyId, revisionId } = await newsroom();
    await approveAndPublish({ writer, editor, publisher, storyId, revisionId });
    await startRevision({ actor: writer, revisionId, input: { transition: "startRevision" } });
    const review = (await reviewForStory(storyId, publisher))!;
    expect(review.revision).toMatchObject({ number: 2, state: "DRAFT" });
    expect(review.choices.find((choice) => choice.transition === "unpublish")).toEqual({ transition: "unpublish", allowed: true, reason: null });
  });
});

describe("the audit log as people read it", () => {
  it("says who did what to which story, with the record behind it", async () => {
    const { writer, editor, storyId, revisionId } = await newsroom();
    const v = await version(revisionId);
    await reviewRevision({ actor: writer, revisionId, input: { transition: "submit", contentVersion: v } });
    await reviewRevision({ actor: editor, revisionId, input: { transition: "approve", contentVersion: v } });
    const { headline } = await db.storyRevision.findUniqueOrThrow({ where: { id: revisionId } });
    const { events } = await listAuditEvents({ actor: editor.email });
    const line = events.find((event) => event.storyId === storyId)!;
    expect(line.description).toMatch(new RegExp(`^${editor.name} approved revision 1 of “`));
    expect(line.description).toContain(headline.slice(0, 10));
    expect(line.record).toMatchObject({ action: "story.approve", subjectType: "Story", subjectId: storyId, revisionId, data: { from: "IN_REVIEW", to: "APPROVED" } });
  });
});
