import type { Metadata } from "next";
import { CONTROL } from "@/components/ui/control";
import { DateRangeFilter, Filter, FilterForm, FilterSelect } from "@/components/ui/filters";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { ImportPanel } from "@/components/wires/import-panel";
import { WireTable, type WireRow } from "@/components/wires/wire-table";
import { versionLabel } from "@/lib/domain/wire/signals";
import { isoDay } from "@/lib/domain/dates";
import { can } from "@/lib/domain/policy";
import { ZWireFilters } from "@/lib/schemas/filters";
import { importedByName, listAgencies, listWireStories } from "@/lib/server/queries/wires";
import { requirePermission } from "@/lib/server/session";
import { importPastedAction } from "./actions";

export const metadata: Metadata = { title: "Wires" };

export default async function WiresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("wire.read");
  const filters = ZWireFilters.parse(await searchParams);
  const [stories, agencies] = await Promise.all([listWireStories(filters), listAgencies()]);
  const rows: WireRow[] = stories.map((story) => ({
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
        <WireTable rows={rows} />
      ) : (
        <EmptyState>{filtered ? "No wire stories match these filters." : "No wire stories have been imported yet."}</EmptyState>
      )}
    </>
  );
}
