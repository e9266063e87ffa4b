import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { historyKey } from "@/components/stories/workspace/kept-work";
import { storageKey } from "@/components/stories/workspace/pending";
import { canStep, hasUnsavedWork, StoryStore } from "@/components/stories/workspace/story-store";
import { selectionMemo, shallowEqual } from "@/components/stories/workspace/use-story-state";
import type { StoryDocument } from "@/lib/domain/story/types";
import { makeDoc, makeFact } from "../story/support";
import { EDDIE, FakeStoryServer, MemoryStorage, WENDY, workspaceData } from "./fake-server";

const SAVE_DELAY = 600;
const RETRY = 3_000;

/** p1: a b · p2: c */
function doc(): StoryDocument {
  return makeDoc([
    ["p1", [makeFact("a", { text: "Alpha." }), makeFact("b", { text: "Bravo." })]],
    ["p2", [makeFact("c", { text: "Charlie." })]],
  ]);
}

function texts(d: StoryDocument): string {
  return d.paragraphs.map((p) => p.facts.map((f) => f.text).join(" ")).join(" | ");
}

function setup(storage = new MemoryStorage(), server = new FakeStoryServer(doc())) {
  let n = 0;
  const store = new StoryStore(workspaceData(server.doc, server.contentVersion), { server, storage, saveDelayMs: SAVE_DELAY, retryMs: RETRY, newId: () => `id${++n}` });
  store.start();
  return { store, server, storage, state: () => store.getSnapshot() };
}

/** Lets the queue run: every answer of the fake server is a resolved promise. */
async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
}

/** Fact b is typed into while offline and, meanwhile, removed by someone else; back online, the store refreshes. */
async function typeOfflineWhileSomeoneRemoves(store: ReturnType<typeof setup>["store"], server: FakeStoryServer): Promise<void> {
  server.offline = true;
  store.typeText("b", "Bravo, typed offline.");
  store.flushFact("b");
  await settle();
  server.editBySomeoneElse([{ type: "deleteFact", factId: "b", baseVersion: 1 }]);
  server.offline = false;
  await store.refresh();
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("typing", () => {
  it("shows typed text at once and saves it after a pause, as one edit", async () => {
    const { store, server, state } = setup();
    store.typeText("a", "Alph");
    store.typeText("a", "Alpha one.");
    expect(state().drafts.a).toEqual({ text: "Alpha one.", baseVersion: 1 });
    expect(hasUnsavedWork(state())).toBe(true);
    await settle(SAVE_DELAY - 1);
    expect(server.received).toHaveLength(0);
    await settle(1);
    expect(server.received).toEqual([[{ type: "editText", factId: "a", baseVersion: 1, text: "Alpha one." }]]);
    expect(texts(state().data.document)).toBe("Alpha one. Bravo. | Charlie.");
    expect(state().drafts).toEqual({});
    expect(state().status).toBe("saved");
    expect(state().data.revision.contentVersion).toBe(2);
  });

  it("sends nothing for text the server already has, or a blank fact", async () => {
    const { store, server } = setup();
    store.typeText("a", "Alpha.");
    store.typeText("b", "   ");
    await settle(SAVE_DELAY);
    expect(server.received).toHaveLength(0);
  });

  it("coalesces typing into an edit still waiting behind the one in flight", async () => {
    const { store, server, state } = setup();
    server.offline = true;
    store.typeText("a", "One.");
    store.flushFact("a");
    await settle();
    store.typeText("b", "Two.");
    store.flushFact("b");
    store.typeText("b", "Two, typed on.");
    store.flushFact("b");
    expect(state().queue.map((batch) => batch.ops)).toEqual([
      [{ type: "editText", factId: "a", baseVersion: 1, text: "One." }],
      [{ type: "editText", factId: "b", baseVersion: 1, text: "Two, typed on." }],
    ]);
  });

  it("saves typing before a structural edit and chains the edit onto the version the typing made", async () => {
    const { store, server, state } = setup();
    store.typeText("a", "Alpha, edited.");
    store.merge("a");
    await settle();
    expect(server.received.map((ops) => ops.map((op) => op.type))).toEqual([["editText"], ["mergeFacts"]]);
    expect(server.received[1]![0]).toMatchObject({ first: { factId: "a", baseVersion: 2 } });
    expect(texts(state().data.document)).toBe("Alpha, edited. Bravo. | Charlie.");
    expect(state().conflicts).toEqual({});
    expect(state().notice).toBeNull();
  });
});

describe("offline", () => {
  it("keeps the queue in storage while the server cannot be reached and sends it when it can", async () => {
    const { store, server, storage, state } = setup();
    server.offline = true;
    store.typeText("a", "Typed offline.");
    await settle(SAVE_DELAY);
    expect(state().status).toBe("offline");
    expect(JSON.parse(storage.getItem(storageKey("s1"))!)).toEqual({ revisionId: "r1", batches: [{ id: "id1", ops: [{ type: "editText", factId: "a", baseVersion: 1, text: "Typed offline." }] }] });
    server.offline = false;
    await settle(RETRY);
    expect(state().status).toBe("saved");
    expect(texts(server.doc)).toBe("Typed offline. Bravo. | Charlie.");
    expect(storage.getItem(storageKey("s1"))).toBeNull();
  });

  it("resends on the next visit what an earlier one left, showing its text meanwhile", async () => {
    const storage = new MemoryStorage();
    const server = new FakeStoryServer(doc());
    server.offline = true;
    const first = setup(storage, server);
    first.store.typeText("b", "Bravo, kept.");
    await settle(SAVE_DELAY);
    first.store.dispose();

    const second = new StoryStore(workspaceData(server.doc), { server, storage, retryMs: RETRY });
    second.start();
    expect(second.getSnapshot().drafts.b?.text).toBe("Bravo, kept.");
    server.offline = false;
    await settle(RETRY);
    expect(texts(second.getSnapshot().data.document)).toBe("Alpha. Bravo, kept. | Charlie.");
    expect(second.getSnapshot().drafts).toEqual({});
  });

  it("ignores a stored queue of another revision", () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey("s1"), JSON.stringify({ revisionId: "r0", batches: [{ id: "x", ops: [{ type: "deleteFact", factId: "a", baseVersion: 1 }] }] }));
    const { state } = setup(storage);
    expect(state().queue).toEqual([]);
  });
});

describe("conflicts", () => {
  it("offers mine and theirs when someone else changed the fact, and keeps mine on top of theirs", async () => {
    const { store, server, state } = setup();
    server.editBySomeoneElse([{ type: "editText", factId: "a", baseVersion: 1, text: "Alpha by Eddie." }]);
    store.typeText("a", "Alpha by me.");
    await settle(SAVE_DELAY);
    expect(state().conflicts.a).toMatchObject({ yours: "Alpha by me.", theirs: { text: "Alpha by Eddie.", version: 2 } });
    expect(texts(state().data.document)).toBe("Alpha by Eddie. Bravo. | Charlie.");
    // Nothing is sent behind the editor's back while the conflict is open.
    store.typeText("a", "Alpha by me, again.");
    await settle(SAVE_DELAY);
    expect(server.received).toHaveLength(1);
    store.keepMine("a");
    await settle();
    expect(texts(server.doc)).toBe("Alpha by me. Bravo. | Charlie.");
    expect(state().conflicts).toEqual({});
  });

  it("keeps a conflict open through a reload, with the typing, against the fact as it is then", async () => {
    const storage = new MemoryStorage();
    const { store, server } = setup(storage);
    server.editBySomeoneElse([{ type: "editText", factId: "a", baseVersion: 1, text: "Alpha by Eddie." }]);
    store.typeText("a", "Alpha by me.");
    await settle(SAVE_DELAY);
    store.dispose();
    server.editBySomeoneElse([{ type: "editText", factId: "a", baseVersion: 2, text: "Alpha by Eddie, again." }]);

    const again = new StoryStore(workspaceData(server.doc, server.contentVersion), { server, storage });
    again.start();
    expect(again.getSnapshot().conflicts.a).toMatchObject({ yours: "Alpha by me.", theirs: { text: "Alpha by Eddie, again.", version: 3 } });
    expect(again.getSnapshot().drafts.a?.text).toBe("Alpha by me.");
    again.keepMine("a");
    await settle();
    expect(texts(server.doc)).toBe("Alpha by me. Bravo. | Charlie.");
    expect(storage.getItem(storageKey("s1"))).toBeNull();
  });

  it("keeps theirs by dropping the typing", async () => {
    const { store, server, state } = setup();
    server.editBySomeoneElse([{ type: "editText", factId: "a", baseVersion: 1, text: "Alpha by Eddie." }]);
    store.typeText("a", "Alpha by me.");
    await settle(SAVE_DELAY);
    store.keepTheirs("a");
    expect(state().conflicts).toEqual({});
    expect(state().drafts).toEqual({});
  });

  it("says who deleted the fact being typed in, keeps the text through a reload, and adds it back where the fact stood", async () => {
    const storage = new MemoryStorage();
    const { store, server, state } = setup(storage);
    server.editBySomeoneElse([{ type: "deleteFact", factId: "b", baseVersion: 1 }]);
    store.typeText("b", "Bravo, still true.");
    await settle(SAVE_DELAY);
    expect(state().conflicts.b).toMatchObject({
      yours: "Bravo, still true.",
      theirs: null,
      removed: { spot: { paragraphId: "p1", afterFactId: "a", afterParagraphId: null }, by: { actorName: "Eddie Editor", what: "deleted this fact" } },
    });
    expect(state().drafts).toEqual({});
    store.dispose();

    // A reload: the server's document no longer has the fact, the typing is still offered.
    let n = 0;
    const again = new StoryStore(workspaceData(server.doc, server.contentVersion), { server, storage, newId: () => `re${++n}` });
    again.start();
    expect(again.getSnapshot().conflicts.b).toMatchObject({ yours: "Bravo, still true.", removed: { by: { actorName: "Eddie Editor" } } });
    again.addBack("b");
    await settle();
    expect(texts(server.doc)).toBe("Alpha. Bravo, still true. | Charlie.");
    const added = server.doc.paragraphs[0]!.facts[1]!;
    expect(added).toMatchObject({ id: "re1", sources: makeFact("b").sources, ownReportingNote: null });
    expect(again.getSnapshot()).toMatchObject({ conflicts: {}, selectedId: "re1", focus: { factId: "re1", control: "text" }, announcement: "Fact 2 added after Fact 1." });
    expect(storage.getItem(storageKey("s1"))).toBeNull();
  });

  it("keeps typing in a fact the live feed shows merged away, naming who, before any save was refused", async () => {
    const { store, server, state } = setup();
    store.typeText("c", "Charlie, typed.");
    const change = server.editBySomeoneElse([
      { type: "mergeFacts", first: { factId: "b", baseVersion: 1 }, second: { factId: "c", baseVersion: 1 } },
      { type: "removeEmptyParagraph", paragraphId: "p2" },
    ]);
    expect(store.receiveChange(change)).toBe(true);
    await store.refresh();
    expect(state().conflicts.c).toMatchObject({
      yours: "Charlie, typed.",
      removed: { spot: { paragraphId: "p2", afterFactId: null, afterParagraphId: "p1" }, by: { actorName: "Eddie Editor", what: "merged this fact into the one before it" } },
    });
    await settle(SAVE_DELAY);
    expect(server.received).toHaveLength(0);
    // Its paragraph went with it: the text comes back in a paragraph of its own, where that one was.
    store.addBack("c");
    await settle();
    expect(texts(server.doc)).toBe("Alpha. Bravo. Charlie. | Charlie, typed.");
  });

  it("names who removed the fact once the queued save of the typing is refused, when the document showed it gone first", async () => {
    const { store, server, state } = setup();
    await typeOfflineWhileSomeoneRemoves(store, server);
    expect(state().conflicts.b).toMatchObject({ yours: "Bravo, typed offline.", removed: { by: null } });
    await settle(RETRY);
    expect(state().conflicts.b).toMatchObject({ yours: "Bravo, typed offline.", removed: { spot: { afterFactId: "a" }, by: { actorName: "Eddie Editor" } } });
    expect(state().queue).toEqual([]);
  });

  it("after a reload with the refused save still stored, adding the typing back sends only the addition and asks nothing again", async () => {
    const storage = new MemoryStorage();
    const { store, server } = setup(storage);
    await typeOfflineWhileSomeoneRemoves(store, server);
    store.dispose();

    let n = 0;
    const again = new StoryStore(workspaceData(server.doc, server.contentVersion), { server, storage, newId: () => `re${++n}` });
    again.start();
    expect(again.getSnapshot().drafts).toEqual({});
    again.addBack("b");
    await settle();
    expect(texts(server.doc)).toBe("Alpha. Bravo, typed offline. | Charlie.");
    expect(again.getSnapshot()).toMatchObject({ conflicts: {}, queue: [], focus: { factId: "re1" } });
  });

  it("drops the typing of a deleted fact when the editor discards it", async () => {
    const { store, server, state } = setup();
    server.editBySomeoneElse([{ type: "deleteFact", factId: "b", baseVersion: 1 }]);
    store.typeText("b", "Bravo, never mind.");
    await settle(SAVE_DELAY);
    store.keepTheirs("b");
    expect(state().conflicts).toEqual({});
    expect(hasUnsavedWork(state())).toBe(false);
  });

  it("tells the editor whose change a Keep mine replaced, by whom, and restores their text in one step", async () => {
    const server = new FakeStoryServer(doc());
    const wendy = setup(new MemoryStorage(), server);
    const eddie = new StoryStore(workspaceData(server.doc, server.contentVersion, "r1", EDDIE), { server: server.as(EDDIE), storage: new MemoryStorage(), saveDelayMs: SAVE_DELAY });
    eddie.start();
    // Eddie types while Wendy saves the same fact.
    eddie.typeText("a", "Alpha by Eddie.");
    wendy.store.typeText("a", "Alpha by Wendy.");
    wendy.store.flushFact("a");
    await settle();
    await settle(SAVE_DELAY);
    expect(eddie.getSnapshot().conflicts.a).toMatchObject({ theirs: { text: "Alpha by Wendy." } });
    const seen = server.events.length;
    eddie.keepMine("a");
    await settle();
    expect(texts(server.doc)).toBe("Alpha by Eddie. Bravo. | Charlie.");

    for (const change of server.changesAfter(seen)) if (wendy.store.receiveChange(change)) await wendy.store.refresh();
    expect(wendy.state().overruled).toEqual({ a: { byName: "Eddie Editor", text: "Alpha by Wendy." } });
    // Eddie's own store hears nothing of it: he replaced nobody's text of his.
    for (const change of server.changesAfter(seen)) eddie.receiveChange(change);
    expect(eddie.getSnapshot().overruled).toEqual({});

    wendy.store.restoreMine("a");
    await settle();
    expect(texts(server.doc)).toBe("Alpha by Wendy. Bravo. | Charlie.");
    expect(wendy.state().overruled).toEqual({});
    // Restoring is itself a choice over someone's text: Eddie is told in turn.
    const last = server.changesAfter(server.events.length - 1);
    eddie.receiveChange(last[0]!);
    expect(eddie.getSnapshot().overruled).toEqual({ a: { byName: "Wendy Writer", text: "Alpha by Eddie." } });
  });

  it("says why a structural edit was not applied", async () => {
    const { store, server, state } = setup();
    server.editBySomeoneElse([{ type: "editText", factId: "c", baseVersion: 1, text: "Charlie by Eddie." }]);
    store.deleteFact("c");
    await settle();
    expect(state().notice).toMatch(/^Not applied: Someone else changed this fact/);
    expect(texts(state().data.document)).toBe("Alpha. Bravo. | Charlie by Eddie.");
  });

  it("shows a refusal and drops the batch", async () => {
    const { store, server, state } = setup();
    server.refuseWith = "A fact needs a source or an own-reporting note.";
    store.addOwnFact("Mine.", "");
    await settle();
    expect(state().notice).toBe("A fact needs a source or an own-reporting note.");
    expect(state().queue).toEqual([]);
    expect(state().status).toBe("saved");
  });

  it("marks the headline in conflict, and keeping mine sends it on top of theirs", async () => {
    const { store, server, state } = setup();
    server.editBySomeoneElse([{ type: "setMeta", baseMetaVersion: 1, standfirst: "Theirs." }]);
    store.typeMeta("headline", "My headline");
    await settle(SAVE_DELAY);
    expect(state().metaConflict).toMatch(/headline/);
    store.keepMineMeta();
    await settle();
    expect(server.doc).toMatchObject({ headline: "My headline", standfirst: "Theirs." });
    expect(state().metaDraft).toBeNull();
  });
});

describe("undo and redo", () => {
  it("undoes and redoes a saved edit, only once everything is saved", async () => {
    const { store, state } = setup();
    store.deleteFact("b");
    expect(canStep(state(), "undo")).toBe(false);
    await settle();
    expect(texts(state().data.document)).toBe("Alpha. | Charlie.");
    expect(canStep(state(), "undo")).toBe(true);
    store.undo();
    await settle();
    expect(texts(state().data.document)).toBe("Alpha. Bravo. | Charlie.");
    expect(canStep(state(), "redo")).toBe(true);
    store.redo();
    await settle();
    expect(texts(state().data.document)).toBe("Alpha. | Charlie.");
  });

  it("forgets an undo the server refuses because someone else changed the fact since", async () => {
    const { store, server, state } = setup();
    store.typeText("a", "Alpha, mine.");
    store.flushFact("a");
    await settle();
    server.editBySomeoneElse([{ type: "editText", factId: "a", baseVersion: 2, text: "Alpha, Eddie's." }]);
    store.undo();
    await settle();
    expect(state().notice).toMatch(/^Could not undo: /);
    expect(canStep(state(), "undo")).toBe(false);
  });
});

describe("undo and redo across a reload", () => {
  function reopened(server: FakeStoryServer, historyStorage: MemoryStorage, revisionId = "r1", me = WENDY) {
    const store = new StoryStore(workspaceData(server.doc, server.contentVersion, revisionId, me), { server, storage: new MemoryStorage(), historyStorage, retryMs: RETRY });
    store.start();
    return { store, state: () => store.getSnapshot() };
  }

  it("undoes after the page is loaded again in the same tab, and redoes", async () => {
    const historyStorage = new MemoryStorage();
    const server = new FakeStoryServer(doc());
    const first = new StoryStore(workspaceData(server.doc, server.contentVersion), { server, storage: new MemoryStorage(), historyStorage, retryMs: RETRY });
    first.start();
    first.deleteFact("b");
    await settle();
    first.dispose();
    const { store, state } = reopened(server, historyStorage);
    expect(canStep(state(), "undo")).toBe(true);
    store.undo();
    await settle();
    expect(texts(server.doc)).toBe("Alpha. Bravo. | Charlie.");
    store.dispose();
    // And again: the redo is kept too.
    const again = reopened(server, historyStorage);
    expect(canStep(again.state(), "redo")).toBe(true);
    again.store.redo();
    await settle();
    expect(texts(server.doc)).toBe("Alpha. | Charlie.");
  });

  it("refuses a kept undo when someone else changed the fact since, and keeps nothing of another revision or user", async () => {
    const historyStorage = new MemoryStorage();
    const server = new FakeStoryServer(doc());
    const first = new StoryStore(workspaceData(server.doc, server.contentVersion), { server, storage: new MemoryStorage(), historyStorage, retryMs: RETRY });
    first.start();
    first.typeText("a", "Alpha, mine.");
    first.flushFact("a");
    await settle();
    first.dispose();
    expect(canStep(reopened(server, historyStorage, "r2").state(), "undo")).toBe(false);
    expect(canStep(reopened(server, historyStorage, "r1", EDDIE).state(), "undo")).toBe(false);
    server.editBySomeoneElse([{ type: "editText", factId: "a", baseVersion: 2, text: "Alpha, Eddie's." }]);
    const { store, state } = reopened(server, historyStorage);
    store.undo();
    await settle();
    expect(state().notice).toMatch(/^Could not undo: /);
    expect(texts(server.doc)).toBe("Alpha, Eddie's. Bravo. | Charlie.");
  });

  it("starts with no undo when what is kept is unreadable", () => {
    const historyStorage = new MemoryStorage();
    historyStorage.setItem(historyKey("s1"), "{not json");
    expect(canStep(reopened(new FakeStoryServer(doc()), historyStorage).state(), "undo")).toBe(false);
    historyStorage.setItem(historyKey("s1"), JSON.stringify({ revisionId: "r1", userId: WENDY.id, history: { undo: [{ forward: "x", backward: [] }], redo: [], limit: 100 } }));
    expect(canStep(reopened(new FakeStoryServer(doc()), historyStorage).state(), "undo")).toBe(false);
  });
});

describe("structural edits", () => {
  it("asks for the cursor before splitting, then splits where it is", async () => {
    const { store, state } = setup(undefined, new FakeStoryServer(makeDoc([["p1", [makeFact("a", { text: "One. Two." })]]])));
    store.split("a");
    expect(state().notice).toBe("Place the cursor inside the fact's text where it should be split.");
    store.setCursor("a", 4);
    store.split("a");
    await settle();
    expect(texts(state().data.document)).toBe("One. Two.");
    expect(state().data.document.paragraphs[0]!.facts).toHaveLength(2);
  });

  it("adds a fact after the selected one, then selects and focuses it and announces it", async () => {
    const { store, state } = setup();
    store.select("a");
    store.addOwnFact("Own.", "Called the police.");
    await settle();
    expect(texts(state().data.document)).toBe("Alpha. Own. Bravo. | Charlie.");
    expect(state()).toMatchObject({ selectedId: "id1", focus: { factId: "id1", control: "text", seq: 1 }, announcement: "Fact 2 added after Fact 1." });
  });

  it("adds a fact at the end when none is selected", async () => {
    const { store, state } = setup();
    store.addOwnFact("Own.", "Called the police.");
    await settle();
    expect(texts(state().data.document)).toBe("Alpha. Bravo. | Charlie. Own.");
    expect(state().announcement).toBe("Fact 4 added after Fact 3.");
  });

  it("keeps the focus on a moved fact's Move button", async () => {
    const { store, state } = setup();
    store.move("b", "up");
    await settle();
    expect(texts(state().data.document)).toBe("Bravo. Alpha. | Charlie.");
    expect(state()).toMatchObject({ selectedId: "b", focus: { factId: "b", control: "move-up" }, announcement: "Fact moved to position 1." });
  });
});

describe("the server's document", () => {
  it("takes a newer document from a refresh and never goes back to an older one", async () => {
    const { store, server, state } = setup();
    server.editBySomeoneElse([{ type: "editText", factId: "c", baseVersion: 1, text: "Charlie by Eddie." }]);
    const older = await server.fetchWorkspace();
    server.editBySomeoneElse([{ type: "editText", factId: "c", baseVersion: 2, text: "Charlie, later." }]);
    expect(await store.refresh()).toBe(true);
    expect(texts(state().data.document)).toBe("Alpha. Bravo. | Charlie, later.");
    server.fetchWorkspace = async () => older;
    await store.refresh();
    expect(texts(state().data.document)).toBe("Alpha. Bravo. | Charlie, later.");
  });

  it("knows its own change events", async () => {
    const { store } = setup();
    store.deleteFact("a");
    await settle();
    expect(store.isOwnEvent("e1")).toBe(true);
    expect(store.isOwnEvent("e2")).toBe(false);
  });

  it("tells subscribers of every change until they unsubscribe", () => {
    const { store } = setup();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.select("a");
    unsubscribe();
    store.select("b");
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("selectionMemo", () => {
  it("hands back the same slice while it is equal, and a new one when it changes", () => {
    const { store } = setup();
    const memo = selectionMemo<{ selectedId: string | null }>();
    const selector = (s: ReturnType<typeof store.getSnapshot>) => ({ selectedId: s.selectedId });
    const first = memo(store.getSnapshot(), selector, shallowEqual);
    store.typeText("a", "Changed.");
    expect(memo(store.getSnapshot(), selector, shallowEqual)).toBe(first);
    store.select("a");
    expect(memo(store.getSnapshot(), selector, shallowEqual)).toEqual({ selectedId: "a" });
  });
});
