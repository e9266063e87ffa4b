import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { formatUtc } from "@/lib/domain/dates";
import { listNotifications } from "@/lib/server/queries/notifications";
import { requireUser } from "@/lib/server/session";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser();
  const notifications = await listNotifications(user.id);
  const unread = notifications.filter((notification) => !notification.readAt).length;
  return (
    <>
      <PageHeader title="Notifications" description="Reviews requested, changes requested, approvals and publications of your stories.">
        {unread ? (
          <form action={markAllReadAction}>
            <Button type="submit" variant="secondary">
              Mark all read
            </Button>
          </form>
        ) : null}
      </PageHeader>
      {notifications.length === 0 ? (
        <EmptyState>Nothing yet.</EmptyState>
      ) : (
        <ul aria-label="Notifications" className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white">
          {notifications.map((notification) => (
            <li key={notification.id} className={`flex flex-wrap items-baseline gap-x-3 px-4 py-3 text-sm ${notification.readAt ? "text-neutral-500" : "font-medium"}`}>
              {!notification.readAt ? <span className="sr-only">Unread:</span> : null}
              <Link href={`/stories/${notification.storyId}${notification.kind === "review-requested" || notification.kind === "source-withdrawn" ? "/review" : ""}`} className="text-blue-800 hover:underline">
                {notification.message}
              </Link>
              <time className="text-xs text-neutral-500" dateTime={notification.createdAt.toISOString()}>
                {formatUtc(notification.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
