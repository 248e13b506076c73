import type { RateLimitConfig } from './auth-config';
import { AuthError } from './errors';

/**
 * A token bucket per key, as GoTrue's tollbooth limiters (golang.org/x/time/rate): a key starts
 * with `burst` tokens, each hit takes one, and tokens come back at `perSecond`. The key is
 * `ApiRequest.ip`: the TCP peer, what trusted proxies forwarded, or the `Sb-Forwarded-For` of a
 * request made with the secret key. Keys idle for `ttlMs` are forgotten (tollbooth's expirable
 * store), which also refills them.
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

  /** Whole seconds until `key` has a token again (what a refusal's Retry-After says). */
  waitSeconds(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const now = this.now();
    const untilForgotten = Math.max(0, bucket.at + this.ttlMs - now) / 1000;
    const tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    if (tokens >= 1) return 0;
    const untilRefilled = this.perSecond > 0 ? (1 - tokens) / this.perSecond : Number.POSITIVE_INFINITY;
    return Math.max(1, Math.ceil(Math.min(untilForgotten, untilRefilled)));
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

  /** Whole seconds until the next interval starts (the count starts over then). */
  waitSeconds(): number {
    const elapsed = (this.now() - this.start) % this.intervalMs;
    return Math.max(1, Math.ceil((this.intervalMs - elapsed) / 1000));
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

/**
 * What a refused request is answered (apierrors.ErrorCodeOverRequestRateLimit). GoTrue sends no
 * Retry-After; we add it (RFC 9110 §10.2.3), which clients that do not read it never notice.
 */
export function limited(bucket: TokenBucket, ip: string): AuthError | null {
  if (bucket.take(ip)) return null;
  return new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached', {}, false, {
    'retry-after': String(bucket.waitSeconds(ip)),
  });
}
