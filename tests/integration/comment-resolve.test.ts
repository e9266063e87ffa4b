import { describe, expect, it, vi } from "vitest";
import { PATCH } from "@/app/api/v1/stories/[id]/revisions/[revisionId]/comments/[commentId]/route";
import type { CurrentUser } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { listComments } from "@/lib/server/queries/review";
import { commentOnRevision, setCommentResolved } from "@/lib/server/services/comment-on-revision";
import { publishRevision } from "@/lib/server/services/publish-revision";
import { approve, call, contentVersion, newsroom } from "./route-helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));

const commentAudit = (storyId: string) =>
  db.auditEvent.findMany({ where: { subjectId: storyId, action: { in: ["comment.resolve", "comment.reopen"] } }, orderBy: { id: "asc" } });
const isResolved = async (commentId: string) => (await db.reviewComment.findUniqueOrThrow({ where: { id: commentId } })).resolvedAt !== null;

describe("resolving a blocking comment", () => {
  it("is refused to a writer who did not write it, over the API too: it stays open, publication stays held, nothing is audited", async () => {
    const room = await newsroom();
    await approve(room);
    const { writer, otherWriter, editor, publisher, storyId, revisionId } = room;
    const blocker = await commentOnRevision({ actor: editor, revisionId, input: { body: "Hold this until legal has read it.", blocking: true } });

    for (const actor of [writer, otherWriter]) {
      await expect(setCommentResolved({ actor, revisionId, commentId: blocker.id, resolved: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
      session.user = actor;
      const response = await call(PATCH, { id: storyId, revisionId, commentId: blocker.id }, { method: "PATCH", body: { resolved: true } });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    }
    expect(await isResolved(blocker.id)).toBe(false);
    expect(await commentAudit(storyId)).toEqual([]);
    await expect(publishRevision({ actor: publisher, revisionId, input: { contentVersion: await contentVersion(revisionId) } })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });

  it("is allowed to its author, an editor, a publisher and an admin; every resolve and reopen is audited", async () => {
    const { writer, editor, publisher, admin, storyId, revisionId } = await newsroom();
    const own = await commentOnRevision({ actor: writer, revisionId, input: { body: "I still need to check the date.", blocking: true } });
    const byEditor = await commentOnRevision({ actor: editor, revisionId, input: { body: "Source for the figure?", blocking: true } });

    await setCommentResolved({ actor: writer, revisionId, commentId: own.id, resolved: true });
    expect(await isResolved(own.id)).toBe(true);
    for (const actor of [publisher, admin, editor]) {
      await setCommentResolved({ actor, revisionId, commentId: byEditor.id, resolved: true });
      expect(await isResolved(byEditor.id)).toBe(true);
      await setCommentResolved({ actor, revisionId, commentId: byEditor.id, resolved: false });
      expect(await isResolved(byEditor.id)).toBe(false);
    }
    session.user = publisher;
    const response = await call(PATCH, { id: storyId, revisionId, commentId: byEditor.id }, { method: "PATCH", body: { resolved: true } });
    expect(response.status).toBe(200);

    const audit = await commentAudit(storyId);
    expect(audit.map((event) => [event.action, event.actorId, (event.data as { commentId: string }).commentId])).toEqual([
      ["comment.resolve", writer.id, own.id],
      ["comment.resolve", publisher.id, byEditor.id],
      ["comment.reopen", publisher.id, byEditor.id],
      ["comment.resolve", admin.id, byEditor.id],
      ["comment.reopen", admin.id, byEditor.id],
      ["comment.resolve", editor.id, byEditor.id],
      ["comment.reopen", editor.id, byEditor.id],
      ["comment.resolve", publisher.id, byEditor.id],
    ]);
    expect(audit.every((event) => event.revisionId === revisionId && event.subjectType === "Story")).toBe(true);
    expect(audit.every((event) => (event.data as { blocking: boolean }).blocking)).toBe(true);
  });

  it("anyone who may comment still resolves and reopens a non-blocking comment, audited", async () => {
    const { editor, otherWriter, storyId, revisionId } = await newsroom();
    const note = await commentOnRevision({ actor: editor, revisionId, input: { body: "Nice lede." } });
    await setCommentResolved({ actor: otherWriter, revisionId, commentId: note.id, resolved: true });
    expect(await isResolved(note.id)).toBe(true);
    await setCommentResolved({ actor: otherWriter, revisionId, commentId: note.id, resolved: false });
    expect(await isResolved(note.id)).toBe(false);
    const audit = await commentAudit(storyId);
    expect(audit.map((event) => [event.action, event.actorId, event.data])).toEqual([
      ["comment.resolve", otherWriter.id, { commentId: note.id, blocking: false }],
      ["comment.reopen", otherWriter.id, { commentId: note.id, blocking: false }],
    ]);
  });

  it("refuses a comment of another revision, changing nothing", async () => {
    const room = await newsroom();
    const other = await newsroom();
    const foreign = await commentOnRevision({ actor: other.editor, revisionId: other.revisionId, input: { body: "Elsewhere.", blocking: true } });
    await expect(setCommentResolved({ actor: room.publisher, revisionId: room.revisionId, commentId: foreign.id, resolved: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await isResolved(foreign.id)).toBe(false);
    expect(await commentAudit(other.storyId)).toEqual([]);
  });

  it("the comments the review page shows say whether this user may resolve each one", async () => {
    const { writer, otherWriter, editor, revisionId } = await newsroom();
    const own = await commentOnRevision({ actor: writer, revisionId, input: { body: "Mine, blocking.", blocking: true } });
    const theirs = await commentOnRevision({ actor: editor, revisionId, input: { body: "Editor's, blocking.", blocking: true } });
    const plain = await commentOnRevision({ actor: editor, revisionId, input: { body: "Editor's, not blocking." } });
    const flags = async (user: CurrentUser) => Object.fromEntries((await listComments(revisionId, user)).map((comment) => [comment.id, comment.canResolve]));
    expect(await flags(writer)).toEqual({ [own.id]: true, [theirs.id]: false, [plain.id]: true });
    expect(await flags(otherWriter)).toEqual({ [own.id]: false, [theirs.id]: false, [plain.id]: true });
    expect(await flags(editor)).toEqual({ [own.id]: true, [theirs.id]: true, [plain.id]: true });
  });
});

describe("replies", () => {
  it("cannot block publication, and go to a thread's first comment; nothing is written otherwise", async () => {
    const { writer, editor, revisionId } = await newsroom();
    const thread = await commentOnRevision({ actor: editor, revisionId, input: { body: "Is the date right?" } });
    await expect(commentOnRevision({ actor: writer, revisionId, input: { body: "Holding this.", parentId: thread.id, blocking: true } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringMatching(/reply cannot block/) })],
    });
    const reply = await commentOnRevision({ actor: writer, revisionId, input: { body: "Checked: it is.", parentId: thread.id } });
    await expect(commentOnRevision({ actor: editor, revisionId, input: { body: "Thanks.", parentId: reply.id } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.reviewComment.count({ where: { revisionId } })).toBe(2);
  });
});
