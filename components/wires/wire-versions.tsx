import Link from "next/link";

export interface WireVersionRow {
  id: string;
  version: number;
  title: string;
  /** When it arrived, as formatUtc writes it. */
  arrivedAt: string;
  sentenceCount: number;
}

/** Every stored version of a wire item, newest first; the one on screen is marked, the others linked and comparable with it. */
export function WireVersions({ currentId, versions }: { currentId: string; versions: WireVersionRow[] }) {
  if (versions.length < 2) return null;
  return (
    <section aria-labelledby="versions-heading" className="mt-4 rounded-lg border border-neutral-200 bg-white p-3 text-sm">
      <h2 id="versions-heading" className="font-semibold">
        Versions of this wire ({versions.length})
      </h2>
      <ol aria-label="Versions" className="mt-1 space-y-0.5">
        {versions.map((version, index) => (
          <li key={version.id} className="flex flex-wrap gap-x-2">
            {version.id === currentId ? (
              <span className="font-medium" aria-current="page">
                Version {version.version}
              </span>
            ) : (
              <Link href={`/wires/${version.id}`} className="text-blue-700 underline">
                Version {version.version}
              </Link>
            )}
            <span className="text-neutral-600">
              {index === 0 ? "latest · " : ""}
              arrived {version.arrivedAt} · {version.sentenceCount === 1 ? "1 sentence" : `${version.sentenceCount} sentences`} · {version.title}
            </span>
            {version.id === currentId ? null : (
              <Link href={`/wires/${currentId}?compare=${version.id}#version-diff`} className="text-blue-700 underline" aria-label={`Compare with version ${version.version}`}>
                Compare
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
