import { describe, expect, it } from "vitest";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { watchStory } from "@/lib/server/stories/story-feed";
import type { StoryChange } from "@/lib/schemas/workspace";
import { newsroom, readDocument } from "./route-helpers";

/** Issue 12, item 1: nobody's work is undone without them being told who did it. */
describe("overruled edits", () => {
  it("a save into a fact someone deleted is refused with who deleted it", async () => {
    const { writer, editor, revisionId } = await newsroom({ wires: 1 });
    const fact = (await readDocument(revisionId)).paragraphs[0]!.facts[0]!;
    const deleted = await applyStoryOperation({ actor: editor, revisionId, operation: { type: "deleteFact", factId: fact.id, baseVersion: fact.version } });
    expect(deleted.status).toBe("applied");
    const typed = await applyStoryOperation({ actor: writer, revisionId, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: "Typed meanwhile." } });
    expect(typed).toMatchObject({ status: "conflict", removedBy: [{ factId: fact.id, actorName: editor.name, what: "deleted this fact" }] });
  });

  it("Keep mine records the text it replaced and whose it was, and the feed carries it; a plain edit records none", async () => {
    const { writer, editor, revisionId, storyId } = await newsroom({ wires: 1 });
    const changes: StoryChange[] = [];
    const unwatch = await watchStory(storyId, null, { change: (change) => changes.push(change), presence: () => {} });
    try {
      const fact = (await readDocument(revisionId)).paragraphs[0]!.facts[0]!;
      const mine = await applyStoryOperation({ actor: writer, revisionId, operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: "The writer's text." } });
      expect(mine.status).toBe("applied");
      const kept = await applyStoryOperation({
        actor: editor,
        revisionId,
        operation: { type: "editText", factId: fact.id, baseVersion: fact.version + 1, text: "The editor's text, kept.", keptOver: true },
      });
      expect(kept.status).toBe("applied");
      const deadline = Date.now() + 5000;
      while (changes.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(changes.map((change) => ({ actorName: change.actorName, replaced: change.replaced }))).toEqual([
        { actorName: writer.name, replaced: [] },
        { actorName: editor.name, replaced: [{ factId: fact.id, text: "The writer's text.", authorId: writer.id }] },
      ]);
    } finally {
      unwatch();
    }
  });
});
