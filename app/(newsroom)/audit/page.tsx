import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { ZAuditFilters } from "@/lib/schemas/filters";
import { listAuditEvents } from "@/lib/server/queries/audit";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Audit log" };

const INPUT = "rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read");
  const filters = ZAuditFilters.parse(await searchParams);
  const { events, actions } = await listAuditEvents(filters);
  return (
    <>
      <PageHeader title="Audit log" description="Every state change, decision, publication, role change and API-key change: who, what, when. Append-only." />
      <form role="search" aria-label="Filter the audit log" method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          Action
          <select name="action" defaultValue={filters.action ?? ""} className={INPUT}>
            <option value="">All actions</option>
            {actions.map((action) => (
              <option key={action}>{action}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Subject
          <select name="subjectType" defaultValue={filters.subjectType ?? ""} className={INPUT}>
            <option value="">All</option>
            <option>Story</option>
            <option>User</option>
            <option>ApiKey</option>
          </select>
        </label>
        <label className="flex flex-col">
          Who
          <input name="actor" defaultValue={filters.actor} placeholder="Name or email" className={INPUT} />
        </label>
        <label className="flex flex-col">
          From
          <input type="date" name="from" defaultValue={filters.from} className={INPUT} />
        </label>
        <label className="flex flex-col">
          To
          <input type="date" name="to" defaultValue={filters.to} className={INPUT} />
        </label>
        <button type="submit" className="rounded-md bg-neutral-900 px-3 py-1.5 font-medium text-white">
          Filter
        </button>
        <Link href="/audit" className="py-1.5 text-blue-700 underline">
          Clear
        </Link>
      </form>
      {events.length === 0 ? (
        <EmptyState>No entries match.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
          <table className="min-w-full text-left text-sm" aria-label="Audit entries">
            <thead className="border-b border-neutral-200 bg-neutral-50 text-xs text-neutral-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">When (UTC)</th>
                <th scope="col" className="px-3 py-2">Who</th>
                <th scope="col" className="px-3 py-2">Action</th>
                <th scope="col" className="px-3 py-2">Subject</th>
                <th scope="col" className="px-3 py-2">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {events.map((event) => (
                <tr key={event.id.toString()}>
                  <td className="px-3 py-2 whitespace-nowrap">{event.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                  <td className="px-3 py-2">{event.actor?.name ?? "system"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{event.action}</td>
                  <td className="px-3 py-2 text-xs">
                    {event.subjectType === "Story" ? <Link href={`/stories/${event.subjectId}`} className="text-blue-700 underline">Story</Link> : event.subjectType}{" "}
                    <span className="font-mono text-neutral-500">{event.subjectId.slice(0, 10)}</span>
                    {event.revisionId ? <span className="text-neutral-500"> · rev {event.revisionId.slice(0, 8)}</span> : null}
                  </td>
                  <td className="max-w-md px-3 py-2 font-mono text-xs break-words text-neutral-700">{JSON.stringify(event.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
