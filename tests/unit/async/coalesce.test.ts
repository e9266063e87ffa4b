import { describe, expect, it } from "vitest";
import { coalesced } from "@/lib/domain/async/coalesce";

/** A task whose runs finish when the test says so. */
function controlledTask() {
  const finishers: (() => void)[] = [];
  let runs = 0;
  const task = () =>
    new Promise<void>((resolve) => {
      runs += 1;
      finishers.push(resolve);
    });
  const finishRun = async () => {
    finishers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { task, finishRun, runs: () => runs };
}

describe("coalesced", () => {
  it("runs again after a call that came while it ran, never two at once", async () => {
    const { task, finishRun, runs } = controlledTask();
    const wake = coalesced(task);
    void wake();
    expect(runs()).toBe(1);
    void wake();
    void wake();
    expect(runs()).toBe(1); // not two at once
    await finishRun();
    expect(runs()).toBe(2); // the calls during the first run are answered by one more run
    await finishRun();
    expect(runs()).toBe(2);
  });

  it("runs once for a call when idle, and again for a later call", async () => {
    const { task, finishRun, runs } = controlledTask();
    const wake = coalesced(task);
    const first = wake();
    await finishRun();
    await first;
    expect(runs()).toBe(1);
    void wake();
    expect(runs()).toBe(2);
    await finishRun();
  });

  it("keeps working after the task fails", async () => {
    let calls = 0;
    const wake = coalesced(async () => {
      calls += 1;
      if (calls === 1) throw new Error("database away");
    });
    await expect(wake()).rejects.toThrow("database away");
    await wake();
    expect(calls).toBe(2);
  });
});
