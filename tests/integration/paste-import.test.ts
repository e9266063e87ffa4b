import { describe, expect, it } from "vitest";
import { MAX_PASTED_STORIES } from "@/lib/domain/wire";
import { db } from "@/lib/server/db";
import { importPastedStories } from "@/lib/server/services/import-pasted-stories";
import { insertUser } from "./db-helpers";

let unique = 0;
function story() {
  unique += 1;
  const token = `Paste${Date.now().toString(36)}x${unique}`;
  return `Bridge ${token} reopens\n\nLONDON (Reuters) — The bridge named ${token} reopened on Monday, officials said. Traffic resumed at noon.`;
}

describe("importing a paste", () => {
  it("imports each story of a paste on its own", async () => {
    const { actor } = await insertUser({ role: "WRITER" });
    const results = await importPastedStories({ user: actor, text: [story(), "   ", story(), "\u0000"].join("\n---\n") });
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
  });

  it("refuses a paste over the story cap whole: nothing of it is imported", async () => {
    const { actor } = await insertUser({ role: "WRITER" });
    const before = await db.wireStory.count();
    const text = Array.from({ length: MAX_PASTED_STORIES + 1 }, story).join("\n---\n");
    await expect(importPastedStories({ user: actor, text })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: `A paste can hold at most ${MAX_PASTED_STORIES} stories; this one has ${MAX_PASTED_STORIES + 1}. Split it, or import files.`,
    });
    expect(await db.wireStory.count()).toBe(before);
  });
});
