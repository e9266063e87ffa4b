import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import type { CurrentUser } from "../auth";
import { assertCan } from "../authorize";
import { db } from "../db";

const ZComment = z
  .object({
    body: z.string().trim().min(1, "Write the comment").max(5000),
    factId: z.string().min(1).max(64).optional(),
    range: z.object({ start: z.number().int().min(0), end: z.number().int().min(1) }).optional(),
    parentId: z.string().min(1).optional(),
    blocking: z.boolean().default(false),
  })
  .refine((c) => !c.range || (c.factId && c.range.end > c.range.start), "A text range needs a fact and must not be empty");

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
      const parent = await tx.reviewComment.findUnique({ where: { id: comment.parentId }, select: { revisionId: true } });
      if (parent?.revisionId !== revisionId) throw new AppError("NOT_FOUND", "The comment replied to is not on this revision.");
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
    const others = mentioned.filter((user) => user.id !== actor.id);
    if (others.length) {
      await tx.notification.createMany({
        data: others.map((user) => ({
          userId: user.id,
          kind: "mentioned",
          storyId: revision.storyId,
          revisionId,
          message: `${actor.name} mentioned you on “${revision.headline}”.`,
        })),
      });
    }
    return created;
  });
}

export async function setCommentResolved({ actor, revisionId, commentId, resolved }: { actor: CurrentUser; revisionId: string; commentId: string; resolved: boolean }) {
  assertCan(actor, "story.comment");
  const { count } = await db.reviewComment.updateMany({
    where: { id: commentId, revisionId },
    data: resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such comment.");
}
