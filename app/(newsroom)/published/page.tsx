import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Published" };

export default async function PublishedPage() {
  await requirePermission("story.read");
  return (
    <>
      <PageHeader title="Published" description="Stories live on the public site." />
      <EmptyState>Nothing has been published yet.</EmptyState>
    </>
  );
}
