import type { PasswordLockoutConfig } from '../config';
import { AuthError } from './errors';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Per-account backoff on password sign-ins, whatever the address they come from (per-address
 * buckets alone let a spread-out guesser try forever). Keyed by the e-mail as typed, lower-cased,
 * whether or not such a user exists, so a lockout never tells a registered address from an unknown
 * one. In memory, like GoTrue's own limiters: a restart forgets it.
 */
export class PasswordLockout {
  private readonly accounts = new Map<string, { failures: number; lockedUntil: number; at: number }>();

  constructor(
    private readonly config: PasswordLockoutConfig,
    private readonly now: () => number = Date.now,
  ) {}

  private key(email: string): string {
    return email.trim().toLowerCase();
  }

  /** Whole seconds the account stays locked; 0 when a password may be tried. */
  lockedFor(email: string): number {
    const state = this.accounts.get(this.key(email));
    if (!state) return 0;
    const left = state.lockedUntil - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** A wrong password: from `threshold` failures in a row on, a lock that doubles each time. */
  fail(email: string): void {
    const key = this.key(email);
    const now = this.now();
    const previous = this.accounts.get(key);
    const failures = previous && now - previous.at < DAY_MS ? previous.failures + 1 : 1;
    const { threshold, baseSeconds, maxSeconds } = this.config;
    const over = failures - threshold;
    const seconds = over >= 0 ? Math.min(maxSeconds, baseSeconds * 2 ** Math.min(over, 30)) : 0;
    this.accounts.set(key, { failures, lockedUntil: now + seconds * 1000, at: now });
    if (this.accounts.size > 10_000) this.prune(now);
  }

  succeed(email: string): void {
    this.accounts.delete(this.key(email));
  }

  private prune(now: number): void {
    for (const [key, state] of this.accounts) {
      if (now - state.at >= DAY_MS && state.lockedUntil <= now) this.accounts.delete(key);
    }
  }
}

/** GoTrue's rate-limit answer, worded like its max_frequency refusals, with how long to wait. */
export function lockedOut(seconds: number): AuthError {
  return new AuthError(
    429,
    'over_request_rate_limit',
    `For security purposes, you can only try again after ${seconds} seconds.`,
    {},
    false,
    { 'retry-after': String(seconds) },
  );
}
