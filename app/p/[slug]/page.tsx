import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { formatUtc } from "@/lib/domain/dates";
import type { CitedSource } from "@/lib/domain/story/citations";
import { creditLine } from "@/lib/domain/story/credit";
import { cutAtWord, storySummary } from "@/lib/domain/story/summary";
import { publishedNinjsPath, publishedStory, type PublishedStory } from "@/lib/server/queries/published";
import { currentSlugFor } from "@/lib/server/stories/slugs";

/** Nodes separated by commas, as a reader lists them. */
function joinNodes(nodes: React.ReactNode[]): React.ReactNode[] {
  return nodes.flatMap((node, index) => (index === 0 ? [node] : [", ", node]));
}

/**
 * Rendered once per published revision and kept in the cache (public-cache-handler.cjs) until the
 * story is published again, corrected or unpublished (lib/server/public-cache.ts expires it);
 * 300 s is PUBLIC_CACHE_SECONDS, the longest a CDN in front keeps it without asking.
 */
export const revalidate = 300;
/** No story is rendered at build time (there is no database then): each on its first request. */
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

/** Absolute URLs in metadata (canonical, Open Graph) are of the app's public address. */
const metadataBase = () => new URL(process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`);

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const story = await publishedStory((await params).slug);
  if (!story) return { title: "Not found" };
  const { headline } = story.document;
  const description = storySummary(story.document);
  const path = `/p/${encodeURIComponent(story.slug)}`;
  return {
    metadataBase: metadataBase(),
    title: headline,
    description,
    alternates: { canonical: path, types: { "application/json": publishedNinjsPath(story.slug) } },
    openGraph: {
      type: "article",
      title: headline,
      description,
      url: path,
      siteName: "Factdesk",
      publishedTime: story.firstPublishedAt.toISOString(),
      modifiedTime: story.live.publishedAt!.toISOString(),
    },
    twitter: { card: "summary", title: headline, description },
  };
}

/** schema.org NewsArticle for search engines: dates, corrections, and the reports it cites. */
function newsArticle(story: PublishedStory, corrections: PublishedStory["history"]) {
  const url = new URL(`/p/${encodeURIComponent(story.slug)}`, metadataBase()).toString();
  const newsroom = { "@type": "Organization", name: "Factdesk" };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.document.headline,
    description: storySummary(story.document),
    mainEntityOfPage: url,
    url,
    datePublished: story.firstPublishedAt.toISOString(),
    dateModified: story.live.publishedAt!.toISOString(),
    author: newsroom,
    publisher: newsroom,
    ...(story.document.dateline ? { dateline: story.document.dateline } : {}),
    ...(corrections.length
      ? { correction: corrections.map((revision) => ({ "@type": "CorrectionComment", text: revision.correctionNote, datePublished: revision.publishedAt!.toISOString() })) }
      : {}),
    citation: story.citations.sources.map(({ wire }) => ({
      "@type": "NewsArticle",
      ...(wire.headline ? { headline: wire.headline } : {}),
      ...(wire.date ? { datePublished: wire.date } : {}),
      publisher: { "@type": "Organization", name: wire.agency ?? "Unattributed report" },
    })),
  };
}

/** A fact as the sources list quotes it: its opening words, linking back to it in the story. */
function QuotedFact({ number, text }: { number: number; text: string }) {
  return (
    <a href={`#fact-${number}`} className="text-neutral-800 underline decoration-neutral-300 hover:decoration-neutral-700">
      “{cutAtWord(text, 90)}”<span className="sr-only"> (back to this sentence in the story)</span>
      <span aria-hidden="true"> ↩</span>
    </a>
  );
}

/** The public page: the live revision, each fact followed by citation marks into the sources list. */
export default async function PublishedStoryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const story = await publishedStory(slug);
  if (!story) {
    // A slug the story had before its headline changed: the story lives at its new one.
    const current = await currentSlugFor(slug);
    if (current) permanentRedirect(`/p/${encodeURIComponent(current)}`);
    notFound();
  }
  const { document, sources, citations, live, history } = story;
  const cited = new Map(citations.facts.map((entry) => [entry.fact.id, entry]));
  const factText = new Map(citations.facts.map((entry) => [entry.number, entry.fact.text]));
  const quote = (number: number) => <QuotedFact key={number} number={number} text={factText.get(number) ?? ""} />;
  const describe = ({ wire, supports, reported }: CitedSource) => (
    <>
      {supports.length ? <>supports {joinNodes(supports.map(quote))}</> : null}
      {reported.map(({ fact, values }) => (
        <span key={fact} className="block">
          {wire.agency ?? "This report"} reported {values.map((v) => `“${v}”`).join(", ")} where the story says {quote(fact)}
        </span>
      ))}
    </>
  );
  const corrections = history.filter((revision) => revision.correctionNote);
  return (
    <main className="mx-auto max-w-2xl px-5 py-10">
      <p className="font-serif text-lg font-bold">Factdesk</p>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(newsArticle(story, corrections)).replace(/</g, "\\u003c") }} />
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
              [{source.number}] {source.wire.agency ?? "Unattributed report"}: {source.wire.headline ?? "untitled report"}
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
