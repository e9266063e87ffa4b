import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Cell, Table } from "@/components/ui/table";
import { formatUtc } from "@/lib/domain/dates";
import { listEvents } from "@/lib/server/queries/events";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Events" };

const COLUMNS = [{ label: "Event" }, { label: "Wires", className: "text-right" }, { label: "Agencies" }, { label: "First arrival" }, { label: "Latest arrival" }, { label: "New" }] as const;

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("wire.read");
  const { cursor } = await searchParams;
  const page = await listEvents(user.id, typeof cursor === "string" ? cursor : null);
  return (
    <>
      <PageHeader title="Events" description="Incoming wires grouped by the event they report, as they arrive. Open an event to see its wires, correct the grouping, or consolidate it into a story." />
      {page.items.length ? (
        <>
          <Table label="Events" columns={COLUMNS}>
            {page.items.map((event) => (
              <tr key={event.id}>
                <Cell>
                  <Link href={`/events/${event.id}`} className="font-medium text-blue-700 underline">
                    {event.title || "Untitled event"}
                  </Link>
                </Cell>
                <Cell className="text-right tabular-nums">{event.wireCount}</Cell>
                <Cell>{event.agencies.join(", ")}</Cell>
                <Cell>
                  <time dateTime={event.firstArrival.toISOString()}>{formatUtc(event.firstArrival)}</time>
                </Cell>
                <Cell>
                  <time dateTime={event.lastArrival.toISOString()}>{formatUtc(event.lastArrival)}</time>
                </Cell>
                <Cell>
                  {event.newSinceSeen > 0 ? (
                    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
                      {event.seen ? `${event.newSinceSeen} new since you looked` : "not opened yet"}
                    </span>
                  ) : (
                    <span className="text-neutral-500">nothing new</span>
                  )}
                </Cell>
              </tr>
            ))}
          </Table>
          <nav aria-label="Pages of events" className="mt-3 flex gap-4 text-sm">
            {cursor ? (
              <Link href="/events" className="text-blue-700 underline">
                ← Latest
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link href={`/events?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-blue-700 underline">
                Quieter events →
              </Link>
            ) : null}
          </nav>
        </>
      ) : (
        <EmptyState>No events yet: wires are grouped into events as they are imported.</EmptyState>
      )}
    </>
  );
}
