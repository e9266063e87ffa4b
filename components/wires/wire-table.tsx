"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Cell, Table } from "@/components/ui/table";
import { agencyName } from "@/lib/domain/story/credit";

export interface WireRow {
  id: string;
  /** The headline, or the first sentence when the wire has none: never empty. */
  title: string;
  agency: string | null;
  dateline: string | null;
  storyDate: string | null;
  bodyLength: number;
  importedBy: string;
  importedAt: string;
  /** How the row's version is marked ("v3 · corrected"), null for a first routine version; the agency's note. */
  versionLabel: string | null;
  signalNote: string | null;
  versionCount: number;
}

const COLUMNS = [
  { label: <span className="sr-only">Select</span>, className: "w-8" },
  { label: "Headline" },
  { label: "Agency" },
  { label: "Dateline" },
  { label: "Date" },
  { label: "Length", className: "text-right" },
  { label: "Imported" },
];

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
      <Table label="Wire stories" columns={COLUMNS}>
        {rows.map((row) => {
          const title = row.title;
          return (
            <tr key={row.id} className={selected.has(row.id) ? "bg-blue-50" : ""}>
              <Cell>
                <input type="checkbox" checked={selected.has(row.id)} onChange={() => toggle(row.id)} aria-label={`Select ${title}`} />
              </Cell>
              <Cell className="max-w-md">
                <Link href={`/wires/${row.id}`} className="font-medium text-blue-800 hover:underline">
                  {title}
                </Link>
                {row.versionLabel ? (
                  <span
                    className="ml-2 rounded bg-amber-100 px-1.5 text-xs whitespace-nowrap text-amber-900"
                    title={[`${row.versionCount} version${row.versionCount === 1 ? "" : "s"} of this wire stored; this is the latest.`, row.signalNote].filter(Boolean).join(" ")}
                  >
                    {row.versionLabel}
                  </span>
                ) : null}
              </Cell>
              <Cell>{agencyName(row.agency)}</Cell>
              <Cell>{row.dateline ?? "—"}</Cell>
              <Cell className="whitespace-nowrap">{row.storyDate ?? "—"}</Cell>
              <Cell className="text-right tabular-nums">{row.bodyLength.toLocaleString("en")} chars</Cell>
              <Cell className="text-xs text-neutral-600">
                {row.importedBy}
                <br />
                <time dateTime={row.importedAt}>{row.importedAt.slice(0, 16).replace("T", " ")} UTC</time>
              </Cell>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}
