"use client";

import { useEffect } from "react";
import type { StoryStore } from "./story-store";

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Ctrl/⌘+Z undoes a story edit, Ctrl/⌘+Shift+Z or Ctrl/⌘+Y redoes it, outside text fields. */
export function useUndoShortcuts(store: StoryStore, canEdit: boolean): void {
  useEffect(() => {
    if (!canEdit) return;
    const onKey = (event: KeyboardEvent) => {
      // In a text field the browser's own undo applies to the typing.
      if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) store.undo();
      else if ((key === "z" && event.shiftKey) || key === "y") store.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit, store]);
}
