/**
 * When a channel runs next. A failing channel backs off (its interval doubled per failure in a
 * row, up to an hour or its own interval when that is longer), so a feed that is down is not
 * hammered, and it comes back to its interval after one success.
 */
export const MAX_BACKOFF_SECONDS = 3600;

export function secondsUntilNextRun(channel: { intervalSeconds: number; consecutiveFailures: number }): number {
  if (channel.consecutiveFailures <= 0) return channel.intervalSeconds;
  const cap = Math.max(channel.intervalSeconds, MAX_BACKOFF_SECONDS);
  const backedOff = channel.intervalSeconds * 2 ** Math.min(channel.consecutiveFailures, 20);
  return Math.min(backedOff, cap);
}

export function nextRunAt(channel: { intervalSeconds: number; consecutiveFailures: number }, now: Date): Date {
  return new Date(now.getTime() + secondsUntilNextRun(channel) * 1000);
}
