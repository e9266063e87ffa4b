import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteWireButton } from "@/components/wires/delete-wire-button";
import { RestoreButton } from "@/components/wires/restore-button";
import { VersionDiff } from "@/components/wires/version-diff";
import { WireVersions } from "@/components/wires/wire-versions";
import { formatUtc, isoDay } from "@/lib/domain/dates";
import { can, permission } from "@/lib/domain/policy";
import type { RemovedRange } from "@/lib/domain/wire";
import { compareWireVersions, getWireStory, importedByName } from "@/lib/server/queries/wires";
import { requirePermission } from "@/lib/server/session";
import { deleteWireStoryAction, setRangeRestoredAction } from "../actions";
import { agencyName } from "@/lib/domain/story/credit";

export const metadata: Metadata = { title: "Wire story" };

type Piece = { kind: "text"; text: string } | { kind: "removed"; range: RemovedRange; restored: boolean; text: string };

/** The text cut into kept and removed pieces, in order, for marking up the original. */
function piecesOf(text: string, removed: RemovedRange[], restoredStarts: Set<number>): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const range of [...removed].sort((a, b) => a.start - b.start)) {
    if (range.start < at) continue;
    if (range.start > at) pieces.push({ kind: "text", text: text.slice(at, range.start) });
    pieces.push({ kind: "removed", range, restored: restoredStarts.has(range.start), text: text.slice(range.start, range.end) });
    at = range.end;
  }
  if (at < text.length) pieces.push({ kind: "text", text: text.slice(at) });
  return pieces;
}

export default async function WireStoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ compare?: string | string[] }> }) {
  const user = await requirePermission("wire.read");
  const { id } = await params;
  const story = await getWireStory(id);
  if (!story) notFound();
  const { compare } = await searchParams;
  const comparison = typeof compare === "string" ? await compareWireVersions(story.id, compare) : null;
  const canRestore = can(user, "wire.import");
  const deletable = permission(user, "wire.delete");
  const restoredStarts = new Set(story.restoredStarts);
  const paragraphs: string[][] = [];
  for (const sentence of story.body.sentences) (paragraphs[sentence.paragraph] ??= []).push(sentence.text);
  const facts = [
    ["Agency", agencyName(story.agency)],
    ["Dateline", story.dateline],
    ["Date", isoDay(story.storyDate)],
    ["Byline", story.byline],
    ["Language", story.language],
    ["Format", story.format + (story.filename ? ` (${story.filename})` : "")],
    ["Feed", story.feed],
    ["Version", `${story.version}${story.isLatestVersion ? (story.versions.length > 1 ? " (latest)" : "") : " (a newer one exists)"}${story.externalId ? ` of ${story.externalId}` : ""}`],
    ["Imported", `${formatUtc(story.createdAt)} by ${importedByName(story)}`],
  ] as const;

  return (
    <article>
      <p className="text-sm">
        <Link href="/wires" className="text-blue-700 underline">
          ← Wires
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-bold">{story.title}</h1>
      {story.headline ? null : <p className="text-sm text-neutral-600">No headline line in this wire: its first sentence stands in for one.</p>}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-neutral-600">{label}</dt>
            <dd>{value ?? <span className="text-neutral-400">unknown</span>}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-3">
        <DeleteWireButton
          wireStoryId={story.id}
          title={story.title}
          usedBy={story.usedBy}
          deniedReason={deletable.allowed ? null : deletable.reason}
          action={deleteWireStoryAction}
        />
      </div>
      <WireVersions
        currentId={story.id}
        versions={story.versions.map((version) => ({ id: version.id, version: version.version, title: version.title, arrivedAt: formatUtc(version.createdAt), sentenceCount: version.sentenceCount }))}
      />
      {comparison ? <VersionDiff wireStoryId={story.id} older={comparison.older} newer={comparison.newer} rows={comparison.rows} /> : null}

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="clean-heading" className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 id="clean-heading" className="mb-3 text-base font-semibold">
            Cleaned story <span className="font-normal text-neutral-500">({story.body.sentences.length} sentences)</span>
          </h2>
          <div className="space-y-3 font-serif leading-relaxed" data-testid="clean-text">
            {paragraphs.filter(Boolean).map((sentences, index) => (
              <p key={index}>{sentences.join(" ")}</p>
            ))}
          </div>
        </section>
        <section aria-labelledby="original-heading" className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 id="original-heading" className="mb-1 text-base font-semibold">
            Original, with removed parts marked
          </h2>
          <p className="mb-3 text-xs text-neutral-600">
            {story.original.removed.length === 1 ? "1 part" : `${story.original.removed.length} parts`} removed as not being story text. {canRestore ? "Restore any that belong to the story." : ""}
          </p>
          <div className="text-sm leading-relaxed whitespace-pre-wrap" data-testid="original-text">
            {piecesOf(story.text, story.original.removed, restoredStarts).map((piece, index) =>
              piece.kind === "text" ? (
                <span key={index}>{piece.text}</span>
              ) : (
                <span key={index} className={piece.restored ? "bg-green-50" : "bg-red-50 text-neutral-500 line-through decoration-red-300"} data-removed-reason={piece.range.reason}>
                  {piece.text}
                  <span className="not-italic no-underline">
                    <span className="ml-1 rounded bg-neutral-200 px-1 text-[10px] font-semibold text-neutral-700 uppercase no-underline">{piece.range.reason}</span>
                    {canRestore ? (
                      <RestoreButton wireStoryId={story.id} start={piece.range.start} restored={piece.restored} reason={piece.range.reason} action={setRangeRestoredAction} />
                    ) : null}
                  </span>
                </span>
              ),
            )}
          </div>
          {story.format !== "text" ? (
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium">Original document ({story.format}), verbatim</summary>
              <pre className="mt-2 max-h-96 overflow-auto rounded bg-neutral-50 p-2 text-xs whitespace-pre-wrap">{story.originalText}</pre>
            </details>
          ) : null}
        </section>
      </div>
    </article>
  );
}
