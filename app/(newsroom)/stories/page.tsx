import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/review/state-badge";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { formatUtc } from "@/lib/domain/dates";
import { listStories } from "@/lib/server/queries/stories";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Stories" };

export default async function StoriesPage() {
  await requirePermission("story.read");
  const stories = await listStories();
  return (
    <>
      <PageHeader title="Stories" description="Consolidated stories in the works. Start one by selecting wire stories in the inbox." />
      {stories.length === 0 ? (
        <EmptyState>No stories yet.</EmptyState>
      ) : (
        <ul aria-label="Stories" className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white">
          {stories.map((story) => (
            <li key={story.id} aria-label={story.headline} className="px-4 py-3 text-sm">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link href={`/stories/${story.id}`} className="font-serif text-base font-semibold text-blue-900 hover:underline">
                  {story.headline}
                </Link>
                <span className="text-neutral-600" title={`Built from ${story.sourceCount} wire stories`}>
                  {story.sourceCount === 1 ? "1 source" : `${story.sourceCount} sources`}
                </span>
                {story.state ? <StateBadge state={story.state} /> : null}
              </div>
              <p className="mt-1 text-neutral-600">
                Owner {story.ownerName}
                {story.revisionNumber !== null ? ` · revision ${story.revisionNumber}` : ""} ·{" "}
                {story.lastEditorName ? `last changed by ${story.lastEditorName}, ` : "last changed "}
                <time dateTime={story.lastChangedAt.toISOString()}>{formatUtc(story.lastChangedAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
