import type { Metadata } from "next";
import Link from "next/link";
import { CONTROL } from "@/components/ui/control";
import { DateRangeFilter, Filter, FilterForm, FilterSelect } from "@/components/ui/filters";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { ImportPanel } from "@/components/wires/import-panel";
import { WireTable, type WireRow } from "@/components/wires/wire-table";
import { versionLabel } from "@/lib/domain/wire/signals";
import { isoDay } from "@/lib/domain/dates";
import { can } from "@/lib/domain/policy";
import { ZWireFilters, type TWireFilters } from "@/lib/schemas/filters";
import { importedByName, listAgencies, listWireStories, WIRE_LIST_PAGE } from "@/lib/server/queries/wires";
import { requirePermission } from "@/lib/server/session";
import { importPastedAction } from "./actions";

export const metadata: Metadata = { title: "Wires" };

/** The inbox's address with its filters and the page that starts after `cursor` (the first when null). */
function pageHref(filters: TWireFilters, cursor: string | null): string {
  const query = new URLSearchParams();
  for (const key of ["q", "agency", "from", "to"] as const) if (filters[key]) query.set(key, filters[key]);
  if (cursor) query.set("cursor", cursor);
  const text = query.toString();
  return text ? `/wires?${text}` : "/wires";
}

export default async function WiresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("wire.read");
  const filters = ZWireFilters.parse(await searchParams);
  const [page, agencies] = await Promise.all([listWireStories(filters), listAgencies()]);
  const rows: WireRow[] = page.items.map((story) => ({
    id: story.id,
    title: story.title,
    agency: story.agency,
    dateline: story.dateline,
    storyDate: isoDay(story.storyDate),
    bodyLength: story.bodyLength,
    importedBy: importedByName(story),
    importedAt: story.createdAt.toISOString(),
    versionLabel: versionLabel(story),
    signalNote: story.signalNote,
    versionCount: story.versionCount,
  }));
  const filtered = Boolean(filters.q || filters.agency || filters.from || filters.to);
  return (
    <>
      <PageHeader title="Wires" description="Wire stories received from the agencies, cleaned of boilerplate, originals kept verbatim." />
      {can(user, "wire.import") ? <ImportPanel importPasted={importPastedAction} /> : null}
      <FilterForm label="Filter wire stories" clearHref="/wires" showClear={filtered}>
        <Filter label="Search">
          <input name="q" type="search" defaultValue={filters.q} placeholder="Words in headline or text" className={`${CONTROL} w-64`} />
        </Filter>
        <FilterSelect label="Agency" name="agency" value={filters.agency} allLabel="All agencies" options={agencies} />
        <DateRangeFilter from={filters.from} to={filters.to} />
      </FilterForm>
      {rows.length ? (
        <>
          <WireTable rows={rows} />
          <nav aria-label="Pages of wire stories" className="mt-3 flex gap-4 text-sm">
            {filters.cursor && !filters.q ? (
              <Link href={pageHref(filters, null)} className="text-blue-700 underline">
                ← Newest
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link href={pageHref(filters, page.nextCursor)} className="text-blue-700 underline">
                Older wires →
              </Link>
            ) : null}
            {filters.q && rows.length >= WIRE_LIST_PAGE ? <span className="text-neutral-600">The {WIRE_LIST_PAGE} best matches; add words to narrow the search.</span> : null}
          </nav>
        </>
      ) : (
        <EmptyState>{filtered ? "No wire stories match these filters." : "No wire stories have been imported yet."}</EmptyState>
      )}
    </>
  );
}
