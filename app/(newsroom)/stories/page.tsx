import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Stories" };

export default async function StoriesPage() {
  await requirePermission("story.read");
  return (
    <>
      <PageHeader title="Stories" description="Consolidated stories in the works." />
      <EmptyState>No stories yet.</EmptyState>
    </>
  );
}
