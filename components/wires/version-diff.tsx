import Link from "next/link";
import { WordDiffText } from "@/components/review/word-diff";
import type { SentenceRow } from "@/lib/domain/diff/sentences";

const ROW_STYLE: Record<SentenceRow["kind"], string> = {
  same: "text-neutral-600",
  changed: "border-l-4 border-amber-400 pl-2",
  removed: "border-l-4 border-red-400 pl-2",
  added: "border-l-4 border-green-500 pl-2",
};

const ROW_LABEL: Record<SentenceRow["kind"], string> = { same: "Unchanged", changed: "Reworded", removed: "Dropped", added: "Added" };

/** Two versions of a wire, sentence by sentence: unchanged, reworded (word by word), dropped, added. */
export function VersionDiff({ wireStoryId, older, newer, rows }: { wireStoryId: string; older: { version: number }; newer: { version: number }; rows: SentenceRow[] }) {
  const counts = (kind: SentenceRow["kind"]) => rows.filter((row) => row.kind === kind).length;
  return (
    <section id="version-diff" aria-labelledby="version-diff-heading" className="mt-4 rounded-lg border border-neutral-200 bg-white p-3 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="version-diff-heading" className="font-semibold">
          Version {older.version} → version {newer.version}
        </h2>
        <Link href={`/wires/${wireStoryId}`} className="text-blue-700 underline">
          Close comparison
        </Link>
      </div>
      <p className="text-neutral-600">
        {counts("changed")} reworded, {counts("removed")} dropped, {counts("added")} added, {counts("same")} unchanged.
      </p>
      <ol aria-label={`Sentences of version ${older.version} against version ${newer.version}`} className="mt-2 space-y-1 font-serif">
        {rows.map((row, index) => (
          <li key={index} className={ROW_STYLE[row.kind]} data-kind={row.kind}>
            <span className="sr-only">{ROW_LABEL[row.kind]}: </span>
            {row.kind === "same" ? row.text : row.kind === "changed" ? <WordDiffText diff={row.words} /> : row.kind === "removed" ? <del className="bg-red-100 text-red-900">{row.before}</del> : <ins className="bg-green-100 text-green-900 no-underline">{row.after}</ins>}
          </li>
        ))}
      </ol>
    </section>
  );
}
