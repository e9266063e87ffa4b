import Link from "next/link";
import { NavLinks } from "@/components/shell/nav-links";
import { navigationFor } from "@/lib/domain/policy";
import { unreadNotificationCount } from "@/lib/server/queries/notifications";
import { requirePermission } from "@/lib/server/session";

export default async function NewsroomLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission("newsroom.access");
  const items = navigationFor(user).map(({ href, label }) => ({ href, label }));
  const unread = await unreadNotificationCount(user.id);
  return (
    <div className="min-h-screen">
      <header className="border-b border-neutral-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/wires" className="font-serif text-xl font-bold tracking-tight">
            Factdesk
          </Link>
          <NavLinks items={items} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link href="/notifications" className="text-blue-700 underline" aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}>
              Notifications{unread ? <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white no-underline">{unread}</span> : null}
            </Link>
            <span data-testid="current-user">
              {user.name} <span className="rounded bg-neutral-100 px-1.5 py-0.5 text-xs font-semibold text-neutral-700">{user.role}</span>
            </span>
            <Link href="/logout" className="text-blue-700 underline">
              Sign out
            </Link>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
