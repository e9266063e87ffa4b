"use client";

/**
 * The story workspace: a consolidated story edited as small versioned operations.
 *
 * The server's document is the truth; the only local, optimistic state is typed text
 * (`drafts`, per fact, and the headline/standfirst draft). Structural edits (move, merge,
 * split, sources) are sent and shown once the server applied them, so the client never has
 * to reconcile a guessed structure with someone else's. Every change goes through one save
 * queue, sent one batch at a time and mirrored in localStorage, so order is kept, a network
 * failure loses nothing, and the next visit resends what was left.
 */
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  canRedo,
  canUndo,
  citedTexts,
  createHistory,
  creditLine,
  dropRedo,
  dropUndo,
  factBadges,
  leftOutSentences,
  moveFactNextTo,
  pushApplied,
  redo as redoStep,
  sourceMarks,
  undo as undoStep,
  unsupportedMentions,
  wireLabel,
  type DropPosition,
  type FactDiscrepancy,
  type SourceRef,
  type StoryDocument,
  type StoryFact,
  type StoryHistory,
  type StoryOperation,
  type UnsupportedMention,
} from "@/lib/domain/story";
import type { Proposal } from "@/lib/domain/story/proposals";
import { factKey, META_KEY } from "@/lib/domain/story/versions";
import { dismissProposalSources, eventsUrl, fetchProposals, fetchWorkspace, sendPresence, submitOperations } from "./api";
import { FactRow } from "./fact-row";
import { Inspector } from "./inspector";
import { LeftOutPanel } from "./left-out-panel";
import { ProposalsPanel } from "./proposals-panel";
import { loadPending, newId, relabelOperation, relabelVersion, savePending, versionMoves, type PendingBatch } from "./pending";
import { SourcesPane } from "./sources-pane";
import type { ChangeEvent, OperationsResponse, PresenceUser, WorkspaceData, WorkspaceSentence, WorkspaceWire } from "./types";

/** Typed text waits this long for a pause before it is saved. */
const SAVE_DELAY_MS = 600;
/** Proposals are asked for again this long after the story last changed. */
const PROPOSALS_REFRESH_MS = 400;
const RETRY_MS = 3_000;
const PRESENCE_HEARTBEAT_MS = 10_000;

interface Draft {
  text: string;
  /** The version of the fact the typing started from: the edit is based on it. */
  baseVersion: number;
}

interface MetaDraft {
  headline?: string;
  standfirst?: string;
  baseMetaVersion: number;
}

interface FactConflict {
  yours: string;
  /** The fact as it is now on the server; null when someone deleted it. */
  theirs: StoryFact | null;
  reason: string;
}

type SaveStatus = "saved" | "saving" | "offline";

interface FactPlace {
  fact: StoryFact;
  paragraphIndex: number;
  index: number;
  /** 1-based position in reading order. */
  number: number;
}

function factPlaces(doc: StoryDocument): Map<string, FactPlace> {
  const places = new Map<string, FactPlace>();
  let number = 0;
  doc.paragraphs.forEach((paragraph, paragraphIndex) =>
    paragraph.facts.forEach((fact, index) => places.set(fact.id, { fact, paragraphIndex, index, number: ++number })),
  );
  return places;
}

const NO_NAMES: string[] = [];

/** "AFP 3: 1,200 kilometers; AP 1: Wednesday": each wire that disputes the fact, with what it states. */
function disputedByText(fact: StoryFact, wires: WorkspaceWire[]): string {
  const byWire = new Map<string, string[]>();
  for (const d of fact.disputedBy ?? []) {
    const values = byWire.get(d.wireStoryId) ?? [];
    if (!values.includes(d.value)) values.push(d.value);
    byWire.set(d.wireStoryId, values);
  }
  return [...byWire].map(([id, values]) => `${wireLabel(wires, id)}: ${values.join(", ")}`).join("; ");
}

/**
 * "Not in sources" checks tokenise the fact and its source sentences; typing re-renders the
 * whole story, so results are remembered per text and sources (bounded, oldest dropped first).
 */
const mentionCache = new Map<string, UnsupportedMention[]>();
const MENTION_CACHE_SIZE = 500;
function mentionsNotInSources(text: string, sourceTexts: string[]): UnsupportedMention[] {
  const key = `${text}\u0000${sourceTexts.join("\u0001")}`;
  const cached = mentionCache.get(key);
  if (cached) return cached;
  const result = unsupportedMentions(text, sourceTexts);
  if (mentionCache.size >= MENTION_CACHE_SIZE) mentionCache.delete(mentionCache.keys().next().value!);
  mentionCache.set(key, result);
  return result;
}

function hasQueuedText(queue: readonly PendingBatch[], factId: string): boolean {
  return queue.some((batch) => batch.ops.some((op) => op.type === "editText" && op.factId === factId));
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function StoryWorkspace({ initial }: { initial: WorkspaceData }) {
  const storyId = initial.story.id;
  const [data, setData] = useState(initial);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [metaDraft, setMetaDraft] = useState<MetaDraft | null>(null);
  const [queue, setQueue] = useState<PendingBatch[]>([]);
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [history, setHistory] = useState<StoryHistory>(() => createHistory());
  const [conflicts, setConflictsState] = useState<Record<string, FactConflict>>({});
  const [metaConflict, setMetaConflictState] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [presence, setPresence] = useState<PresenceUser[]>([]);
  const [adding, setAdding] = useState(false);

  // Refs mirror the state the save loop reads, so the loop (an async callback that outlives
  // renders) always sees the latest values.
  const dataRef = useRef(data);
  const draftsRef = useRef(drafts);
  const metaDraftRef = useRef(metaDraft);
  const queueRef = useRef<PendingBatch[]>([]);
  const historyRef = useRef(history);
  const conflictsRef = useRef(conflicts);
  const metaConflictRef = useRef(metaConflict);
  const sendingRef = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const cursors = useRef(new Map<string, number>());
  const ownEvents = useRef(new Set<string>());
  const pumpRef = useRef<() => void>(() => undefined);

  const canEdit = data.canEdit;
  const doc = data.document;
  const places = useMemo(() => factPlaces(doc), [doc]);
  const wireText = useMemo(() => new Map(data.wires.map((wire) => [wire.id, wire.text])), [data.wires]);
  const sourceInfo = useMemo(() => data.wires.map(({ id, agency, headline, date }) => ({ id, agency, headline, date })), [data.wires]);

  const updateDrafts = useCallback((next: Record<string, Draft>) => {
    draftsRef.current = next;
    setDrafts(next);
  }, []);
  const updateMetaDraft = useCallback((next: MetaDraft | null) => {
    metaDraftRef.current = next;
    setMetaDraft(next);
  }, []);
  const setConflicts = useCallback((next: Record<string, FactConflict>) => {
    conflictsRef.current = next;
    setConflictsState(next);
  }, []);
  const setMetaConflict = useCallback((next: string | null) => {
    metaConflictRef.current = next;
    setMetaConflictState(next);
  }, []);
  const updateHistory = useCallback((next: StoryHistory) => {
    historyRef.current = next;
    setHistory(next);
  }, []);
  const updateQueue = useCallback(
    (next: PendingBatch[]) => {
      queueRef.current = next;
      setQueue(next);
      savePending(storyId, dataRef.current.revision.id, next);
    },
    [storyId],
  );

  /** Takes a document from the server, unless we already hold a newer one. */
  const acceptDocument = useCallback(
    (document: StoryDocument, contentVersion: number | null, extra?: Partial<WorkspaceData>) => {
      const current = dataRef.current;
      if (contentVersion !== null && contentVersion < current.revision.contentVersion) return;
      const next: WorkspaceData = {
        ...current,
        ...extra,
        document,
        revision: { ...current.revision, ...extra?.revision, contentVersion: contentVersion ?? current.revision.contentVersion },
      };
      dataRef.current = next;
      setData(next);
      // Typing that the server now holds verbatim has nothing left to save.
      const facts = factPlaces(document);
      const remaining = Object.entries(draftsRef.current).filter(([id, draft]) => facts.get(id)?.fact.text !== draft.text || hasQueuedText(queueRef.current, id));
      if (remaining.length !== Object.keys(draftsRef.current).length) updateDrafts(Object.fromEntries(remaining));
    },
    [updateDrafts],
  );

  const enqueue = useCallback(
    (batch: PendingBatch) => {
      updateQueue([...queueRef.current, batch]);
      pumpRef.current();
    },
    [updateQueue],
  );

  // --- The save loop -------------------------------------------------------------------

  const handleApplied = useCallback(
    (batch: PendingBatch, response: Extract<OperationsResponse, { status: "applied" }>) => {
      ownEvents.current.add(response.eventId);
      const moves = versionMoves(batch.ops, response.document);
      const setMeta = batch.ops.find((op) => op.type === "setMeta");
      // Work queued behind this batch was based on the versions it just replaced.
      updateQueue(queueRef.current.map((queued) => ({ ...queued, ops: queued.ops.map((op) => relabelOperation(op, moves)) })));

      const saved = new Map(batch.ops.flatMap((op) => (op.type === "editText" ? [[op.factId, op.text] as const] : [])));
      const nextDrafts: Record<string, Draft> = {};
      for (const [id, draft] of Object.entries(draftsRef.current)) {
        if (saved.get(id) === draft.text) continue;
        nextDrafts[id] = { ...draft, baseVersion: relabelVersion(moves, factKey(id), draft.baseVersion) };
      }
      updateDrafts(nextDrafts);
      const meta = metaDraftRef.current;
      if (meta && setMeta) {
        const next: MetaDraft = { ...meta, baseMetaVersion: relabelVersion(moves, META_KEY, meta.baseMetaVersion) };
        if (setMeta.headline !== undefined && next.headline === setMeta.headline) delete next.headline;
        if (setMeta.standfirst !== undefined && next.standfirst === setMeta.standfirst) delete next.standfirst;
        updateMetaDraft(next.headline === undefined && next.standfirst === undefined ? null : next);
      }

      if (batch.origin === "edit") updateHistory(pushApplied(historyRef.current, batch.ops, response.inverse));
      else if (batch.nextHistory) updateHistory(batch.nextHistory);
      acceptDocument(response.document, response.contentVersion);
    },
    [acceptDocument, updateDrafts, updateHistory, updateMetaDraft, updateQueue],
  );

  const handleConflict = useCallback(
    (batch: PendingBatch, response: Extract<OperationsResponse, { status: "conflict" }>) => {
      const { conflict, current } = response;
      const currentById = new Map(current.facts.map((fact) => [fact.id, fact]));
      const textEdits = batch.ops.filter((op) => op.type === "editText");
      if (batch.origin !== "edit") {
        if (batch.previousHistory) updateHistory(batch.origin === "undo" ? dropUndo(batch.previousHistory) : dropRedo(batch.previousHistory));
        setNotice(`Could not ${batch.origin}: ${conflict.reason}. Someone else has changed this since.`);
      } else if (textEdits.length === batch.ops.length && textEdits.length > 0) {
        const nextConflicts = { ...conflictsRef.current };
        const nextDrafts = { ...draftsRef.current };
        for (const op of textEdits) {
          if (!conflict.factIds.includes(op.factId)) continue;
          const theirs = currentById.get(op.factId) ?? null;
          // A resend after a lost answer: the server already has exactly this text.
          if (theirs && theirs.text === op.text) {
            if (nextDrafts[op.factId]?.text === op.text) delete nextDrafts[op.factId];
            continue;
          }
          nextConflicts[op.factId] = { yours: draftsRef.current[op.factId]?.text ?? op.text, theirs, reason: conflict.reason };
        }
        updateDrafts(nextDrafts);
        setConflicts(nextConflicts);
      } else if (conflict.kind === "meta" && metaDraftRef.current) {
        setMetaConflict(conflict.reason);
      } else {
        setNotice(`Not applied: ${conflict.reason}.`);
      }
      acceptDocument(response.document, null);
    },
    [acceptDocument, setConflicts, setMetaConflict, updateDrafts, updateHistory],
  );

  const pump = useCallback(async () => {
    if (sendingRef.current) return;
    if (retryTimer.current) {
      clearTimeout(retryTimer.current);
      retryTimer.current = null;
    }
    const batch = queueRef.current[0];
    if (!batch) return;
    sendingRef.current = true;
    setStatus((previous) => (previous === "offline" ? previous : "saving"));
    const outcome = await submitOperations(storyId, dataRef.current.revision.id, batch.ops);
    sendingRef.current = false;
    if (outcome.kind === "network") {
      setStatus("offline");
      retryTimer.current = setTimeout(() => pumpRef.current(), RETRY_MS);
      return;
    }
    updateQueue(queueRef.current.filter((queued) => queued.id !== batch.id));
    if (outcome.kind === "refused") {
      if (batch.previousHistory) updateHistory(batch.origin === "undo" ? dropUndo(batch.previousHistory) : dropRedo(batch.previousHistory));
      setNotice(outcome.message);
    } else if (outcome.response.status === "applied") {
      handleApplied(batch, outcome.response);
    } else {
      handleConflict(batch, outcome.response);
    }
    setStatus(queueRef.current.length > 0 ? "saving" : "saved");
    if (queueRef.current.length > 0) void pumpRef.current();
  }, [handleApplied, handleConflict, storyId, updateHistory, updateQueue]);

  useEffect(() => {
    pumpRef.current = () => void pump();
  }, [pump]);

  // Resend what an earlier visit could not save, and show its text meanwhile.
  useEffect(() => {
    const pending = loadPending(storyId, initial.revision.id);
    if (pending.length === 0) return;
    const restored: Record<string, Draft> = {};
    for (const batch of pending) for (const op of batch.ops) if (op.type === "editText") restored[op.factId] = { text: op.text, baseVersion: op.baseVersion };
    queueMicrotask(() => {
      updateDrafts({ ...restored, ...draftsRef.current });
      updateQueue([...pending, ...queueRef.current]);
      pumpRef.current();
    });
  }, [initial.revision.id, storyId, updateDrafts, updateQueue]);

  // --- Text editing ----------------------------------------------------------------------

  /** Queues the typed text of a fact (now: on blur, before a structural edit, or after a pause). */
  const flushFact = useCallback(
    (factId: string) => {
      const timer = saveTimers.current.get(factId);
      if (timer) clearTimeout(timer);
      saveTimers.current.delete(factId);
      const draft = draftsRef.current[factId];
      const fact = factPlaces(dataRef.current.document).get(factId)?.fact;
      // While a conflict is open the editor decides; nothing is sent behind their back.
      if (!draft || !fact || conflictsRef.current[factId]) return;
      const queued = queueRef.current;
      // The last queued text for this fact, if any: nothing new to send when it is the same.
      const lastQueued = [...queued].reverse().flatMap((b) => b.ops).find((op) => op.type === "editText" && op.factId === factId);
      if (lastQueued?.type === "editText" ? lastQueued.text === draft.text : fact.text === draft.text) return;
      if (draft.text.trim() === "") return; // An empty fact is refused; Delete removes a fact.
      // Coalesce with a text edit still waiting in the queue (not the one in flight).
      const waitingIndex = queued.findIndex(
        (b, index) => !(index === 0 && sendingRef.current) && b.origin === "edit" && b.ops.length === 1 && b.ops[0]!.type === "editText" && b.ops[0]!.factId === factId,
      );
      if (waitingIndex >= 0) {
        const waiting = queued[waitingIndex]!;
        const op = waiting.ops[0] as Extract<StoryOperation, { type: "editText" }>;
        updateQueue(queued.map((b, index) => (index === waitingIndex ? { ...waiting, ops: [{ ...op, text: draft.text }] } : b)));
        return;
      }
      enqueue({ id: newId(), origin: "edit", ops: [{ type: "editText", factId, baseVersion: draft.baseVersion, text: draft.text }] });
    },
    [enqueue, updateQueue],
  );

  const flushAll = useCallback(() => {
    for (const factId of Object.keys(draftsRef.current)) flushFact(factId);
  }, [flushFact]);

  const onText = useCallback(
    (factId: string, text: string) => {
      const fact = factPlaces(dataRef.current.document).get(factId)?.fact;
      if (!fact) return;
      const existing = draftsRef.current[factId];
      updateDrafts({ ...draftsRef.current, [factId]: { text, baseVersion: existing?.baseVersion ?? fact.version } });
      const timer = saveTimers.current.get(factId);
      if (timer) clearTimeout(timer);
      saveTimers.current.set(
        factId,
        setTimeout(() => flushFact(factId), SAVE_DELAY_MS),
      );
    },
    [flushFact, updateDrafts],
  );

  const onCursor = useCallback((factId: string, position: number) => {
    cursors.current.set(factId, position);
  }, []);

  // --- Headline and standfirst -----------------------------------------------------------

  const metaTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flushMeta = useCallback(() => {
    if (metaTimer.current) clearTimeout(metaTimer.current);
    metaTimer.current = null;
    const meta = metaDraftRef.current;
    if (!meta || metaConflictRef.current) return;
    const current = dataRef.current.document;
    const op: StoryOperation = { type: "setMeta", baseMetaVersion: meta.baseMetaVersion };
    if (meta.headline !== undefined && meta.headline !== current.headline) op.headline = meta.headline;
    if (meta.standfirst !== undefined && meta.standfirst !== current.standfirst) op.standfirst = meta.standfirst;
    if (op.headline === undefined && op.standfirst === undefined) return;
    const lastQueued = [...queueRef.current].reverse().flatMap((b) => b.ops).find((queued) => queued.type === "setMeta");
    if (lastQueued?.type === "setMeta" && lastQueued.headline === op.headline && lastQueued.standfirst === op.standfirst) return;
    enqueue({ id: newId(), origin: "edit", ops: [op] });
  }, [enqueue]);

  const onMeta = (field: "headline" | "standfirst", value: string) => {
    const meta = metaDraftRef.current ?? { baseMetaVersion: dataRef.current.document.metaVersion };
    updateMetaDraft({ ...meta, [field]: value });
    if (metaTimer.current) clearTimeout(metaTimer.current);
    metaTimer.current = setTimeout(flushMeta, SAVE_DELAY_MS);
  };

  // --- Structural edits ------------------------------------------------------------------

  /** A fact's base for an operation: the version our own typing is based on, if any. */
  const baseOf = useCallback((fact: StoryFact) => draftsRef.current[fact.id]?.baseVersion ?? fact.version, []);

  const send = useCallback(
    (ops: StoryOperation[]) => {
      // Typing goes first, so the structural edit applies to the text the editor sees.
      flushAll();
      enqueue({ id: newId(), origin: "edit", ops });
    },
    [enqueue, flushAll],
  );

  const onMove = useCallback(
    (factId: string, direction: "up" | "down") => {
      const current = dataRef.current.document;
      const place = factPlaces(current).get(factId);
      if (!place) return;
      const paragraph = current.paragraphs[place.paragraphIndex]!;
      const base = { factId, baseVersion: baseOf(place.fact) };
      const ops: StoryOperation[] = [];
      // Each step swaps the fact with its neighbour in reading order; at a paragraph's edge it
      // crosses into the next paragraph past that paragraph's first (or last) fact, so a click
      // always changes what the reader sees.
      if (direction === "up") {
        if (place.index > 0) ops.push({ type: "moveFact", ...base, toParagraphId: paragraph.id, afterFactId: paragraph.facts[place.index - 2]?.id ?? null });
        else {
          const previous = current.paragraphs[place.paragraphIndex - 1];
          if (!previous) return;
          ops.push({ type: "moveFact", ...base, toParagraphId: previous.id, afterFactId: previous.facts[previous.facts.length - 2]?.id ?? null });
        }
      } else if (place.index < paragraph.facts.length - 1) {
        ops.push({ type: "moveFact", ...base, toParagraphId: paragraph.id, afterFactId: paragraph.facts[place.index + 1]!.id });
      } else {
        const next = current.paragraphs[place.paragraphIndex + 1];
        if (!next) return;
        ops.push({ type: "moveFact", ...base, toParagraphId: next.id, afterFactId: next.facts[0]?.id ?? null });
      }
      // Moving the last fact out of a paragraph would leave an empty one behind.
      if (paragraph.facts.length === 1) ops.push({ type: "removeEmptyParagraph", paragraphId: paragraph.id });
      send(ops);
    },
    [baseOf, send],
  );

  // Drag and drop: which fact is being dragged, and where it would land.
  const draggingRef = useRef<string | null>(null);
  const [dropTarget, setDropTarget] = useState<{ factId: string; position: DropPosition } | null>(null);
  const onDragFact = useCallback((factId: string | null) => {
    draggingRef.current = factId;
    if (factId === null) setDropTarget(null);
  }, []);
  const onDragOverFact = useCallback((factId: string, position: DropPosition | null) => {
    const dragged = draggingRef.current;
    const next = position === null || dragged === null || dragged === factId ? null : { factId, position };
    setDropTarget((current) => (current?.factId === next?.factId && current?.position === next?.position ? current : next));
  }, []);
  const onDropOnFact = useCallback(
    (targetFactId: string, position: DropPosition) => {
      const dragged = draggingRef.current;
      draggingRef.current = null;
      setDropTarget(null);
      if (!dragged) return;
      const current = dataRef.current.document;
      const place = factPlaces(current).get(dragged);
      if (!place) return;
      const ops = moveFactNextTo(current, dragged, baseOf(place.fact), targetFactId, position);
      if (ops.length > 0) send(ops);
    },
    [baseOf, send],
  );

  const nextFactOf = (factId: string): StoryFact | null => {
    const all = dataRef.current.document.paragraphs.flatMap((paragraph) => paragraph.facts);
    const index = all.findIndex((fact) => fact.id === factId);
    return index >= 0 ? (all[index + 1] ?? null) : null;
  };

  const onMerge = useCallback(
    (factId: string) => {
      const current = dataRef.current.document;
      const places = factPlaces(current);
      const first = places.get(factId)?.fact;
      const second = nextFactOf(factId);
      if (!first || !second) return;
      const ops: StoryOperation[] = [{ type: "mergeFacts", first: { factId, baseVersion: baseOf(first) }, second: { factId: second.id, baseVersion: baseOf(second) } }];
      const secondParagraph = current.paragraphs[places.get(second.id)!.paragraphIndex]!;
      if (secondParagraph.facts.length === 1) ops.push({ type: "removeEmptyParagraph", paragraphId: secondParagraph.id });
      send(ops);
    },
    [baseOf, send],
  );

  const onSplit = useCallback(
    (factId: string) => {
      const fact = factPlaces(dataRef.current.document).get(factId)?.fact;
      if (!fact) return;
      const text = draftsRef.current[factId]?.text ?? fact.text;
      const at = cursors.current.get(factId) ?? -1;
      const first = text.slice(0, at).trim();
      const second = text.slice(at).trim();
      if (at <= 0 || first === "" || second === "") {
        setNotice("Place the cursor inside the fact's text where it should be split.");
        return;
      }
      send([{ type: "splitFact", factId, baseVersion: baseOf(fact), newFactId: newId(), at: { first, second } }]);
    },
    [baseOf, send],
  );

  const onDelete = useCallback(
    (factId: string) => {
      const current = dataRef.current.document;
      const place = factPlaces(current).get(factId);
      if (!place) return;
      const paragraph = current.paragraphs[place.paragraphIndex]!;
      // The typing is thrown away with the fact; undo brings back the saved text.
      const timer = saveTimers.current.get(factId);
      if (timer) clearTimeout(timer);
      const { [factId]: _dropped, ...rest } = draftsRef.current;
      updateDrafts(rest);
      const ops: StoryOperation[] = [{ type: "deleteFact", factId, baseVersion: baseOf(place.fact) }];
      if (paragraph.facts.length === 1) ops.push({ type: "removeEmptyParagraph", paragraphId: paragraph.id });
      enqueue({ id: newId(), origin: "edit", ops });
      setSelectedId(null);
    },
    [baseOf, enqueue, updateDrafts],
  );

  /** Where a new fact goes: after the selected one, else at the end of the story. */
  const insertionPoint = useCallback((): { paragraphId: string; afterFactId: string | null } | null => {
    const current = dataRef.current.document;
    const place = selectedId ? factPlaces(current).get(selectedId) : undefined;
    if (place) return { paragraphId: current.paragraphs[place.paragraphIndex]!.id, afterFactId: place.fact.id };
    const last = current.paragraphs[current.paragraphs.length - 1];
    return last ? { paragraphId: last.id, afterFactId: last.facts[last.facts.length - 1]?.id ?? null } : null;
  }, [selectedId]);

  const addFact = useCallback(
    (text: string, sources: SourceRef[], note: string | null) => {
      const where = insertionPoint();
      if (!where) {
        const paragraphId = newId();
        send([
          { type: "addParagraph", paragraphId, afterParagraphId: null },
          { type: "addFact", factId: newId(), paragraphId, afterFactId: null, text, sources, ownReportingNote: note },
        ]);
        return;
      }
      send([{ type: "addFact", factId: newId(), ...where, text, sources, ownReportingNote: note }]);
    },
    [insertionPoint, send],
  );

  const onAddSentence = useCallback(
    (wire: WorkspaceWire, sentence: WorkspaceSentence) => addFact(sentence.text, [{ wireStoryId: wire.id, start: sentence.start, end: sentence.end }], null),
    [addFact],
  );

  const onAttach = useCallback(
    (wire: WorkspaceWire, sentence: WorkspaceSentence) => {
      const fact = selectedId ? factPlaces(dataRef.current.document).get(selectedId)?.fact : undefined;
      if (!fact) return;
      send([{ type: "attachSource", factId: fact.id, baseVersion: baseOf(fact), source: { wireStoryId: wire.id, start: sentence.start, end: sentence.end } }]);
    },
    [baseOf, selectedId, send],
  );

  // --- Proposals from wire stories added later ---------------------------------------------

  const [proposals, setProposals] = useState<Proposal[]>([]);
  // Dismissed here: a list fetched before the server had the dismissal must not bring them back.
  const dismissedProposalIds = useRef(new Set<string>());
  const showProposals = useCallback((found: Proposal[]) => setProposals(found.filter((p) => !dismissedProposalIds.current.has(p.id))), []);
  const proposing = canEdit && data.hasProposingWires;
  useEffect(() => {
    if (!proposing) return;
    // Fetched again after every change to the story (anyone's): what it uses now decides what is left to propose.
    let current = true;
    const timer = setTimeout(() => {
      void fetchProposals(storyId).then((found) => {
        if (current && found) showProposals(found);
      });
    }, PROPOSALS_REFRESH_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [proposing, storyId, doc, showProposals]);

  const onAcceptProposal = useCallback(
    (proposal: Proposal) => {
      const current = dataRef.current.document;
      const places = factPlaces(current);
      setProposals((list) => list.filter((p) => p.id !== proposal.id));
      if (proposal.kind === "corroborate") {
        const place = places.get(proposal.factId);
        if (!place) {
          setNotice("That fact is no longer in the story; the proposal was dropped.");
          return;
        }
        send([{ type: "attachSource", factId: place.fact.id, baseVersion: baseOf(place.fact), source: proposal.source }]);
        return;
      }
      const paragraph = current.paragraphs.find((p) => p.id === proposal.paragraphId);
      const anchorStillThere = proposal.afterFactId === null || paragraph?.facts.some((fact) => fact.id === proposal.afterFactId);
      if (paragraph && anchorStillThere) {
        send([{ type: "addFact", factId: newId(), paragraphId: paragraph.id, afterFactId: proposal.afterFactId, text: proposal.text, sources: proposal.sources, ownReportingNote: null }]);
      } else {
        // The place the wire suggested has changed since: add it where new facts go.
        addFact(proposal.text, proposal.sources, null);
      }
    },
    [addFact, baseOf, send],
  );

  const onDismissProposal = useCallback(
    (proposal: Proposal) => {
      dismissedProposalIds.current.add(proposal.id);
      setProposals((list) => list.filter((p) => p.id !== proposal.id));
      void dismissProposalSources(storyId, proposal.kind === "corroborate" ? [proposal.source] : proposal.sources).then((ok) => {
        if (ok) return;
        dismissedProposalIds.current.delete(proposal.id);
        setNotice("The proposal could not be dismissed; it is shown again.");
        void fetchProposals(storyId).then((found) => found && showProposals(found));
      });
    },
    [storyId, showProposals],
  );

  /** Selects a fact and brings its field into view, as if the editor had clicked it. */
  const showFact = useCallback((factId: string) => {
    setSelectedId(factId);
    const field = document.querySelector<HTMLTextAreaElement>(`[data-fact-id="${CSS.escape(factId)}"] textarea`);
    field?.scrollIntoView({ block: "center" });
    field?.focus({ preventScroll: true });
  }, []);

  const onDetach = useCallback(
    (fact: StoryFact, source: SourceRef) => send([{ type: "detachSource", factId: fact.id, baseVersion: baseOf(fact), source }]),
    [baseOf, send],
  );

  const onResolve = useCallback(
    (fact: StoryFact, discrepancy: FactDiscrepancy, chosenSide: number | null, note: string | null) =>
      send([
        {
          type: "resolveDiscrepancy",
          factId: fact.id,
          baseVersion: baseOf(fact),
          discrepancyId: discrepancy.id,
          chosenSide,
          note,
          // For the local copy only: the server records its own session user and clock.
          by: dataRef.current.me.id,
          at: new Date().toISOString(),
        },
      ]),
    [baseOf, send],
  );

  const onReopen = useCallback(
    (fact: StoryFact, discrepancy: FactDiscrepancy) => send([{ type: "reopenDiscrepancy", factId: fact.id, baseVersion: baseOf(fact), discrepancyId: discrepancy.id }]),
    [baseOf, send],
  );

  // --- Undo and redo ---------------------------------------------------------------------

  const dirty = Object.keys(drafts).length > 0 || metaDraft !== null;
  const busy = queue.length > 0;
  // History steps are computed against what the server has; wait until everything is saved.
  const undoable = canEdit && !busy && !dirty && canUndo(history);
  const redoable = canEdit && !busy && !dirty && canRedo(history);

  const step = useCallback(
    (direction: "undo" | "redo") => {
      if (queueRef.current.length > 0 || Object.keys(draftsRef.current).length > 0) return;
      const previous = historyRef.current;
      const result = direction === "undo" ? undoStep(previous) : redoStep(previous);
      if (result.ops.length === 0) return;
      enqueue({ id: newId(), origin: direction, ops: result.ops, nextHistory: result.stack, previousHistory: previous });
    },
    [enqueue],
  );

  useEffect(() => {
    if (!canEdit) return;
    const onKey = (event: KeyboardEvent) => {
      // In a text field the browser's own undo applies to the typing.
      if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) step("undo");
      else if ((key === "z" && event.shiftKey) || key === "y") step("redo");
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit, step]);

  // --- Team editing: changes and presence ----------------------------------------------

  useEffect(() => {
    const source = new EventSource(eventsUrl(storyId));
    let stale = false;
    const refresh = async (attempt = 0): Promise<void> => {
      const fresh = await fetchWorkspace(storyId);
      if (stale) return;
      // A failed re-fetch would leave someone's change unseen until the next event: try again.
      if (!fresh) {
        if (attempt < 4) setTimeout(() => void refresh(attempt + 1), 1_000 * (attempt + 1));
        return;
      }
      acceptDocument(fresh.document, fresh.revision.contentVersion, { wires: fresh.wires, hasProposingWires: fresh.hasProposingWires, canEdit: fresh.canEdit, revision: fresh.revision });
    };
    source.addEventListener("change", (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as ChangeEvent;
      if (ownEvents.current.has(change.eventId)) return;
      void refresh();
    });
    source.addEventListener("presence", (event) => {
      const message = JSON.parse((event as MessageEvent<string>).data) as { users: PresenceUser[] };
      setPresence(message.users);
    });
    // Changes may have landed between the server render and the stream opening, or while a
    // dropped connection was down: catch up whenever the stream (re)opens.
    source.addEventListener("open", () => void refresh());
    return () => {
      stale = true;
      source.close();
    };
  }, [acceptDocument, storyId]);

  useEffect(() => {
    sendPresence(storyId, selectedId);
    const timer = setInterval(() => sendPresence(storyId, selectedId), PRESENCE_HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [selectedId, storyId]);

  // Typing not yet queued is queued before the page goes away (the queue is in localStorage).
  useEffect(() => {
    const onLeave = () => {
      flushAll();
      flushMeta();
    };
    window.addEventListener("pagehide", onLeave);
    return () => window.removeEventListener("pagehide", onLeave);
  }, [flushAll, flushMeta]);

  // --- Conflicts -------------------------------------------------------------------------

  const keepMine = (factId: string) => {
    const conflict = conflicts[factId];
    if (!conflict) return;
    const { [factId]: _resolved, ...rest } = conflicts;
    setConflicts(rest);
    if (!conflict.theirs) {
      // The fact is gone: bring the text back as a new fact of own reporting, noted as such.
      updateDrafts(Object.fromEntries(Object.entries(draftsRef.current).filter(([id]) => id !== factId)));
      addFact(conflict.yours, [], "Restored after the fact was deleted by someone else");
      return;
    }
    updateDrafts({ ...draftsRef.current, [factId]: { text: conflict.yours, baseVersion: conflict.theirs.version } });
    enqueue({ id: newId(), origin: "edit", ops: [{ type: "editText", factId, baseVersion: conflict.theirs.version, text: conflict.yours }] });
  };

  const keepTheirs = (factId: string) => {
    const { [factId]: _resolved, ...rest } = conflicts;
    setConflicts(rest);
    updateDrafts(Object.fromEntries(Object.entries(draftsRef.current).filter(([id]) => id !== factId)));
  };

  // --- Rendering -------------------------------------------------------------------------

  const others = useMemo(() => presence.filter((user) => user.id !== data.me.id), [presence, data.me.id]);
  const editorsByFact = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const user of others) if (user.factId) map.set(user.factId, [...(map.get(user.factId) ?? []), user.name]);
    return map;
  }, [others]);
  const allFacts = doc.paragraphs.flatMap((paragraph) => paragraph.facts);
  const citations = useMemo(
    () => [...places.values()].flatMap(({ fact, number }) => fact.sources.map((source) => ({ source, factId: fact.id, number }))),
    [places],
  );
  const disputes = useMemo(
    () => [...places.values()].flatMap(({ fact, number }) => (fact.disputedBy ?? []).map(({ value, ...source }) => ({ source, value, factId: fact.id, number }))),
    [places],
  );
  const selected = selectedId ? places.get(selectedId) : undefined;
  // Per-fact checks change only with the document, not with every keystroke.
  const factChecks = useMemo(
    () =>
      new Map(
        doc.paragraphs.flatMap((paragraph) =>
          paragraph.facts.map((fact) => [
            fact.id,
            {
              marks: sourceMarks(fact, sourceInfo),
              badges: factBadges(fact),
              citedTexts: citedTexts(fact.sources, (id) => wireText.get(id)),
              disputedBy: disputedByText(fact, data.wires),
            },
          ]),
        ),
      ),
    [doc, sourceInfo, wireText, data.wires],
  );
  const leftOut = useMemo(() => leftOutSentences(doc, data.wires), [doc, data.wires]);
  const credit = creditLine(doc, sourceInfo);
  const headline = metaDraft?.headline ?? doc.headline;
  const standfirst = metaDraft?.standfirst ?? doc.standfirst;
  const statusText = status === "offline" ? "Offline — changes kept, retrying" : busy || dirty ? "Saving…" : "All changes saved";

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1">
          <p className="text-sm text-neutral-600">
            <Link href="/stories" className="text-blue-700 underline">
              ← Stories
            </Link>{" "}
            · Revision {data.revision.number} · <span className="font-semibold">{data.revision.state.replace("_", " ")}</span> · owner {data.story.ownerName}
          </p>
          <h1 className="mt-1 truncate font-serif text-2xl font-bold">{headline}</h1>
        </div>
        <p aria-label="People in this story" className="text-sm text-neutral-700">
          {others.length > 0 ? `Also here: ${others.map((user) => user.name).join(", ")}` : "Only you are here"}
        </p>
        {canEdit ? (
          <div className="flex items-center gap-2">
            <button type="button" onClick={() => step("undo")} disabled={!undoable} aria-keyshortcuts="Control+Z" className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:text-neutral-400">
              Undo
            </button>
            <button type="button" onClick={() => step("redo")} disabled={!redoable} aria-keyshortcuts="Control+Shift+Z" className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:text-neutral-400">
              Redo
            </button>
          </div>
        ) : (
          <p className="rounded bg-neutral-100 px-2 py-1 text-sm text-neutral-700">Read only</p>
        )}
        <p role="status" className={`w-48 text-right text-sm ${status === "offline" ? "font-medium text-amber-800" : "text-neutral-600"}`}>
          {canEdit ? statusText : ""}
        </p>
      </div>
      {notice ? (
        <div role="alert" className="flex items-start justify-between gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          <span>{notice}</span>
          <button type="button" onClick={() => setNotice(null)} className="underline">
            Dismiss
          </button>
        </div>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,18rem)_minmax(0,1fr)_minmax(0,20rem)]">
        <div className="order-2 lg:sticky lg:top-4 lg:order-1 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <SourcesPane
            wires={data.wires}
            citations={citations}
            disputes={disputes}
            selectedFactLabel={selected ? `Fact ${selected.number}` : null}
            selectedSources={selected?.fact.sources ?? []}
            canEdit={canEdit}
            busy={false}
            onAdd={onAddSentence}
            onAttach={onAttach}
            onShowFact={showFact}
          />
          <LeftOutPanel items={leftOut} wires={data.wires} canEdit={canEdit} busy={false} onAdd={onAddSentence} />
        </div>

        <section aria-label="Story" className="order-1 min-w-0 rounded-lg border border-neutral-200 bg-white p-4 lg:order-2">
          <label className="block text-xs font-semibold tracking-wide text-neutral-600 uppercase">
            Headline
            <input
              value={headline}
              disabled={!canEdit}
              onChange={(event) => onMeta("headline", event.target.value)}
              onBlur={flushMeta}
              className="mt-1 block w-full rounded border border-neutral-200 px-2 py-1 font-serif text-2xl font-bold tracking-normal text-neutral-900 normal-case focus-visible:outline-2 focus-visible:outline-blue-600 disabled:bg-transparent"
            />
          </label>
          <label className="mt-3 block text-xs font-semibold tracking-wide text-neutral-600 uppercase">
            Standfirst
            <textarea
              value={standfirst}
              disabled={!canEdit}
              rows={2}
              onChange={(event) => onMeta("standfirst", event.target.value)}
              onBlur={flushMeta}
              className="mt-1 block w-full rounded border border-neutral-200 px-2 py-1 font-serif text-lg tracking-normal text-neutral-800 normal-case focus-visible:outline-2 focus-visible:outline-blue-600 disabled:bg-transparent"
            />
          </label>
          {metaConflict ? (
            <div role="alert" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
              <p>{metaConflict}. Current: “{doc.headline}” / “{doc.standfirst}”</p>
              <div className="mt-1 flex gap-2">
                <button
                  type="button"
                  className="underline"
                  onClick={() => {
                    setMetaConflict(null);
                    if (metaDraftRef.current) updateMetaDraft({ ...metaDraftRef.current, baseMetaVersion: dataRef.current.document.metaVersion });
                    flushMeta();
                  }}
                >
                  Keep mine
                </button>
                <button
                  type="button"
                  className="underline"
                  onClick={() => {
                    setMetaConflict(null);
                    updateMetaDraft(null);
                  }}
                >
                  Keep theirs
                </button>
              </div>
            </div>
          ) : null}
          {proposing ? (
            <ProposalsPanel
              proposals={proposals}
              wires={data.wires}
              factNumber={(factId) => places.get(factId)?.number ?? null}
              busy={false}
              onAccept={onAcceptProposal}
              onDismiss={onDismissProposal}
            />
          ) : null}
          {doc.dateline ? <p className="mt-3 text-sm font-semibold uppercase">{doc.dateline}</p> : null}

          <div className="mt-4 space-y-5">
            {doc.paragraphs.map((paragraph, paragraphIndex) => (
              <div key={paragraph.id} role="group" aria-label={`Paragraph ${paragraphIndex + 1}`} className="space-y-1 border-l-2 border-neutral-100 pl-2">
                {paragraph.facts.map((fact) => {
                  const place = places.get(fact.id)!;
                  const text = drafts[fact.id]?.text ?? fact.text;
                  const checks = factChecks.get(fact.id);
                  const conflict = conflicts[fact.id];
                  return (
                    <div key={fact.id}>
                      <FactRow
                        fact={fact}
                        number={place.number}
                        text={text}
                        marks={checks?.marks ?? NO_NAMES}
                        singleSourced={checks?.badges.singleSourced ?? false}
                        disputed={checks?.badges.disputed ?? false}
                        disputedBy={checks?.disputedBy ?? ""}
                        ownReporting={checks?.badges.ownReporting ?? false}
                        unsupported={mentionsNotInSources(text, checks?.citedTexts ?? NO_NAMES)}
                        selected={selectedId === fact.id}
                        dirty={drafts[fact.id] !== undefined}
                        canEdit={canEdit}
                        busy={false}
                        isFirst={place.number === 1}
                        isLast={place.number === allFacts.length}
                        editors={editorsByFact.get(fact.id) ?? NO_NAMES}
                        onSelect={setSelectedId}
                        onText={onText}
                        onBlurText={flushFact}
                        onCursor={onCursor}
                        onMove={onMove}
                        onMerge={onMerge}
                        onSplit={onSplit}
                        onDelete={onDelete}
                        dropIndicator={dropTarget?.factId === fact.id ? dropTarget.position : null}
                        onDragFact={onDragFact}
                        onDragOverFact={onDragOverFact}
                        onDropOnFact={onDropOnFact}
                      />
                      {conflict ? (
                        <div role="alert" aria-label={`Conflict in Fact ${place.number}`} className="mt-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
                          <p className="font-medium">{conflict.theirs ? "Someone else changed this fact while you were editing." : "Someone else deleted this fact."}</p>
                          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2">
                            <dt className="font-semibold">Yours</dt>
                            <dd>{conflict.yours}</dd>
                            <dt className="font-semibold">Theirs</dt>
                            <dd>{conflict.theirs ? conflict.theirs.text : "(deleted)"}</dd>
                          </dl>
                          <div className="mt-1 flex gap-2">
                            <button type="button" className="rounded border border-neutral-300 bg-white px-2 py-0.5" onClick={() => keepMine(fact.id)}>
                              Keep mine
                            </button>
                            <button type="button" className="rounded border border-neutral-300 bg-white px-2 py-0.5" onClick={() => keepTheirs(fact.id)}>
                              Keep theirs
                            </button>
                          </div>
                        </div>
                      ) : null}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>

          {canEdit ? <AddOwnFact open={adding} onOpen={setAdding} onAdd={(text, note) => addFact(text, [], note)} /> : null}
          {credit ? <p className="mt-6 border-t border-neutral-200 pt-3 text-sm text-neutral-600 italic">{credit}</p> : null}
        </section>

        {/* Kept in view while the story scrolls, like the sources, so the selected fact's sources stay beside it. */}
        <div className="order-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <Inspector
            storyId={data.story.id}
            fact={selected?.fact ?? null}
            factLabel={selected ? `Fact ${selected.number}` : null}
            text={selected ? (drafts[selected.fact.id]?.text ?? selected.fact.text) : ""}
            wires={data.wires}
            canEdit={canEdit}
            busy={false}
            onDetach={onDetach}
            onResolve={onResolve}
            onReopen={onReopen}
          />
        </div>
      </div>
    </div>
  );
}

/** "Add fact" for the reporter's own reporting: a fact without a wire source needs a note saying where it comes from. */
function AddOwnFact({ open, onOpen, onAdd }: { open: boolean; onOpen: (open: boolean) => void; onAdd: (text: string, note: string) => void }) {
  const [text, setText] = useState("");
  const [note, setNote] = useState("");
  if (!open) {
    return (
      <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
        <button type="button" onClick={() => onOpen(true)} className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-blue-600">
          Add fact
        </button>
        <span className="text-neutral-600">or use “Add to story” on a source sentence.</span>
      </div>
    );
  }
  return (
    <form
      aria-label="Add fact"
      className="mt-4 space-y-2 rounded border border-neutral-200 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd(text.trim(), note.trim());
        setText("");
        setNote("");
        onOpen(false);
      }}
    >
      <label className="block font-medium">
        New fact
        <textarea value={text} onChange={(event) => setText(event.target.value)} rows={2} className="mt-1 block w-full rounded border border-neutral-300 px-2 py-1" />
      </label>
      <label className="block font-medium">
        Own reporting note (required: who told you, how you know)
        <input value={note} onChange={(event) => setNote(event.target.value)} className="mt-1 block w-full rounded border border-neutral-300 px-2 py-1" />
      </label>
      <div className="flex gap-2">
        <button type="submit" disabled={text.trim() === "" || note.trim() === ""} className="rounded-md bg-neutral-900 px-3 py-1.5 text-white disabled:bg-neutral-400">
          Add
        </button>
        <button type="button" onClick={() => onOpen(false)} className="rounded-md border border-neutral-300 px-3 py-1.5">
          Cancel
        </button>
      </div>
    </form>
  );
}
