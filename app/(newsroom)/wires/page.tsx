import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Wires" };

export default async function WiresPage() {
  await requirePermission("wire.read");
  return (
    <>
      <PageHeader title="Wires" description="Wire stories received from the agencies." />
      <EmptyState>No wire stories have been imported yet.</EmptyState>
    </>
  );
}
