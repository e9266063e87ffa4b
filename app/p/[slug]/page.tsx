import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatUtc } from "@/lib/domain/dates";
import type { CitedSource } from "@/lib/domain/story/citations";
import { creditLine } from "@/lib/domain/story/credit";
import { publishedNinjsPath, publishedStory } from "@/lib/server/queries/published";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const story = await publishedStory((await params).slug);
  return story
    ? { title: story.document.headline, description: story.document.standfirst || undefined, alternates: { types: { "application/json": publishedNinjsPath(story.slug) } } }
    : { title: "Not found" };
}

/** The public page: the live revision, each fact followed by citation marks into the sources list. */
export default async function PublishedStoryPage({ params }: { params: Promise<{ slug: string }> }) {
  const story = await publishedStory((await params).slug);
  if (!story) notFound();
  const { document, sources, citations, live, history } = story;
  const cited = new Map(citations.facts.map((entry) => [entry.fact.id, entry]));
  const describe = ({ supports, reported }: CitedSource) =>
    [
      supports.length ? `supports facts ${supports.join(", ")}` : null,
      ...reported.map(({ fact, values }) => `reported ${values.map((v) => `“${v}”`).join(", ")} where fact ${fact} says otherwise`),
    ]
      .filter(Boolean)
      .join("; ");
  const corrections = history.filter((revision) => revision.correctionNote);
  return (
    <main className="mx-auto max-w-2xl px-5 py-10">
      <p className="font-serif text-lg font-bold">Factdesk</p>
      <article aria-label="Published story" className="mt-6">
        <h1 className="font-serif text-4xl leading-tight font-bold">{document.headline}</h1>
        {document.standfirst ? <p className="mt-3 font-serif text-xl text-neutral-700">{document.standfirst}</p> : null}
        <p className="mt-3 text-sm text-neutral-600">
          Published {formatUtc(story.firstPublishedAt)}
          {history.length > 1 ? <> · Updated {formatUtc(live.publishedAt!)}</> : null}
        </p>
        <div className="mt-6 space-y-4 font-serif text-lg leading-relaxed">
          {document.paragraphs.map((paragraph, index) => (
            <p key={paragraph.id}>
              {index === 0 && document.dateline ? <span className="font-sans text-sm font-semibold uppercase">{document.dateline} — </span> : null}
              {paragraph.facts.map((fact) => {
                const { number, marks } = cited.get(fact.id)!;
                return (
                  <span key={fact.id} id={`fact-${number}`} data-testid="published-fact">
                    {fact.text}
                    {marks.map((mark) => (
                      <sup key={mark} className="ml-0.5 font-sans text-xs">
                        <a href={`#source-${mark}`} className="text-blue-800" aria-label={`Source ${mark}`}>
                          [{mark}]
                        </a>
                      </sup>
                    ))}{" "}
                  </span>
                );
              })}
            </p>
          ))}
        </div>
        <p className="mt-6 text-sm text-neutral-600 italic">{creditLine(document, sources)}</p>
      </article>
      <section aria-labelledby="sources-heading" className="mt-10 border-t border-neutral-200 pt-4">
        <h2 id="sources-heading" className="font-semibold">
          Sources
        </h2>
        <ol className="mt-2 space-y-2 text-sm">
          {citations.sources.map((source) => (
            <li key={source.wire.id} id={`source-${source.number}`}>
              [{source.number}] {source.wire.agency ?? "Unattributed report"}: {source.wire.headline ?? "(untitled)"}
              {source.wire.date ? `, ${source.wire.date}` : ""} — {describe(source)}
            </li>
          ))}
        </ol>
      </section>
      {corrections.length ? (
        <section aria-labelledby="corrections-heading" className="mt-8">
          <h2 id="corrections-heading" className="font-semibold">
            Corrections
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {corrections.map((revision) => (
              <li key={revision.id}>
                {formatUtc(revision.publishedAt!)}: {revision.correctionNote}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="history-heading" className="mt-8 text-sm text-neutral-600">
        <h2 id="history-heading" className="font-semibold text-neutral-900">
          Published versions
        </h2>
        <ol className="mt-1">
          {history.map((revision) => (
            <li key={revision.id}>
              Version {revision.number}, {formatUtc(revision.publishedAt!)}
              {revision.id === live.id ? " (this version)" : ""}
            </li>
          ))}
        </ol>
        <p className="mt-3">
          <a href={publishedNinjsPath(story.slug)} type="application/json" className="text-blue-800 underline">
            This story as data (IPTC ninjs, with the sources of every fact)
          </a>
        </p>
      </section>
    </main>
  );
}
