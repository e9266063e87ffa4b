import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyStoryOperation } from "@/lib/server/services/apply-story-operation";
import { wakeStory, watchStory } from "@/lib/server/stories/story-feed";
import { newsroom, readDocument } from "./route-helpers";

// With the timer a minute away, a change reaches a watcher only if a wake-up delivered it.
beforeAll(() => {
  process.env.FACTDESK_FEED_POLL_MS = "60000";
});
afterAll(() => {
  delete process.env.FACTDESK_FEED_POLL_MS;
});

describe("story feed", () => {
  it("brings every change of a burst to every watcher at once, not at the next timer tick", async () => {
    const { writer, revisionId, storyId } = await newsroom({ wires: 1 });
    const arrivals = [new Map<string, number>(), new Map<string, number>()];
    const unwatch = await Promise.all(
      arrivals.map((arrived) => watchStory(storyId, null, { change: (change) => arrived.set(change.eventId, performance.now()), presence: () => {} })),
    );
    const committed = new Map<string, number>();
    try {
      for (let burst = 0; burst < 3; burst++) {
        for (let edit = 0; edit < 10; edit++) {
          const fact = (await readDocument(revisionId)).paragraphs[0]!.facts[0]!;
          const result = await applyStoryOperation({
            actor: writer,
            revisionId,
            operation: { type: "editText", factId: fact.id, baseVersion: fact.version, text: `Burst ${burst}, edit ${edit}.` },
          });
          expect(result.status).toBe("applied");
          if (result.status === "applied") committed.set(result.eventId, performance.now());
          // What a NOTIFY from the committing instance does; the edits come faster than a poll ends.
          void wakeStory(storyId);
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && arrivals.some((arrived) => arrived.size < committed.size)) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      for (const stop of unwatch) stop();
    }
    for (const arrived of arrivals) {
      expect([...arrived.keys()].sort()).toEqual([...committed.keys()].sort());
      const delays = [...committed].map(([eventId, at]) => arrived.get(eventId)! - at).sort((a, b) => a - b);
      console.log(`story feed: ${delays.length} changes, median ${delays[delays.length >> 1]!.toFixed(0)} ms, max ${delays.at(-1)!.toFixed(0)} ms after the edit's answer`);
    }
  });
});
