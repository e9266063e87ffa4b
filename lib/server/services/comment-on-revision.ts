import "server-only";
import { AppError } from "@/lib/domain/errors";
import { canResolveComment } from "@/lib/domain/policy";
import { ZComment } from "@/lib/schemas/review";
import { withAudit } from "../audit";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";
import { notifyMentioned } from "../notifications";

/** `@Name Surname` or `@email@domain` mentions, matched against active users. */
function mentionCandidates(body: string): string[] {
  return [...body.matchAll(/@([^\s@]+@[^\s@]+\.[^\s@,;:!?)]+|[\p{L}][\p{L}.'-]*(?:\s[\p{Lu}][\p{L}.'-]*)?)/gu)].map((match) => match[1]!.trim().replace(/\.+$/, ""));
}

export interface CommentOnRevisionOptions {
  actor: CurrentUser;
  revisionId: string;
  input: unknown;
}

/** Adds a review comment (or a reply), notifying the people it mentions. */
export async function commentOnRevision({ actor, revisionId, input }: CommentOnRevisionOptions) {
  assertCan(actor, "story.comment");
  const comment = ZComment.parse(input);
  return db.$transaction(async (tx) => {
    const revision = await tx.storyRevision.findUnique({ where: { id: revisionId }, select: { storyId: true, headline: true } });
    if (!revision) throw new AppError("NOT_FOUND", "No such story revision.");
    if (comment.parentId) {
      const parent = await tx.reviewComment.findUnique({ where: { id: comment.parentId }, select: { revisionId: true, parentId: true } });
      if (parent?.revisionId !== revisionId) throw new AppError("NOT_FOUND", "The comment replied to is not on this revision.");
      if (parent.parentId !== null) throw new AppError("INVALID_INPUT", "Reply to the thread's first comment.");
    }
    const candidates = mentionCandidates(comment.body);
    const mentioned = candidates.length
      ? await tx.user.findMany({
          where: { active: true, OR: candidates.flatMap((name) => [{ email: { equals: name, mode: "insensitive" as const } }, { name: { equals: name, mode: "insensitive" as const } }]) },
          select: { id: true },
        })
      : [];
    const created = await tx.reviewComment.create({
      data: {
        revisionId,
        factId: comment.factId ?? null,
        rangeStart: comment.range?.start ?? null,
        rangeEnd: comment.range?.end ?? null,
        parentId: comment.parentId ?? null,
        authorId: actor.id,
        body: comment.body,
        blocking: comment.blocking,
        mentions: mentioned.map((user) => user.id),
      },
      select: { id: true },
    });
    await notifyMentioned(tx, {
      storyId: revision.storyId,
      revisionId,
      actorId: actor.id,
      actorName: actor.name,
      headline: revision.headline,
      mentionedIds: mentioned.map((user) => user.id),
    });
    return created;
  });
}

export interface SetCommentResolvedOptions {
  actor: CurrentUser;
  revisionId: string;
  commentId: string;
  resolved: boolean;
}

/**
 * Resolves or reopens a comment, with an audit entry. Resolving a blocking comment lets the
 * revision be published, so it is the policy's `comment.resolveBlocking` (see canResolveComment).
 * Asking for the state the comment is already in changes and records nothing.
 */
export async function setCommentResolved({ actor, revisionId, commentId, resolved }: SetCommentResolvedOptions) {
  assertCan(actor, "story.comment");
  return withAudit(actor, async (tx, audit) => {
    // Locked so that two people toggling one comment each see the other's change, and audit it once.
    await tx.$queryRaw`SELECT id FROM "ReviewComment" WHERE id = ${commentId} FOR UPDATE`;
    const comment = await tx.reviewComment.findUnique({
      where: { id: commentId },
      select: { revisionId: true, authorId: true, blocking: true, resolvedAt: true, revision: { select: { storyId: true } } },
    });
    if (comment?.revisionId !== revisionId) throw new AppError("NOT_FOUND", "No such comment.");
    if (resolved && !canResolveComment(actor, comment)) {
      throw new AppError("FORBIDDEN", "Only the comment's author, an editor or a publisher may resolve a blocking comment.");
    }
    if ((comment.resolvedAt !== null) === resolved) return;
    await tx.reviewComment.update({
      where: { id: commentId },
      data: resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null },
    });
    audit({
      action: resolved ? "comment.resolve" : "comment.reopen",
      subjectType: "Story",
      subjectId: comment.revision.storyId,
      revisionId,
      data: { commentId, blocking: comment.blocking },
    });
  });
}
