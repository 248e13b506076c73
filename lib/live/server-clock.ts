// Countdowns run on the database's clock: a device whose clock is off by a minute must still show the
// same seconds left as everyone else. The offset is measured from a server timestamp (the round event's
// server_now, or the page's render time) against the device's clock when it arrived.

/** Milliseconds to add to the device's Date.now() to get the server's now. */
export function clockOffset(serverNowIso: string, receivedAtMs: number): number {
  const server = Date.parse(serverNowIso);
  return Number.isNaN(server) ? 0 : server - receivedAtMs;
}

/** Whole seconds left until closesAt on the server's clock (never negative); frozen while paused. */
export function secondsLeft(
  { closesAt, pausedAt }: { closesAt: string; pausedAt?: string | null },
  deviceNowMs: number,
  offsetMs: number,
): number {
  const now = pausedAt ? Date.parse(pausedAt) : deviceNowMs + offsetMs;
  return Math.max(0, Math.ceil((Date.parse(closesAt) - now) / 1000));
}

/** "0:07", "1:30", "29:59". */
export function formatCountdown(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
