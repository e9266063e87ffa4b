"use client";

import { useEffect } from "react";
import { eventsUrl } from "./api";
import type { StoryStore } from "./story-store";
import type { PresenceMessage, PresenceUser, StoryChange } from "@/lib/schemas/workspace";

/** Others' changes and presence, by Server-Sent Events: a change makes the store fetch the story again. */
export function useLiveFeed(store: StoryStore, storyId: string, onPresence: (users: PresenceUser[]) => void): void {
  useEffect(() => {
    const source = new EventSource(eventsUrl(storyId));
    let stale = false;
    const refresh = async (attempt = 0): Promise<void> => {
      const fetched = await store.refresh();
      // A failed re-fetch would leave someone's change unseen until the next event: try again.
      if (!fetched && !stale && attempt < 4) setTimeout(() => void refresh(attempt + 1), 1_000 * (attempt + 1));
    };
    source.addEventListener("change", (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as StoryChange;
      if (store.receiveChange(change)) void refresh();
    });
    source.addEventListener("presence", (event) => {
      onPresence((JSON.parse((event as MessageEvent<string>).data) as PresenceMessage).users);
    });
    // Changes may have landed between the server render and the stream opening, or while a
    // dropped connection was down: catch up whenever the stream (re)opens.
    source.addEventListener("open", () => void refresh());
    return () => {
      stale = true;
      source.close();
    };
  }, [store, storyId, onPresence]);
}
