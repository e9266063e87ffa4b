import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/events/event-form";
import { CONTROL } from "@/components/ui/control";
import { PageHeader, PageSection } from "@/components/ui/page-header";
import { Cell, Table } from "@/components/ui/table";
import { formatUtc } from "@/lib/domain/dates";
import { can } from "@/lib/domain/policy";
import { agencyName } from "@/lib/domain/story/credit";
import { getEvent } from "@/lib/server/queries/events";
import { markEventSeen } from "@/lib/server/services/mark-event-seen";
import { requirePermission } from "@/lib/server/session";
import { consolidateEventAction, mergeEventAction, moveWireAction, splitEventAction } from "../actions";

export const metadata: Metadata = { title: "Event" };

const COLUMNS = [{ label: "Split off" }, { label: "Wire" }, { label: "Agency" }, { label: "Arrived" }, { label: "Grouped" }, { label: "Move to" }] as const;

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("wire.read");
  const { id } = await params;
  const event = await getEvent(id, user.id);
  if (!event) notFound();
  await markEventSeen(user, event.id);
  const corrects = can(user, "event.correct");
  const current = event.wires.filter((wire) => wire.isLatestVersion);
  return (
    <>
      <PageHeader
        title={event.title || "Untitled event"}
        description={`${event.wireCount} ${event.wireCount === 1 ? "wire" : "wires"} (${current.length} current), from ${formatUtc(event.firstArrival)} to ${formatUtc(event.lastArrival)}.`}
      >
        <Link href="/events" className="text-sm text-blue-700 underline">
          ← All events
        </Link>
      </PageHeader>
      <div className="mb-6 flex flex-wrap items-center gap-4">
        {can(user, "story.create") ? (
          <EventForm action={consolidateEventAction} label="Consolidate this event" submit="Consolidate this event" pendingLabel="Consolidating…" variant="primary">
            <input type="hidden" name="event" value={event.id} />
          </EventForm>
        ) : null}
        {event.stories.length ? (
          <p className="text-sm text-neutral-700">
            Stories made from this event (new wires are offered to them):{" "}
            {event.stories.map((story, index) => (
              <span key={story.id}>
                {index > 0 ? ", " : ""}
                <Link href={`/stories/${story.id}`} className="text-blue-700 underline">
                  {story.headline || "Untitled story"}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </div>
      <PageSection id="wires" title="Wires" description={corrects ? "Tick wires and split them off into an event of their own, or move one wire to another event. A wire moves with all its versions, and later versions follow it." : undefined}>
        <Table label="Wires of this event" columns={COLUMNS}>
          {event.wires.map((wire) => (
            <tr key={wire.id}>
              <Cell>
                {corrects && wire.isLatestVersion ? <input type="checkbox" name="wire" value={wire.id} form="split" aria-label={`Split off “${wire.title}”`} /> : null}
              </Cell>
              <Cell>
                <Link href={`/wires/${wire.id}`} className="text-blue-700 underline">
                  {wire.title}
                </Link>
                {wire.version > 1 ? <span className="ml-2 text-xs text-neutral-600">v{wire.version}{wire.versionKind ? ` · ${wire.versionKind}` : ""}</span> : null}
                {!wire.isLatestVersion ? <span className="ml-2 text-xs text-neutral-500">(earlier version)</span> : null}
                {wire.isNew ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">new</span> : null}
              </Cell>
              <Cell>{agencyName(wire.agency)}</Cell>
              <Cell>
                <time dateTime={wire.createdAt.toISOString()}>{formatUtc(wire.createdAt)}</time>
              </Cell>
              <Cell className="text-neutral-600">{wire.placedBy ? `moved here by ${wire.placedBy}` : "automatically"}</Cell>
              <Cell>
                {corrects && wire.isLatestVersion ? (
                  <EventForm action={moveWireAction} label={`Move “${wire.title}”`} submit="Move" pendingLabel="Moving…">
                    <input type="hidden" name="event" value={event.id} />
                    <input type="hidden" name="wire" value={wire.id} />
                    <select name="to" defaultValue="new" aria-label={`Event to move “${wire.title}” to`} className={`${CONTROL} max-w-64`}>
                      <option value="new">A new event of its own</option>
                      <EventOptions events={event.otherEvents} />
                    </select>
                  </EventForm>
                ) : null}
              </Cell>
            </tr>
          ))}
        </Table>
        {corrects ? (
          <div className="mt-3">
            <SplitForm eventId={event.id} />
          </div>
        ) : null}
      </PageSection>
      {corrects && event.otherEvents.length ? (
        <PageSection id="merge" title="Merge" description="When another event reports the same thing, bring its wires into this one.">
          <EventForm action={mergeEventAction} label="Merge another event into this one" submit="Merge into this event" pendingLabel="Merging…">
            <input type="hidden" name="event" value={event.id} />
            <select name="from" required defaultValue="" aria-label="Event to merge into this one" className={`${CONTROL} max-w-96`}>
              <option value="" disabled>
                Choose an event…
              </option>
              <EventOptions events={event.otherEvents} />
            </select>
          </EventForm>
        </PageSection>
      ) : null}
    </>
  );
}

/** The split button submits the ticked boxes of the table (form="split"). */
function SplitForm({ eventId }: { eventId: string }) {
  return (
    <EventForm id="split" action={splitEventAction} label="Split off the ticked wires" submit="Split ticked wires into a new event" pendingLabel="Splitting…">
      <input type="hidden" name="event" value={eventId} />
    </EventForm>
  );
}

/** The events a wire can move to or an event can merge with, as options: title and wire count. */
function EventOptions({ events }: { events: ReadonlyArray<{ id: string; title: string; wireCount: number }> }) {
  return events.map((other) => (
    <option key={other.id} value={other.id}>
      {other.title || "Untitled event"} ({other.wireCount})
    </option>
  ));
}
