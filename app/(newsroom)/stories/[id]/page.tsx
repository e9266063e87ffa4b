import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { factBadges } from "@/lib/domain/story/checks";
import { creditLine, sourceMarks } from "@/lib/domain/story/credit";
import { getStoryWorkspace } from "@/lib/server/queries/stories";
import { requirePermission } from "@/lib/server/session";

export const metadata: Metadata = { title: "Story" };

export default async function StoryPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("story.read");
  const workspace = await getStoryWorkspace((await params).id);
  if (!workspace) notFound();
  const { story, revision, document, sources, wires } = workspace;
  const facts = document.paragraphs.flatMap((paragraph) => paragraph.facts);
  const citations = new Map<string, number>();
  for (const fact of facts) for (const id of new Set(fact.sources.map((source) => source.wireStoryId))) citations.set(id, (citations.get(id) ?? 0) + 1);
  const credit = creditLine(document, sources);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <article aria-label="Story">
        <p className="text-sm text-neutral-600">
          <Link href="/stories" className="text-blue-700 underline">
            ← Stories
          </Link>{" "}
          · Revision {revision.number} · <span className="font-semibold">{revision.state.replace("_", " ")}</span> · owner {story.owner.name}
        </p>
        <h1 className="mt-3 font-serif text-3xl leading-tight font-bold">{document.headline}</h1>
        {document.standfirst ? <p className="mt-2 font-serif text-lg text-neutral-700">{document.standfirst}</p> : null}
        <div className="mt-5 space-y-4 font-serif text-[1.05rem] leading-relaxed">
          {document.paragraphs.map((paragraph, index) => (
            <p key={paragraph.id}>
              {index === 0 && document.dateline ? <span className="font-sans text-sm font-semibold uppercase">{document.dateline} — </span> : null}
              {paragraph.facts.map((fact) => {
                const badges = factBadges(fact);
                const marks = sourceMarks(fact, sources);
                return (
                  <span key={fact.id} data-testid="fact" className="group">
                    {fact.text}
                    <sup className="ml-0.5 font-sans text-[0.65rem] text-blue-800" aria-label={`Sources: ${marks.join(", ") || "own reporting"}`}>
                      [{marks.join(", ") || "own reporting"}]
                    </sup>
                    {badges.singleSourced ? <span className="ml-1 rounded bg-amber-100 px-1 font-sans text-[0.65rem] text-amber-900">single source</span> : null}
                    {badges.disputed ? (
                      <span className="ml-1 rounded bg-red-100 px-1 font-sans text-[0.65rem] text-red-900" title={fact.discrepancies.map((d) => d.detail).join("\n")}>
                        disputed
                      </span>
                    ) : null}{" "}
                  </span>
                );
              })}
            </p>
          ))}
        </div>
        {credit ? <p className="mt-6 border-t border-neutral-200 pt-3 text-sm text-neutral-600 italic">{credit}</p> : null}
        {facts.some((fact) => factBadges(fact).disputed) ? (
          <section aria-labelledby="disputes-heading" className="mt-6 rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
            <h2 id="disputes-heading" className="font-semibold">
              Where the sources disagree
            </h2>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {facts.flatMap((fact) => fact.discrepancies.filter((d) => !d.resolution).map((d) => <li key={`${fact.id}-${d.id}`}>{d.detail}</li>))}
            </ul>
          </section>
        ) : null}
      </article>
      <aside aria-labelledby="sources-heading" className="space-y-2">
        <h2 id="sources-heading" className="text-base font-semibold">
          Sources
        </h2>
        <ul className="space-y-2 text-sm">
          {wires.map((wire) => (
            <li key={wire.id} className="rounded-lg border border-neutral-200 bg-white p-3">
              <Link href={`/wires/${wire.id}`} className="font-medium text-blue-800 hover:underline">
                {wire.headline ?? "(no headline)"}
              </Link>
              <p className="text-xs text-neutral-600">
                {wire.agency ?? "agency unknown"} · cited by {citations.get(wire.id) ?? 0} of {facts.length} facts
              </p>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
