import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewView } from "@/components/review/review-view";
import { can } from "@/lib/domain/policy";
import { listComments, reviewForStory } from "@/lib/server/queries/review";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Review" };

/** The review of a story's current revision: diff, comments, publish checklist, decisions and actions. */
export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("story.read");
  const review = await reviewForStory((await params).id, user);
  if (!review) notFound();
  return <ReviewView review={review} comments={await listComments(review.revision.id, user)} canComment={can(user, "story.comment")} />;
}
