"use client";

import { useEffect, useState } from "react";
import { browserStorage } from "./pending";
import { httpWorkspaceServer } from "./api";
import { StoryStore } from "./story-store";
import type { WorkspaceData } from "@/lib/schemas/workspace";

/** The page's one story store: it resends what an earlier visit left, and queues typing before the page goes away. */
export function useWorkspaceStore(initial: WorkspaceData): StoryStore {
  const [store] = useState(() => new StoryStore(initial, { server: httpWorkspaceServer(initial.story.id), storage: browserStorage(), historyStorage: browserStorage("sessionStorage") }));
  useEffect(() => {
    store.start();
    window.addEventListener("pagehide", store.flushAll);
    return () => {
      window.removeEventListener("pagehide", store.flushAll);
      store.dispose();
    };
  }, [store]);
  return store;
}
