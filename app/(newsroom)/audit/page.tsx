import type { Metadata } from "next";
import Link from "next/link";
import { CONTROL } from "@/components/ui/control";
import { DateRangeFilter, Filter, FilterForm, FilterSelect } from "@/components/ui/filters";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Cell, Table } from "@/components/ui/table";
import { auditActionLabel } from "@/lib/domain/audit/describe";
import { formatUtc } from "@/lib/domain/dates";
import { ZAuditFilters } from "@/lib/schemas/filters";
import { listAuditEvents } from "@/lib/server/queries/audit";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Audit log" };

const SUBJECT_TYPES = ["Story", "User", "ApiKey"] as const;
const COLUMNS = [{ label: "When (UTC)" }, { label: "What happened" }, { label: "Record" }];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read");
  const filters = ZAuditFilters.parse(await searchParams);
  const { events, actions } = await listAuditEvents(filters);
  return (
    <>
      <PageHeader title="Audit log" description="Every state change, decision, publication, role change and API-key change: who, what, when. Append-only." />
      <FilterForm label="Filter the audit log" clearHref="/audit">
        <Filter label="Action">
          <select name="action" defaultValue={filters.action ?? ""} className={CONTROL}>
            <option value="">All actions</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action)}
              </option>
            ))}
          </select>
        </Filter>
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
            <tr key={event.id} className="align-top">
              <Cell className="whitespace-nowrap">{formatUtc(event.createdAt, { seconds: true })}</Cell>
              <Cell>
                {event.storyId ? (
                  <Link href={`/stories/${event.storyId}`} className="text-neutral-900 hover:underline">
                    {event.description}
                  </Link>
                ) : (
                  event.description
                )}
              </Cell>
              <Cell className="w-64 text-xs">
                <details>
                  <summary className="cursor-pointer text-neutral-600">Raw record</summary>
                  <pre className="mt-1 max-w-sm overflow-x-auto rounded bg-neutral-50 p-2 font-mono whitespace-pre-wrap break-words text-neutral-700">
                    {JSON.stringify(event.record, null, 2)}
                  </pre>
                </details>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
