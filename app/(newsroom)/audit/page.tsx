import type { Metadata } from "next";
import Link from "next/link";
import { CONTROL } from "@/components/ui/control";
import { DateRangeFilter, Filter, FilterForm, FilterSelect } from "@/components/ui/filters";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Cell, Table } from "@/components/ui/table";
import { formatUtc } from "@/lib/domain/dates";
import { ZAuditFilters } from "@/lib/schemas/filters";
import { listAuditEvents } from "@/lib/server/queries/audit";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Audit log" };

const SUBJECT_TYPES = ["Story", "User", "ApiKey"] as const;
const COLUMNS = [{ label: "When (UTC)" }, { label: "Who" }, { label: "Action" }, { label: "Subject" }, { label: "Details" }];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read");
  const filters = ZAuditFilters.parse(await searchParams);
  const { events, actions } = await listAuditEvents(filters);
  return (
    <>
      <PageHeader title="Audit log" description="Every state change, decision, publication, role change and API-key change: who, what, when. Append-only." />
      <FilterForm label="Filter the audit log" clearHref="/audit">
        <FilterSelect label="Action" name="action" value={filters.action} allLabel="All actions" options={actions} />
        <FilterSelect label="Subject" name="subjectType" value={filters.subjectType} allLabel="All" options={SUBJECT_TYPES} />
        <Filter label="Who">
          <input name="actor" defaultValue={filters.actor} placeholder="Name or email" className={CONTROL} />
        </Filter>
        <DateRangeFilter from={filters.from} to={filters.to} />
      </FilterForm>
      {events.length === 0 ? (
        <EmptyState>No entries match.</EmptyState>
      ) : (
        <Table label="Audit entries" columns={COLUMNS}>
          {events.map((event) => (
            <tr key={event.id.toString()}>
              <Cell className="whitespace-nowrap">{formatUtc(event.createdAt, { seconds: true })}</Cell>
              <Cell>{event.actor?.name ?? "system"}</Cell>
              <Cell className="font-mono text-xs">{event.action}</Cell>
              <Cell className="text-xs">
                {event.subjectType === "Story" ? <Link href={`/stories/${event.subjectId}`} className="text-blue-700 underline">Story</Link> : event.subjectType}{" "}
                <span className="font-mono text-neutral-500">{event.subjectId.slice(0, 10)}</span>
                {event.revisionId ? <span className="text-neutral-500"> · rev {event.revisionId.slice(0, 8)}</span> : null}
              </Cell>
              <Cell className="max-w-md font-mono text-xs break-words text-neutral-700">{JSON.stringify(event.data)}</Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
