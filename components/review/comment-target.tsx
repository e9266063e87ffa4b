"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

/** The fact (and words in it) a reviewer chose to comment on from the diff. */
export interface CommentTarget {
  factId: string;
  quote: string;
  /** Bumped on every choice, so choosing the same fact again still brings the form into focus. */
  nonce: number;
}

const CommentTargetContext = createContext<{ target: CommentTarget | null; choose: (factId: string, quote: string) => void } | null>(null);

/** Lets the diff's "Comment" buttons point the comment form at a fact. */
export function CommentTargetProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<CommentTarget | null>(null);
  const choose = (factId: string, quote: string) => setTarget((current) => ({ factId, quote, nonce: (current?.nonce ?? 0) + 1 }));
  return <CommentTargetContext.Provider value={{ target, choose }}>{children}</CommentTargetContext.Provider>;
}

export function useCommentTarget() {
  const context = useContext(CommentTargetContext);
  if (!context) throw new Error("useCommentTarget needs a CommentTargetProvider above it.");
  return context;
}
