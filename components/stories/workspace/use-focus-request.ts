"use client";

import { useEffect } from "react";
import type { StoryStore } from "./story-store";
import { useStoryState } from "./use-story-state";

/**
 * Moves the keyboard focus where the store asks once an edit is on screen: into a new fact's
 * text (scrolled into view), or back onto the Move button of a fact that moved (its text, when
 * that button is now disabled at the story's edge), so the editor carries on where they were.
 */
export function useFocusRequest(store: StoryStore): void {
  const focus = useStoryState(store, (snapshot) => snapshot.focus);
  useEffect(() => {
    if (!focus) return;
    const row = document.querySelector<HTMLElement>(`[data-fact-id="${CSS.escape(focus.factId)}"]`);
    if (!row) return;
    const button = focus.control === "text" ? null : row.querySelector<HTMLButtonElement>(`[data-action="${focus.control}"]`);
    const target: HTMLElement | null = button && !button.disabled ? button : row.querySelector("textarea");
    if (!target) return;
    target.scrollIntoView({ block: focus.control === "text" ? "center" : "nearest" });
    target.focus({ preventScroll: true });
  }, [focus]);
}
