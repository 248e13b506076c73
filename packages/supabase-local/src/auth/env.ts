import type { StackContext } from '../http';
import type { PasswordLockout } from './lockout';
import type { Mailer } from './mailer';
import type { AuthLimiters } from './rate-limit';

/** What every Auth handler works with. */
export interface AuthEnv {
  ctx: StackContext;
  /** The JWT issuer and the base of mail links: the gateway's URL + /auth/v1 (the CLI's external URL). */
  issuer: () => string;
  limits: AuthLimiters;
  /** Per-account backoff on password sign-ins. */
  lockout: PasswordLockout;
  mailer: Mailer;
}
