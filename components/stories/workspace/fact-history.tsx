"use client";

import { useEffect, useState } from "react";
import { formatUtc } from "@/lib/domain/dates";
import type { FactHistoryResponse } from "@/lib/schemas/workspace";
import { fetchFactHistory } from "./api";

const SHOWN_AT_FIRST = 8;

/**
 * Who changed the selected fact, how and when, newest first. Fetched again whenever the fact's
 * version moves (anyone's edit, arriving live), so it never lags behind the text above it.
 */
export function FactHistory({ storyId, factId, version }: { storyId: string; factId: string; version: number }) {
  const [loaded, setLoaded] = useState<{ factId: string; history: FactHistoryResponse | null } | null>(null);
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    let current = true;
    void fetchFactHistory(storyId, factId).then((history) => {
      if (current) setLoaded({ factId, history });
    });
    return () => {
      current = false;
    };
  }, [storyId, factId, version]);

  // Another fact's history stays out while this one's loads; this fact's own stays up while it refreshes.
  const history = loaded?.factId === factId ? loaded.history : undefined;
  const entries = history ? [...history.entries].reverse() : [];
  const shown = showAll ? entries : entries.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold">History</h3>
      {history === undefined ? <p className="text-sm text-neutral-600">Loading…</p> : null}
      {history === null ? <p className="text-sm text-neutral-600">The history could not be loaded; it will be tried again on the next change.</p> : null}
      {history && entries.length === 0 ? <p className="text-sm text-neutral-600">No changes yet.</p> : null}
      {shown.length > 0 ? (
        <ol aria-label="Fact history" className="mt-1 space-y-1 text-sm">
          {shown.map((entry) => (
            <li key={entry.eventId}>
              <span className="font-medium">{entry.actorName}</span> {entry.what}
              <br />
              <time dateTime={entry.at} className="text-xs text-neutral-600">
                {formatUtc(entry.at)}
              </time>
            </li>
          ))}
        </ol>
      ) : null}
      {entries.length > SHOWN_AT_FIRST ? (
        <button type="button" onClick={() => setShowAll(!showAll)} className="mt-1 text-xs text-blue-800 underline">
          {showAll ? "Show fewer" : `Show all ${entries.length} changes`}
        </button>
      ) : null}
      {history?.earlierLeftOut && (showAll || entries.length <= SHOWN_AT_FIRST) ? <p className="mt-1 text-xs text-neutral-600">Earlier changes are not shown.</p> : null}
    </>
  );
}
