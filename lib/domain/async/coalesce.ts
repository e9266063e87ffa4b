/**
 * Wraps a task so that it runs once at a time: a call while it runs is remembered, and the task
 * runs once more right after, however many calls came meanwhile. For "read what is new" tasks
 * (a story feed poll): the running one may have read before the thing that caused the later call.
 */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    try {
      do {
        again = false;
        await task();
      } while (again);
    } finally {
      running = null;
    }
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = run();
    return running;
  };
}
