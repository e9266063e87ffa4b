import { describe, expect, it } from "vitest";
import { loadPending, relabelOperation, savePending, storageKey, versionMoves, type PendingBatch } from "@/components/stories/workspace/pending";
import type { StoryOperation } from "@/lib/domain/story";
import { makeDoc, makeFact } from "../story/support";
import { MemoryStorage } from "./fake-server";

describe("relabelling what is queued behind our own applied batch", () => {
  const after = makeDoc([["p1", [makeFact("a", { version: 3 }), makeFact("b", { version: 2 })]]], { metaVersion: 5 });
  const applied: StoryOperation[] = [
    { type: "mergeFacts", first: { factId: "a", baseVersion: 2 }, second: { factId: "c", baseVersion: 1 } },
    { type: "setMeta", baseMetaVersion: 4, headline: "New" },
  ];
  const moves = versionMoves(applied, after);

  it("moves the versions our batch was based on to the ones it made, headline included", () => {
    expect(relabelOperation({ type: "editText", factId: "a", baseVersion: 2, text: "x" }, moves)).toMatchObject({ baseVersion: 3 });
    expect(relabelOperation({ type: "setMeta", baseMetaVersion: 4, standfirst: "s" }, moves)).toMatchObject({ baseMetaVersion: 5 });
  });

  it("leaves versions someone else made, and facts the batch did not name, as they were", () => {
    expect(relabelOperation({ type: "editText", factId: "a", baseVersion: 1, text: "x" }, moves)).toMatchObject({ baseVersion: 1 });
    expect(relabelOperation({ type: "deleteFact", factId: "b", baseVersion: 1 }, moves)).toMatchObject({ baseVersion: 1 });
  });
});

describe("the stored queue", () => {
  const batch: PendingBatch = { id: "x", origin: "undo", ops: [{ type: "deleteFact", factId: "a", baseVersion: 1 }] };

  it("keeps batches for their revision only, as edits, and is removed once empty", () => {
    const storage = new MemoryStorage();
    savePending(storage, "s1", "r1", [batch]);
    expect(loadPending(storage, "s1", "r1")).toEqual([{ id: "x", origin: "edit", ops: batch.ops }]);
    expect(loadPending(storage, "s1", "r2")).toEqual([]);
    savePending(storage, "s1", "r1", []);
    expect(storage.getItem(storageKey("s1"))).toBeNull();
  });

  it("reads nothing from a damaged copy or without storage", () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey("s1"), "{not json");
    expect(loadPending(storage, "s1", "r1")).toEqual([]);
    expect(loadPending(null, "s1", "r1")).toEqual([]);
  });
});
