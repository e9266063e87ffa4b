import { describe, expect, it } from "vitest";
import { MAX_BACKOFF_SECONDS, nextRunAt, secondsUntilNextRun } from "@/lib/domain/channels/schedule";

describe("secondsUntilNextRun", () => {
  it("is the channel's interval while it succeeds", () => {
    expect(secondsUntilNextRun({ intervalSeconds: 60, consecutiveFailures: 0 })).toBe(60);
  });

  it("doubles per failure in a row, up to an hour", () => {
    const waits = [1, 2, 3, 6, 7, 50].map((consecutiveFailures) => secondsUntilNextRun({ intervalSeconds: 60, consecutiveFailures }));
    expect(waits).toEqual([120, 240, 480, 3600, 3600, MAX_BACKOFF_SECONDS]);
  });

  it("never waits less than the interval of a slow channel", () => {
    expect(secondsUntilNextRun({ intervalSeconds: 7200, consecutiveFailures: 3 })).toBe(7200);
  });

  it("gives the time of the next run", () => {
    expect(nextRunAt({ intervalSeconds: 30, consecutiveFailures: 1 }, new Date("2026-12-05T10:00:00Z")).toISOString()).toBe("2026-12-05T10:01:00.000Z");
  });
});
