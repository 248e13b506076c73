import type { ApiRequest } from '../http';
import type { Queryable } from './db';
import type { AuthEnv } from './env';
import { AuthError } from './errors';
import { generateOtp, storeOneTimeToken, tokenHash } from './one-time-tokens';
import { goQueryEscape, referrer } from './redirect';
import type { MailKind } from './templates';
import type { UserRow } from './users';

/** Implicit links carry the bare hash; PKCE ones `pkce_<hash>` (pkce.go addFlowPrefixToToken). */
export type FlowType = 'implicit' | 'pkce';

const withFlowPrefix = (hash: string, flow: FlowType) => (flow === 'pkce' ? `pkce_${hash}` : hash);

/** mail.go validateSentWithinFrequencyLimit: `max_frequency` between two mails of a kind. */
function checkFrequency(env: AuthEnv, sentAt: Date | null): AuthError | null {
  const frequency = env.ctx.config.auth.email.maxFrequencyMs;
  if (!sentAt || sentAt.getTime() + frequency <= Date.now()) return null;
  const waitMs = sentAt.getTime() + frequency - Date.now();
  const left = Math.trunc(waitMs / 1000);
  return new AuthError(
    429,
    'over_email_send_rate_limit',
    `For security purposes, you can only request this after ${left} seconds.`,
    {},
    false,
    { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) },
  );
}

/** templatemailer encodeRedirectURL: escaped only when it contains `&`, `=` or `#`. */
const encodeRedirect = (url: string) => (/[&=#]/.test(url) ? goQueryEscape(url) : url);

/** The `{{ .ConfirmationURL }}` of a mail: GET /verify on the Auth URL (the CLI's MAILER_URLPATHS). */
export function actionLink(env: AuthEnv, token: string, type: string, redirectTo: string): string {
  return `${env.issuer()}/verify?token=${goQueryEscape(token)}&type=${goQueryEscape(type)}&redirect_to=${encodeRedirect(redirectTo)}`;
}

interface LinkMail {
  kind: MailKind;
  /** The verification type in the link. */
  type: string;
  column: 'confirmation_token' | 'recovery_token';
  sentColumn: 'confirmation_sent_at' | 'recovery_sent_at';
  failure: string;
  checkFrequencyOf: Date | null | undefined;
  alsoInvited?: boolean;
}

async function sendLinkMail(
  env: AuthEnv,
  db: Queryable,
  req: ApiRequest,
  user: UserRow,
  flow: FlowType,
  mail: LinkMail,
) {
  if (mail.checkFrequencyOf !== undefined) {
    const tooSoon = checkFrequency(env, mail.checkFrequencyOf);
    if (tooSoon) throw tooSoon;
  }
  const email = user.email ?? '';
  const otp = generateOtp(env.ctx.config.auth.email.otpLength);
  const token = withFlowPrefix(tokenHash(email, otp), flow);
  const redirectTo = referrer(env.ctx.config.auth, req);
  await env.mailer.send(
    mail.kind,
    [
      {
        to: email,
        data: {
          SiteURL: env.ctx.config.auth.siteUrl,
          ConfirmationURL: actionLink(env, token, mail.type, redirectTo),
          Email: email,
          Token: otp,
          TokenHash: token,
          Data: user.raw_user_meta_data ?? {},
          RedirectTo: redirectTo,
        },
      },
    ],
    mail.failure,
  );
  await db.query(
    `update auth.users set ${mail.column} = $2, ${mail.sentColumn} = now()${mail.alsoInvited ? ', invited_at = now()' : ''}
     where id = $1`,
    [user.id, token],
  );
  await storeOneTimeToken(db, user.id, mail.column, email, token);
}

/** mail.go sendConfirmation: the sign-up confirmation. */
export function sendConfirmation(env: AuthEnv, db: Queryable, req: ApiRequest, user: UserRow, flow: FlowType) {
  return sendLinkMail(env, db, req, user, flow, {
    kind: 'confirmation',
    type: 'signup',
    column: 'confirmation_token',
    sentColumn: 'confirmation_sent_at',
    failure: 'Error sending confirmation email',
    checkFrequencyOf: user.confirmation_sent_at,
  });
}

/** mail.go sendInvite (no frequency limit: an admin asks). */
export function sendInvite(env: AuthEnv, db: Queryable, req: ApiRequest, user: UserRow) {
  return sendLinkMail(env, db, req, user, 'implicit', {
    kind: 'invite',
    type: 'invite',
    column: 'confirmation_token',
    sentColumn: 'confirmation_sent_at',
    failure: 'Error sending invite email',
    checkFrequencyOf: undefined,
    alsoInvited: true,
  });
}

/** mail.go sendPasswordRecovery. */
export function sendRecovery(env: AuthEnv, db: Queryable, req: ApiRequest, user: UserRow, flow: FlowType) {
  return sendLinkMail(env, db, req, user, flow, {
    kind: 'recovery',
    type: 'recovery',
    column: 'recovery_token',
    sentColumn: 'recovery_sent_at',
    failure: 'Error sending recovery email',
    checkFrequencyOf: user.recovery_sent_at,
  });
}

/** mail.go sendMagicLink: a recovery token with another template, so it shares the recovery timer. */
export function sendMagicLink(env: AuthEnv, db: Queryable, req: ApiRequest, user: UserRow, flow: FlowType) {
  return sendLinkMail(env, db, req, user, flow, {
    kind: 'magic_link',
    type: 'magiclink',
    column: 'recovery_token',
    sentColumn: 'recovery_sent_at',
    failure: 'Error sending magic link email',
    checkFrequencyOf: user.recovery_sent_at,
  });
}

/**
 * mail.go sendEmailChange: a link and OTP to the new address and, with `double_confirm_changes`
 * (secure e-mail change) and an existing address, another pair to the current one.
 */
export async function sendEmailChange(
  env: AuthEnv,
  db: Queryable,
  req: ApiRequest,
  user: UserRow,
  newEmail: string,
  flow: FlowType,
): Promise<void> {
  const tooSoon = checkFrequency(env, user.email_change_sent_at);
  if (tooSoon) throw tooSoon;
  const { otpLength, doubleConfirmChanges } = env.ctx.config.auth.email;
  const otpNew = generateOtp(otpLength);
  const tokenNew = withFlowPrefix(tokenHash(newEmail, otpNew), flow);
  const current = user.email ?? '';
  const secure = doubleConfirmChanges && current !== '';
  const otpCurrent = secure ? generateOtp(otpLength) : '';
  const tokenCurrent = secure ? withFlowPrefix(tokenHash(current, otpCurrent), flow) : '';
  const redirectTo = referrer(env.ctx.config.auth, req);
  const data = (sendingTo: string, otp: string, token: string) => ({
    SiteURL: env.ctx.config.auth.siteUrl,
    ConfirmationURL: actionLink(env, token, 'email_change', redirectTo),
    Email: current,
    NewEmail: newEmail,
    Token: otp,
    TokenHash: token,
    SendingTo: sendingTo,
    Data: user.raw_user_meta_data ?? {},
    RedirectTo: redirectTo,
  });
  const mails = [{ to: newEmail, data: data(newEmail, otpNew, tokenNew) }];
  if (secure) mails.push({ to: current, data: data(current, otpCurrent, tokenCurrent) });
  await env.mailer.send('email_change', mails, 'Error sending email change email');
  await db.query(
    `update auth.users set email_change = $2, email_change_token_new = $3, email_change_token_current = $4,
       email_change_confirm_status = 0, email_change_sent_at = now()
     where id = $1`,
    [user.id, newEmail, tokenNew, secure ? tokenCurrent : (user.email_change_token_current ?? '')],
  );
  if (secure) await storeOneTimeToken(db, user.id, 'email_change_token_current', current, tokenCurrent);
  await storeOneTimeToken(db, user.id, 'email_change_token_new', newEmail, tokenNew);
}

/**
 * mail.go sendReauthenticationOtp: a code (no link) for PUT /user's `nonce`, kept hashed with the
 * address like a mail OTP, under the same max_frequency as every other mail.
 */
export async function sendReauthentication(
  env: AuthEnv,
  db: Queryable,
  user: UserRow,
  sentAt: Date | null,
): Promise<void> {
  const tooSoon = checkFrequency(env, sentAt);
  if (tooSoon) throw tooSoon;
  const email = user.email ?? '';
  const otp = generateOtp(env.ctx.config.auth.email.otpLength);
  const token = tokenHash(email, otp);
  await env.mailer.send(
    'reauthentication',
    [
      {
        to: email,
        data: {
          SiteURL: env.ctx.config.auth.siteUrl,
          Email: email,
          Token: otp,
          TokenHash: token,
          Data: user.raw_user_meta_data ?? {},
        },
      },
    ],
    'Error sending reauthentication email',
  );
  await db.query('update auth.users set reauthentication_token = $2, reauthentication_sent_at = now() where id = $1', [
    user.id,
    token,
  ]);
  await storeOneTimeToken(db, user.id, 'reauthentication_token', email, token);
}
