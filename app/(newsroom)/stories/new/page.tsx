import type { Metadata } from "next";
import Link from "next/link";
import { CreateStoryForm } from "@/components/stories/create-story-form";
import { PageHeader } from "@/components/ui/page-header";
import { wireStoriesByIds } from "@/lib/server/queries/stories";
import { requirePermission } from "@/lib/server/session";
import { createStoryAction } from "../actions";

export const metadata: Metadata = { title: "New story" };

export default async function NewStoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("story.create");
  const requested = (await searchParams).wire;
  const ids = (Array.isArray(requested) ? requested : requested ? [requested] : []).slice(0, 30);
  const wires = await wireStoriesByIds(ids);
  return (
    <>
      <PageHeader title="New consolidated story" description="Factdesk aligns the facts these stories share, flags where they disagree, and drafts one story in which every sentence carries its sources." />
      {wires.length === 0 ? (
        <p className="text-sm">
          Choose wire stories in the{" "}
          <Link href="/wires" className="text-blue-700 underline">
            wire inbox
          </Link>{" "}
          first.
        </p>
      ) : (
        <>
          <ul aria-label="Chosen wire stories" className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white text-sm">
            {wires.map((wire) => (
              <li key={wire.id} className="flex flex-wrap gap-x-3 px-3 py-2">
                <span className="font-medium">{wire.headline ?? "(no headline)"}</span>
                <span className="text-neutral-600">
                  {wire.agency ?? "agency unknown"} · {wire.dateline ?? "no dateline"} · {wire.sentenceCount} sentences
                </span>
              </li>
            ))}
          </ul>
          <CreateStoryForm action={createStoryAction} wireIds={wires.map((wire) => wire.id)} />
        </>
      )}
    </>
  );
}
