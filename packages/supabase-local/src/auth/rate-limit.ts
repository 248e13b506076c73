/**
 * Sliding-window limiter: at most `limit` hits per `windowMs` per key. GoTrue limits password
 * sign-ins per client address (`[auth.rate_limit] sign_in_sign_ups` per 5 minutes). The key is
 * `ApiRequest.ip`, which the gateway takes from `X-Forwarded-For` when the peer is loopback (as
 * Kong hands it to GoTrue), so tests can act as distinct clients.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one attempt; returns false (without recording) when the key is over its limit. */
  hit(key: string): boolean {
    const now = this.now();
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((time) => time > since);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(since);
    return true;
  }

  private prune(since: number): void {
    for (const [key, times] of this.hits) {
      if (times.every((time) => time <= since)) this.hits.delete(key);
    }
  }
}

export const SIGN_IN_WINDOW_MS = 5 * 60 * 1000;
