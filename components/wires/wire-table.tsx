"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export interface WireRow {
  id: string;
  headline: string | null;
  agency: string | null;
  dateline: string | null;
  storyDate: string | null;
  bodyLength: number;
  importedBy: string;
  importedAt: string;
  isNewVersion: boolean;
}

export function WireTable({ rows }: { rows: WireRow[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  /** Both ways on (a new consolidated story, or adding to one in progress) start on the same page. */
  function openChosen() {
    const params = new URLSearchParams();
    for (const id of rows.map((row) => row.id).filter((id) => selected.has(id))) params.append("wire", id);
    router.push(`/stories/new?${params.toString()}`);
  }

  return (
    <div>
      <div className="mb-2 flex items-center gap-3 text-sm">
        <Button onClick={openChosen} disabled={selected.size < 2} aria-describedby="consolidate-hint">
          Consolidate {selected.size ? `${selected.size} stories` : ""}
        </Button>
        <Button variant="secondary" onClick={openChosen} disabled={selected.size < 1}>
          Add to a story…
        </Button>
        <span id="consolidate-hint" className="text-neutral-600">
          {selected.size < 2 ? "Select two or more stories about one event, or one or more to add to a story." : `${selected.size} selected`}
        </span>
      </div>
      <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
        <table className="min-w-full text-left text-sm" aria-label="Wire stories">
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase text-neutral-500">
            <tr>
              <th scope="col" className="w-8 px-3 py-2">
                <span className="sr-only">Select</span>
              </th>
              <th scope="col" className="px-3 py-2">Headline</th>
              <th scope="col" className="px-3 py-2">Agency</th>
              <th scope="col" className="px-3 py-2">Dateline</th>
              <th scope="col" className="px-3 py-2">Date</th>
              <th scope="col" className="px-3 py-2 text-right">Length</th>
              <th scope="col" className="px-3 py-2">Imported</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {rows.map((row) => {
              const title = row.headline ?? "(no headline)";
              return (
                <tr key={row.id} className={selected.has(row.id) ? "bg-blue-50" : ""}>
                  <td className="px-3 py-2">
                    <input type="checkbox" checked={selected.has(row.id)} onChange={() => toggle(row.id)} aria-label={`Select ${title}`} />
                  </td>
                  <td className="max-w-md px-3 py-2">
                    <Link href={`/wires/${row.id}`} className="font-medium text-blue-800 hover:underline">
                      {title}
                    </Link>
                    {row.isNewVersion ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">new version</span> : null}
                  </td>
                  <td className="px-3 py-2">{row.agency ?? "—"}</td>
                  <td className="px-3 py-2">{row.dateline ?? "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{row.storyDate ?? "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{row.bodyLength.toLocaleString("en")} chars</td>
                  <td className="px-3 py-2 text-xs text-neutral-600">
                    {row.importedBy}
                    <br />
                    <time dateTime={row.importedAt}>{row.importedAt.slice(0, 16).replace("T", " ")} UTC</time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
