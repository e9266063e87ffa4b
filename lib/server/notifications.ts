import "server-only";
import { rolesAllowedOnAny, type Action } from "@/lib/domain/policy";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type NotificationKind = "review-requested" | "changes-requested" | "approved" | "published" | "mentioned";

type ReviewEventKind = Exclude<NotificationKind, "mentioned">;

interface StoryNotice {
  kind: ReviewEventKind;
  storyId: string;
  revisionId: string;
  actorId: string;
  actorName: string;
  headline: string;
  ownerId: string;
  /** The reviewer's summary, when requesting changes. */
  summary?: string | null;
}

/** A headline as a notice quotes it; a story without one is still named in words. */
function quoted(headline: string): string {
  return headline.trim() ? `“${headline.trim()}”` : "an untitled story";
}

const MESSAGES: Record<ReviewEventKind, (notice: StoryNotice) => string> = {
  "review-requested": (n) => `${n.actorName} asks for a review of ${quoted(n.headline)}.`,
  "changes-requested": (n) => `${n.actorName} requested changes to ${quoted(n.headline)}${n.summary?.trim() ? `: ${n.summary.trim()}` : "."}`,
  approved: (n) => `${n.actorName} approved ${quoted(n.headline)}.`,
  published: (n) => `${n.actorName} published ${quoted(n.headline)}.`,
};

/**
 * Who hears of a review event: whoever the policy lets review when a review is requested, the
 * story's owner when reviewers decide, and owner plus whoever may publish on approval. Never the
 * actor. Written in the transaction of the event, so a notice never announces what did not happen.
 */
export async function notifyReviewEvent(tx: Tx, notice: StoryNotice): Promise<void> {
  const allowedTo = async (action: Action) =>
    (await tx.user.findMany({ where: { active: true, role: { in: rolesAllowedOnAny(action) } }, select: { id: true } })).map((user) => user.id);
  let recipients: string[];
  if (notice.kind === "review-requested") recipients = await allowedTo("story.review");
  else if (notice.kind === "approved") recipients = [notice.ownerId, ...(await allowedTo("story.publish"))];
  else recipients = [notice.ownerId];
  const unique = [...new Set(recipients)].filter((id) => id !== notice.actorId);
  if (unique.length === 0) return;
  await tx.notification.createMany({
    data: unique.map((userId) => ({ userId, kind: notice.kind, storyId: notice.storyId, revisionId: notice.revisionId, message: MESSAGES[notice.kind](notice) })),
  });
}

interface MentionNotice {
  storyId: string;
  revisionId: string;
  actorId: string;
  actorName: string;
  headline: string;
  /** Everyone the comment names; the author is not told of their own mention. */
  mentionedIds: readonly string[];
}

/** Tells the people a review comment mentions, in the transaction that writes the comment. */
export async function notifyMentioned(tx: Tx, notice: MentionNotice): Promise<void> {
  const recipients = [...new Set(notice.mentionedIds)].filter((id) => id !== notice.actorId);
  if (recipients.length === 0) return;
  await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      kind: "mentioned" satisfies NotificationKind,
      storyId: notice.storyId,
      revisionId: notice.revisionId,
      message: `${notice.actorName} mentioned you on ${quoted(notice.headline)}.`,
    })),
  });
}
