import { randomUUID } from 'node:crypto';
import type { ApiRequest } from '../http';
import { type Queryable, withAuthTransaction } from './db';
import type { AuthEnv } from './env';
import { type AuthError, badRequest, unexpectedFailure, unprocessable } from './errors';
import { createFlowState, validatePkceParams } from './flow-state';
import { Params } from './params';
import { limited } from './rate-limit';
import { sendConfirmation } from './send-mails';
import { startPasswordSession, startSession } from './start-session';
import { confirmUser, findUserByEmail, hashPassword, insertUser, type UserRow, userJson, writeAudit } from './users';
import { checkPasswordStrength, validateEmail } from './validate';

const signupsDisabled = () => unprocessable('signup_disabled', 'Signups not allowed for this instance');

/**
 * POST /signup, routed as GoTrue's router does: no e-mail and no phone is an anonymous sign-in
 * (its own switch and hourly bucket), anything else a sign-up counted against `sign_in_sign_ups`.
 */
export async function signup(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  const params = new Params(body, 'SignupParams');
  const email = params.string('email');
  const phone = params.string('phone');
  const password = params.string('password');
  const data = params.object('data') ?? {};
  const challenge = params.string('code_challenge');
  const challengeMethod = params.string('code_challenge_method');
  if (email === '' && phone === '') {
    if (!env.ctx.config.auth.enableAnonymousSignIns) {
      return unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
    }
    return limited(env.limits.anonymous, req.ip) ?? signupAnonymously(env, req, data);
  }
  const refused = limited(env.limits.signup, req.ip);
  if (refused) return refused;

  const { config } = env.ctx;
  if (!config.auth.enableSignup) return signupsDisabled();
  if (password === '') return badRequest('validation_failed', 'Signup requires a valid password');
  const weak = checkPasswordStrength(password, config.auth.minimumPasswordLength);
  if (weak) return weak;
  if (email !== '' && phone !== '') {
    return badRequest('validation_failed', 'Only an email address or phone number should be provided on signup.');
  }
  const pkceError = validatePkceParams(challengeMethod, challenge);
  if (pkceError) return pkceError;
  if (email === '') return badRequest('phone_provider_disabled', 'Phone signups are disabled');
  if (!config.auth.email.enableSignup) return badRequest('email_provider_disabled', 'Email signups are disabled');
  const address = validateEmail(email);
  if (typeof address !== 'string') return address;
  return signupWithEmail(env, req, {
    email: address,
    password,
    data,
    pkce: challenge ? { codeChallenge: challenge, codeChallengeMethod: challengeMethod } : null,
  });
}

export interface EmailSignup {
  email: string;
  password: string;
  data: Record<string, unknown>;
  pkce: { codeChallenge: string; codeChallengeMethod: string } | null;
}

/** anonymous.go SignupAnonymously: a user without e-mail, identities or provider, and a session. */
async function signupAnonymously(env: AuthEnv, req: ApiRequest, data: Record<string, unknown>) {
  if (!env.ctx.config.auth.enableSignup) return signupsDisabled();
  return withAuthTransaction(env.ctx.adminPool, async (db) => {
    const user = await insertUser(db, {
      email: null,
      encryptedPassword: '',
      emailConfirmed: false,
      appMetadata: {},
      userMetadata: data,
      isAnonymous: true,
    }).catch((error: Error) => {
      console.error(`[auth] saving anonymous user failed: ${error.message}`);
      throw unexpectedFailure('Database error creating anonymous user');
    });
    return startSession(env, db, req, user, { method: 'anonymous' });
  });
}

/**
 * signup.go for e-mail: with autoconfirm (`enable_confirmations = false`) the user is confirmed and
 * signed in at once; otherwise a confirmation mail goes out and the answer is the user alone. An
 * address that is already confirmed gets 422 with autoconfirm and, without it, a made-up user so
 * that the answer does not tell whether the address is registered.
 */
export async function signupWithEmail(env: AuthEnv, req: ApiRequest, input: EmailSignup) {
  const { config } = env.ctx;
  const autoconfirm = !config.auth.email.enableConfirmations;
  const encryptedPassword = await hashPassword(input.password);

  return withAuthTransaction(env.ctx.adminPool, async (db): Promise<Record<string, unknown> | AuthError> => {
    // Serialise signups per address so two concurrent requests cannot both pass the check below.
    await db.query('select pg_advisory_xact_lock(hashtext($1))', [`auth.signup:${input.email}`]);
    let user = await findUserByEmail(db, input.email);
    if (user?.email_confirmed_at) {
      await writeAudit(db, 'user_repeated_signup', user, req.ip, { provider: 'email' });
      if (autoconfirm) return unprocessable('user_already_exists', 'User already registered');
      return obfuscatedUser(db, user, input.data);
    }
    if (!user) user = await createEmailUser(db, input.email, encryptedPassword, input.data, autoconfirm);

    if (autoconfirm) {
      await writeAudit(db, 'user_signedup', user, req.ip, { provider: 'email' });
      // An existing unconfirmed user (invited, or created by an admin) is confirmed, its password untouched.
      if (!user.email_confirmed_at) await confirmUser(db, user.id);
      return startPasswordSession(env, db, req, user);
    }
    // An unconfirmed user keeps its data: the request cannot prove who is asking.
    await writeAudit(db, 'user_confirmation_requested', user, req.ip, { provider: 'email' });
    if (input.pkce) await createFlowState(db, user.id, 'email/signup', input.pkce);
    await sendConfirmation(env, db, req, user, input.pkce ? 'pkce' : 'implicit');
    const json = await userJson(db, (await findUserByEmail(db, input.email)) ?? user);
    // signup.go hides an invited user's details from whoever signs up with that address.
    return user.invited_at ? { ...json, user_metadata: {}, identities: [] } : json;
  });
}

async function createEmailUser(
  db: Queryable,
  email: string,
  encryptedPassword: string,
  data: Record<string, unknown>,
  confirmed: boolean,
): Promise<UserRow> {
  const id = randomUUID();
  return insertUser(db, {
    id,
    email,
    encryptedPassword,
    emailConfirmed: confirmed,
    appMetadata: { provider: 'email', providers: ['email'] },
    // GoTrue merges the identity's claims into user_metadata; the app's `data` cannot override them.
    userMetadata: { ...data, sub: id, email, email_verified: confirmed, phone_verified: false },
  }).catch((error: Error) => {
    console.error(`[auth] saving new user failed: ${error.message}`);
    // A failing app trigger on auth.users lands here; GoTrue answers exactly this (a retryable 500).
    throw unexpectedFailure('Database error saving new user');
  });
}

/** signup.go sanitizeUser: the shape of a fresh unconfirmed user, nothing of the real one. */
async function obfuscatedUser(db: Queryable, user: UserRow, data: Record<string, unknown>) {
  const now = new Date();
  const json = await userJson(db, user);
  return {
    ...json,
    id: randomUUID(),
    role: '',
    email_confirmed_at: undefined,
    phone: '',
    phone_confirmed_at: undefined,
    confirmation_sent_at: now.toISOString(),
    confirmed_at: undefined,
    new_email: undefined,
    email_change_sent_at: undefined,
    last_sign_in_at: undefined,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: data,
    identities: [],
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}
