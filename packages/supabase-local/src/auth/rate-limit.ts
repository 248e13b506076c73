import type { RateLimitConfig } from './auth-config';
import { AuthError } from './errors';

/**
 * A token bucket per key, as GoTrue's tollbooth limiters (golang.org/x/time/rate): a key starts
 * with `burst` tokens, each hit takes one, and tokens come back at `perSecond`. The key is
 * `ApiRequest.ip`, which the gateway takes from `X-Forwarded-For` when the peer is loopback (as the
 * hosted platform hands GoTrue the client address), so tests can act as distinct clients. Keys idle
 * for `ttlMs` are forgotten (tollbooth's expirable store), which also refills them.
 */
export class TokenBucket {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token; false (taking nothing) when the key has none left. */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key);
    let tokens = this.burst;
    if (bucket && now - bucket.at < this.ttlMs) {
      tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    }
    const allowed = tokens >= 1;
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
    if (this.buckets.size > 10_000) this.prune(now);
    return allowed;
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= this.ttlMs) this.buckets.delete(key);
  }
}

/**
 * GoTrue's IntervalLimiter for the instance-wide `email_sent`: at most `events` per interval, the
 * count starting over at each interval boundary.
 */
export class IntervalLimiter {
  private start: number;
  private count = 0;

  constructor(
    private readonly events: number,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.start = now();
  }

  take(): boolean {
    const now = this.now();
    const elapsed = Math.floor((now - this.start) / this.intervalMs);
    if (elapsed > 0) {
      this.start += elapsed * this.intervalMs;
      this.count = 0;
    }
    if (this.count >= this.events) return false;
    this.count++;
    return true;
  }
}

const FIVE_MINUTES = 5 * 60;

/**
 * GoTrue's per-route limiters (api/apilimiter) from the CLI's `[auth.rate_limit]` names:
 * `sign_in_sign_ups` (GOTRUE_RATE_LIMIT_OTP) refills /signup, /otp, /magiclink, /recover, /resend and
 * PUT /user — each its own bucket of 30; `token_refresh` every /token grant, password sign-ins
 * included, bucket 30; `token_verifications` /verify, bucket 30; `anonymous_users` anonymous
 * sign-ins per hour with a bucket of that size.
 */
export class AuthLimiters {
  readonly signup: TokenBucket;
  readonly otp: TokenBucket;
  readonly magicLink: TokenBucket;
  readonly recover: TokenBucket;
  readonly resend: TokenBucket;
  readonly user: TokenBucket;
  readonly token: TokenBucket;
  readonly verify: TokenBucket;
  readonly anonymous: TokenBucket;
  /** Instance-wide mails per hour; only consulted when confirmations are on (GoTrue's mailer). */
  readonly email: IntervalLimiter;

  constructor(limits: RateLimitConfig, emailSentPerHour: number) {
    const per5m = (rate: number) => new TokenBucket(rate / FIVE_MINUTES, 30);
    this.signup = per5m(limits.signInSignUps);
    this.otp = per5m(limits.signInSignUps);
    this.magicLink = per5m(limits.signInSignUps);
    this.recover = per5m(limits.signInSignUps);
    this.resend = per5m(limits.signInSignUps);
    this.user = per5m(limits.signInSignUps);
    this.token = per5m(limits.tokenRefresh);
    this.verify = per5m(limits.tokenVerifications);
    this.anonymous = new TokenBucket(limits.anonymousUsers / 3600, limits.anonymousUsers);
    this.email = new IntervalLimiter(emailSentPerHour, 60 * 60 * 1000);
  }
}

/** What a refused request is answered (apierrors.ErrorCodeOverRequestRateLimit). */
export function limited(bucket: TokenBucket, ip: string): AuthError | null {
  return bucket.take(ip) ? null : new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');
}
