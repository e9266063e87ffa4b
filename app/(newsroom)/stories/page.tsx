import type { Metadata } from "next";
import Link from "next/link";
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
          {stories.map((story) => {
            const latest = story.revisions[0];
            return (
              <li key={story.id} className="flex flex-wrap items-baseline gap-x-4 px-4 py-3 text-sm">
                <Link href={`/stories/${story.id}`} className="font-serif text-base font-semibold text-blue-900 hover:underline">
                  {latest?.headline ?? story.slug}
                </Link>
                <span className="rounded bg-neutral-100 px-1.5 text-xs font-semibold">{latest?.state.replace("_", " ")}</span>
                <span className="text-neutral-600">
                  {story.owner.name} · {story._count.wires} wire stories · revision {latest?.number} · updated {formatUtc(story.updatedAt)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
