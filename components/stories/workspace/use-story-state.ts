"use client";

import { useState, useSyncExternalStore } from "react";
import type { StorySnapshot, StoryStore } from "./story-store";

/**
 * Remembers the last slice taken from a snapshot, so that a selector building a new object (or
 * array) every time still hands React the same value while the slice is equal: React then
 * skips the re-render. A new selector (one closing over new props) is always run again.
 */
export function selectionMemo<T>(): (snapshot: StorySnapshot, selector: (snapshot: StorySnapshot) => T, isEqual: (a: T, b: T) => boolean) => T {
  let last: { snapshot: StorySnapshot; selector: (snapshot: StorySnapshot) => T; value: T } | null = null;
  return (snapshot, selector, isEqual) => {
    if (last && last.snapshot === snapshot && last.selector === selector) return last.value;
    const selected = selector(snapshot);
    const value = last && isEqual(last.value, selected) ? last.value : selected;
    last = { snapshot, selector, value };
    return value;
  };
}

/**
 * A slice of the story store: the component re-renders only when `isEqual` says the slice
 * changed (like tiptap's `useEditorState`).
 */
export function useStoryState<T>(store: StoryStore, selector: (snapshot: StorySnapshot) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  // Keyed by snapshot, so it stays right even if the component is handed another store.
  const [memo] = useState(() => selectionMemo<T>());
  const select = () => memo(store.getSnapshot(), selector, isEqual);
  return useSyncExternalStore(store.subscribe, select, select);
}

/** Equal when both have the same keys with identical values (one level deep). */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keysA = Object.keys(a) as (keyof T)[];
  return keysA.length === Object.keys(b).length && keysA.every((key) => Object.is(a[key], b[key]));
}
