import type { Metadata } from "next";
import Link from "next/link";
import { AddToStoryForm, CreateStoryForm } from "@/components/stories/create-story-form";
import { PageHeader } from "@/components/ui/page-header";
import { agencyName } from "@/lib/domain/story/credit";
import { storiesOpenForWires, wireStoriesByIds } from "@/lib/server/queries/stories";
import { requirePermission } from "@/lib/server/session";
import { addWiresToStoryAction, createStoryAction } from "../actions";

export const metadata: Metadata = { title: "New story" };

export default async function NewStoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("story.create");
  const requested = (await searchParams).wire;
  const ids = (Array.isArray(requested) ? requested : requested ? [requested] : []).slice(0, 30);
  const wires = await wireStoriesByIds(ids);
  const chosen = new Set(wires.map((wire) => wire.id));
  // A story that already has every chosen wire has nothing to gain from them.
  const openStories = (await storiesOpenForWires(user))
    .filter((story) => [...chosen].some((id) => !story.wireStoryIds.includes(id)))
    .map((story) => ({ id: story.id, label: `${story.headline} (${story.wireStoryIds.length} wires)` }));
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
                  {agencyName(wire.agency)} · {wire.dateline ?? "no dateline"} · {wire.sentenceCount} sentences
                </span>
              </li>
            ))}
          </ul>
          {wires.length >= 2 ? (
            <CreateStoryForm action={createStoryAction} wireIds={wires.map((wire) => wire.id)} />
          ) : (
            <p className="mt-6 text-sm text-neutral-700">A consolidated story needs two or more wire stories; one can be added to a story in progress.</p>
          )}
          <h2 className="mt-8 text-base font-semibold">Or add them to a story in progress</h2>
          <p className="text-sm text-neutral-600">The story keeps what it has; its workspace then proposes the facts these wires add and the ones they corroborate, to accept or dismiss one by one.</p>
          {openStories.length > 0 ? (
            <AddToStoryForm action={addWiresToStoryAction} wireIds={wires.map((wire) => wire.id)} stories={openStories} />
          ) : (
            <p className="mt-3 text-sm text-neutral-600">No story you can edit is open for them.</p>
          )}
        </>
      )}
    </>
  );
}
