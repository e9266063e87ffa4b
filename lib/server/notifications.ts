import "server-only";
import { rolesAllowedOnAny, type Action } from "@/lib/domain/policy";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type NotificationKind = "review-requested" | "changes-requested" | "approved" | "published" | "mentioned" | "source-withdrawn";

type ReviewEventKind = Exclude<NotificationKind, "mentioned" | "source-withdrawn">;

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

const WITHDRAWAL_WORDS: Record<string, string> = { correction: "a correction", kill: "a kill", withheld: "a withheld version" };

/**
 * An agency corrected, withheld or killed a wire item that published stories cite: tells each
 * such story's owner and whoever may publish, in the transaction that stores the new version.
 * What to do about it (update, re-attach or detach the source, then publish a correction) is
 * shown on the story's workspace and review pages.
 */
export async function notifySourceWithdrawn(tx: Tx, notice: { itemKey: string; version: number; kind: string; agency: string | null }): Promise<void> {
  const stories = await tx.$queryRaw<{ storyId: string; revisionId: string; ownerId: string; headline: string; facts: bigint }[]>`
    SELECT s.id AS "storyId", r.id AS "revisionId", s."ownerId", r.headline, COUNT(DISTINCT fs."factId") AS facts
    FROM "Story" s
    JOIN "StoryRevision" r ON r.id = s."liveRevisionId"
    JOIN "FactSource" fs ON fs."revisionId" = r.id
    JOIN "WireStory" w ON w.id = fs."wireStoryId"
    WHERE w."itemKey" = ${notice.itemKey} AND w.version < ${notice.version}
    GROUP BY s.id, r.id, s."ownerId", r.headline`;
  if (stories.length === 0) return;
  const publishers = (await tx.user.findMany({ where: { active: true, role: { in: rolesAllowedOnAny("story.publish") } }, select: { id: true } })).map((user) => user.id);
  const what = WITHDRAWAL_WORDS[notice.kind] ?? "a new version";
  await tx.notification.createMany({
    data: stories.flatMap((story) => {
      const facts = Number(story.facts);
      const message = `${notice.agency ?? "An agency"} sent ${what} (v${notice.version}) of a wire the published story ${quoted(story.headline)} cites: ${facts} ${facts === 1 ? "fact rests" : "facts rest"} on it. Check them and publish a correction.`;
      return [...new Set([story.ownerId, ...publishers])].map((userId) => ({ userId, kind: "source-withdrawn" satisfies NotificationKind, storyId: story.storyId, revisionId: story.revisionId, message }));
    }),
  });
}
