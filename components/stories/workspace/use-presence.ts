"use client";

import { useEffect, useMemo, useState } from "react";
import { sendPresence } from "./api";
import type { StoryStore } from "./story-store";
import type { PresenceUser } from "@/lib/schemas/workspace";
import { useStoryState } from "./use-story-state";

const PRESENCE_HEARTBEAT_MS = 10_000;

/**
 * Who else is in the story and which fact each has selected; tells the server which fact this
 * editor has selected, again every heartbeat so a lost message is repaired. `setUsers` takes
 * the live feed's presence events.
 */
export function usePresence(store: StoryStore, storyId: string, meId: string) {
  const [users, setUsers] = useState<PresenceUser[]>([]);
  const selectedId = useStoryState(store, (snapshot) => snapshot.selectedId);
  useEffect(() => {
    sendPresence(storyId, selectedId);
    const timer = setInterval(() => sendPresence(storyId, selectedId), PRESENCE_HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [selectedId, storyId]);
  const others = useMemo(() => users.filter((user) => user.id !== meId), [users, meId]);
  const editorsByFact = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const user of others) if (user.factId) map.set(user.factId, [...(map.get(user.factId) ?? []), user.name]);
    return map;
  }, [others]);
  return { others, editorsByFact, setUsers };
}
