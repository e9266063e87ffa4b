import type { Metadata } from "next";
import Link from "next/link";
import { CONTROL } from "@/components/ui/control";
import { DateRangeFilter, Filter, FilterForm } from "@/components/ui/filters";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Cell, Table } from "@/components/ui/table";
import { auditActionLabel } from "@/lib/domain/audit/describe";
import { formatUtc } from "@/lib/domain/dates";
import { ZAuditFilters } from "@/lib/schemas/filters";
import { listAuditEvents } from "@/lib/server/queries/audit";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Audit log" };

/** The stored subject types, as the filter names them. */
const SUBJECT_TYPES: Record<string, string> = { Story: "Stories", User: "Users", ApiKey: "API keys" };
const COLUMNS = [{ label: "When (UTC)" }, { label: "What happened" }, { label: "Record" }];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read");
  const filters = ZAuditFilters.parse(await searchParams);
  const { events, actions } = await listAuditEvents(filters);
  return (
    <>
      <PageHeader title="Audit log" description="Every state change, decision, publication, role change and API-key change: who, what, when. Append-only." />
      <FilterForm label="Filter the audit log" clearHref="/audit">
        <WordedSelect label="Action" name="action" value={filters.action} allLabel="All actions" options={actions.map((action) => [action, auditActionLabel(action)] as const)} />
        <WordedSelect label="Subject" name="subjectType" value={filters.subjectType} allLabel="All" options={Object.entries(SUBJECT_TYPES)} />
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

/** A filter select whose options read in words while the query string keeps the stored value. */
function WordedSelect({ label, name, value, allLabel, options }: { label: string; name: string; value: string | undefined; allLabel: string; options: readonly (readonly [string, string])[] }) {
  return (
    <Filter label={label}>
      <select name={name} defaultValue={value ?? ""} className={CONTROL}>
        <option value="">{allLabel}</option>
        {options.map(([stored, words]) => (
          <option key={stored} value={stored}>
            {words}
          </option>
        ))}
      </select>
    </Filter>
  );
}
