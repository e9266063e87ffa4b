import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { ImportPanel } from "@/components/wires/import-panel";
import { WireTable, type WireRow } from "@/components/wires/wire-table";
import { can } from "@/lib/domain/policy";
import { ZWireFilters } from "@/lib/schemas/filters";
import { listAgencies, listWireStories } from "@/lib/server/queries/wires";
import { requirePermission } from "@/lib/server/session";
import { importPastedAction } from "./actions";

export const metadata: Metadata = { title: "Wires" };

const INPUT = "rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm";

export default async function WiresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("wire.read");
  const filters = ZWireFilters.parse(await searchParams);
  const [stories, agencies] = await Promise.all([listWireStories(filters), listAgencies()]);
  const rows: WireRow[] = stories.map((story) => ({
    id: story.id,
    headline: story.headline,
    agency: story.agency,
    dateline: story.dateline,
    storyDate: story.storyDate?.toISOString().slice(0, 10) ?? null,
    bodyLength: story.bodyLength,
    importedBy: story.importedBy?.name ?? (story.apiKey ? `API key “${story.apiKey.name}”` : "—"),
    importedAt: story.createdAt.toISOString(),
    isNewVersion: story.previousVersionId !== null,
  }));
  const filtered = Boolean(filters.q || filters.agency || filters.from || filters.to);
  return (
    <>
      <PageHeader title="Wires" description="Wire stories received from the agencies, cleaned of boilerplate, originals kept verbatim." />
      {can(user, "wire.import") ? <ImportPanel importPasted={importPastedAction} /> : null}
      <form role="search" aria-label="Filter wire stories" className="mb-4 flex flex-wrap items-end gap-3 text-sm" method="get">
        <label className="flex flex-col">
          Search
          <input name="q" type="search" defaultValue={filters.q} placeholder="Words in headline or text" className={`${INPUT} w-64`} />
        </label>
        <label className="flex flex-col">
          Agency
          <select name="agency" defaultValue={filters.agency ?? ""} className={INPUT}>
            <option value="">All agencies</option>
            {agencies.map((agency) => (
              <option key={agency}>{agency}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          From
          <input name="from" type="date" defaultValue={filters.from} className={INPUT} />
        </label>
        <label className="flex flex-col">
          To
          <input name="to" type="date" defaultValue={filters.to} className={INPUT} />
        </label>
        <button type="submit" className="rounded-md bg-neutral-900 px-3 py-1.5 font-medium text-white">
          Filter
        </button>
        {filtered ? (
          <Link href="/wires" className="py-1.5 text-blue-700 underline">
            Clear
          </Link>
        ) : null}
      </form>
      {rows.length ? (
        <WireTable rows={rows} />
      ) : (
        <EmptyState>{filtered ? "No wire stories match these filters." : "No wire stories have been imported yet."}</EmptyState>
      )}
    </>
  );
}
