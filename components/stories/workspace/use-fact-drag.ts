"use client";

import { useCallback, useRef, useState } from "react";
import type { DropPosition } from "@/lib/domain/story";
import type { StoryStore } from "./story-store";

export interface DropTarget {
  factId: string;
  position: DropPosition;
}

/** Dragging a fact by its handle: which fact is dragged, where it would land, and the move on drop. */
export function useFactDrag(store: StoryStore) {
  const dragging = useRef<string | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  const onDragFact = useCallback((factId: string | null) => {
    dragging.current = factId;
    if (factId === null) setDropTarget(null);
  }, []);
  const onDragOverFact = useCallback((factId: string, position: DropPosition | null) => {
    const dragged = dragging.current;
    const next = position === null || dragged === null || dragged === factId ? null : { factId, position };
    setDropTarget((current) => (current?.factId === next?.factId && current?.position === next?.position ? current : next));
  }, []);
  const onDropOnFact = useCallback(
    (targetFactId: string, position: DropPosition) => {
      const dragged = dragging.current;
      dragging.current = null;
      setDropTarget(null);
      if (dragged) store.moveNextTo(dragged, targetFactId, position);
    },
    [store],
  );
  return { dropTarget, onDragFact, onDragOverFact, onDropOnFact };
}
