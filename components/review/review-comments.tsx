"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CONTROL, SMALL_BUTTON } from "@/components/ui/control";
import { readError } from "@/lib/client/read-error";
import { formatUtc } from "@/lib/domain/dates";
import type { TReviewComment } from "@/lib/schemas/review";
import { useCommentTarget } from "./comment-target";

export interface CommentableFact {
  factId: string;
  number: number;
  text: string;
}

interface ReviewCommentsProps {
  storyId: string;
  revisionId: string;
  facts: CommentableFact[];
  initial: TReviewComment[];
  canComment: boolean;
}

async function send(url: string, method: "POST" | "PATCH", body: unknown): Promise<string | null> {
  try {
    const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (response.ok) return null;
    return await readError(response);
  } catch {
    return "The server could not be reached; nothing was sent. Try again.";
  }
}

/**
 * Review comments on one revision: anchored to a fact and to words in it, threaded, resolvable,
 * optionally blocking publication; `@Name` or `@email` notifies that person.
 */
export function ReviewComments({ storyId, revisionId, facts, initial, canComment }: ReviewCommentsProps) {
  const router = useRouter();
  const url = `/api/v1/stories/${encodeURIComponent(storyId)}/revisions/${encodeURIComponent(revisionId)}/comments`;
  const [comments, setComments] = useState(initial);
  const [showResolved, setShowResolved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const [factId, setFactId] = useState("");
  const [quote, setQuote] = useState("");
  const [body, setBody] = useState("");
  const [blocking, setBlocking] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const formId = useId();

  // "Comment" on a fact in the diff points this form at it (and at the words selected there).
  const { target } = useCommentTarget();
  const [appliedTarget, setAppliedTarget] = useState(0);
  if (target && target.nonce !== appliedTarget) {
    setAppliedTarget(target.nonce);
    setFactId(target.factId);
    setQuote(target.quote);
  }
  useEffect(() => {
    if (!target) return;
    bodyRef.current?.scrollIntoView({ block: "center" });
    bodyRef.current?.focus();
  }, [target]);

  const numberOf = (id: string | null) => facts.find((fact) => fact.factId === id)?.number ?? null;
  const quoted = (comment: TReviewComment) => {
    const fact = facts.find((candidate) => candidate.factId === comment.factId);
    return fact && comment.rangeStart !== null && comment.rangeEnd !== null ? fact.text.slice(comment.rangeStart, comment.rangeEnd) : null;
  };

  async function reload() {
    try {
      const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
      if (response.ok) setComments(((await response.json()) as { comments: TReviewComment[] }).comments);
    } finally {
      // The checklist (open blocking comments) is rendered on the server.
      router.refresh();
    }
  }

  async function run(action: () => Promise<string | null>): Promise<boolean> {
    setPending(true);
    setError(null);
    const refused = await action();
    setPending(false);
    if (refused) {
      setError(refused);
      return false;
    }
    await reload();
    return true;
  }

  async function submit() {
    const fact = facts.find((candidate) => candidate.factId === factId);
    let range: { start: number; end: number } | undefined;
    if (quote.trim()) {
      const start = fact ? fact.text.indexOf(quote.trim()) : -1;
      if (!fact || start < 0) {
        setError(fact ? `Those words are not in Fact ${fact.number} as it stands: quote them exactly, or leave the quote empty.` : "Choose the fact the quoted words are from.");
        return;
      }
      range = { start, end: start + quote.trim().length };
    }
    const sent = await run(() => send(url, "POST", { body, blocking, ...(fact ? { factId: fact.factId } : {}), ...(range ? { range } : {}) }));
    if (sent) {
      setBody("");
      setQuote("");
      setBlocking(false);
    }
  }

  const roots = comments.filter((comment) => comment.parentId === null);
  const open = roots.filter((comment) => !comment.resolvedAt);
  const shown = showResolved ? roots : open;

  return (
    <section aria-labelledby="comments-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-4">
        <h2 id="comments-heading" className="text-lg font-semibold">
          Comments <span className="text-sm font-normal text-neutral-600">({open.length} open{open.some((c) => c.blocking) ? `, ${open.filter((c) => c.blocking).length} blocking` : ""})</span>
        </h2>
        {roots.length > open.length ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} />
            Show resolved ({roots.length - open.length})
          </label>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {shown.length === 0 ? <p className="text-sm text-neutral-600">{roots.length === 0 ? "No comments yet." : "No open comments."}</p> : null}
      <ol aria-label="Comment threads" className="space-y-3">
        {shown.map((comment) => (
          <CommentThread
            key={comment.id}
            comment={comment}
            replies={comments.filter((reply) => reply.parentId === comment.id)}
            factNumber={numberOf(comment.factId)}
            quote={quoted(comment)}
            canComment={canComment}
            pending={pending}
            onReply={(text) => run(() => send(url, "POST", { body: text, parentId: comment.id, ...(comment.factId ? { factId: comment.factId } : {}) }))}
            onResolve={(resolved) => run(() => send(`${url}/${encodeURIComponent(comment.id)}`, "PATCH", { resolved }))}
          />
        ))}
      </ol>

      {canComment ? (
        <form
          aria-label="New comment"
          className="space-y-2 rounded border border-neutral-200 bg-white p-3"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <h3 className="text-sm font-semibold">New comment</h3>
          <div className="flex flex-wrap gap-3">
            <label htmlFor={`${formId}-fact`} className="text-sm font-medium">
              About
              <select id={`${formId}-fact`} value={factId} onChange={(event) => setFactId(event.target.value)} className={`mt-1 block max-w-md ${CONTROL} font-normal`}>
                <option value="">The story as a whole</option>
                {facts.map((fact) => (
                  <option key={fact.factId} value={fact.factId}>
                    Fact {fact.number}: {fact.text.length > 60 ? `${fact.text.slice(0, 59)}…` : fact.text}
                  </option>
                ))}
              </select>
            </label>
            <label htmlFor={`${formId}-quote`} className="min-w-64 flex-1 text-sm font-medium">
              Words in the fact (optional)
              <input
                id={`${formId}-quote`}
                value={quote}
                onChange={(event) => setQuote(event.target.value)}
                disabled={!factId}
                placeholder={factId ? "Quote the words this is about" : "Choose a fact first"}
                className={`mt-1 block w-full ${CONTROL} font-normal`}
              />
            </label>
          </div>
          <label htmlFor={`${formId}-body`} className="block text-sm font-medium">
            Comment
            <textarea
              id={`${formId}-body`}
              ref={bodyRef}
              value={body}
              onChange={(event) => setBody(event.target.value)}
              rows={3}
              placeholder="@Name or @email notifies a colleague"
              className={`mt-1 block w-full ${CONTROL} font-normal`}
            />
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={blocking} onChange={(event) => setBlocking(event.target.checked)} />
            Blocking: holds publication until resolved
          </label>
          <Button type="submit" disabled={pending || !body.trim()}>
            {pending ? "Sending…" : "Add comment"}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

function CommentThread({
  comment,
  replies,
  factNumber,
  quote,
  canComment,
  pending,
  onReply,
  onResolve,
}: {
  comment: TReviewComment;
  replies: TReviewComment[];
  factNumber: number | null;
  quote: string | null;
  canComment: boolean;
  pending: boolean;
  onReply: (text: string) => Promise<boolean>;
  onResolve: (resolved: boolean) => Promise<boolean>;
}) {
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState("");
  const replyId = useId();
  const about = comment.factId ? (factNumber !== null ? `on Fact ${factNumber}` : "on a fact no longer in this revision") : "on the story";
  return (
    <li aria-label={`Comment by ${comment.authorName} ${about}`} className={`rounded border p-3 text-sm ${comment.resolvedAt ? "border-neutral-200 bg-neutral-50 text-neutral-600" : comment.blocking ? "border-red-300 bg-red-50/40" : "border-neutral-200 bg-white"}`}>
      <p className="text-xs text-neutral-600">
        <span className="font-medium text-neutral-900">{comment.authorName}</span> {about} · <time dateTime={comment.createdAt}>{formatUtc(comment.createdAt)}</time>
        {comment.blocking ? <span className="ml-2 rounded bg-red-100 px-1 text-red-900">blocking</span> : null}
        {comment.resolvedAt ? <span className="ml-2 rounded bg-green-100 px-1 text-green-900">resolved</span> : null}
      </p>
      {quote ? <blockquote className="mt-1 border-l-2 border-neutral-300 pl-2 font-serif italic">{quote}</blockquote> : null}
      <p className="mt-1 whitespace-pre-wrap">{comment.body}</p>
      {replies.length > 0 ? (
        <ol aria-label="Replies" className="mt-2 space-y-1 border-l-2 border-neutral-200 pl-3">
          {replies.map((answer) => (
            <li key={answer.id}>
              <span className="font-medium">{answer.authorName}</span>: <span className="whitespace-pre-wrap">{answer.body}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {canComment ? (
        <div className="mt-2 flex flex-wrap items-start gap-2">
          {!comment.resolvedAt ? (
            <button type="button" className={SMALL_BUTTON} onClick={() => setReplying(!replying)} aria-expanded={replying}>
              Reply
            </button>
          ) : null}
          {/* Resolving a blocking comment is for its author and reviewers (the server decides; this only avoids offering a refusal). */}
          {comment.resolvedAt || comment.canResolve ? (
            <button type="button" className={SMALL_BUTTON} disabled={pending} onClick={() => void onResolve(!comment.resolvedAt)}>
              {comment.resolvedAt ? "Reopen" : "Resolve"}
            </button>
          ) : null}
        </div>
      ) : null}
      {replying ? (
        <form
          className="mt-2 flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            void onReply(reply).then((sent) => {
              if (!sent) return;
              setReply("");
              setReplying(false);
            });
          }}
        >
          <label htmlFor={replyId} className="sr-only">
            Reply to {comment.authorName}
          </label>
          <input id={replyId} value={reply} onChange={(event) => setReply(event.target.value)} className={`flex-1 ${CONTROL}`} />
          <button type="submit" className={SMALL_BUTTON} disabled={pending || !reply.trim()}>
            Send reply
          </button>
        </form>
      ) : null}
    </li>
  );
}
