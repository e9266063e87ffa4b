import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { formatUtc } from "@/lib/domain/dates";
import { listPublishedStories } from "@/lib/server/queries/published";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Published" };

export default async function PublishedPage() {
  await requirePermission("story.read");
  const stories = await listPublishedStories(200);
  return (
    <>
      <PageHeader title="Published" description="Stories live on the public site.">
        <Link href="/feed.xml" className="text-sm text-blue-700 underline">
          Atom feed
        </Link>
      </PageHeader>
      {stories.length === 0 ? (
        <EmptyState>Nothing has been published yet.</EmptyState>
      ) : (
        <ul aria-label="Published stories" className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white">
          {stories.map((story) => (
            <li key={story.slug} className="px-4 py-3 text-sm">
              <Link href={`/p/${story.slug}`} className="font-serif text-base font-semibold text-blue-900 hover:underline">
                {story.headline}
              </Link>
              <span className="ml-3 text-neutral-600">published {formatUtc(story.publishedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
