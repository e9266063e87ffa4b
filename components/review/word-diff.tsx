import type { WordDiff } from "@/lib/domain/diff/words";

/** A word diff inline: insertions in <ins>, deletions in <del>. */
export function WordDiffText({ diff }: { diff: WordDiff }) {
  return (
    <>
      {diff.map((segment, i) =>
        segment.op === "insert" ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            {segment.text}
          </ins>
        ) : segment.op === "delete" ? (
          <del key={i} className="bg-red-100 text-red-900">
            {segment.text}
          </del>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
