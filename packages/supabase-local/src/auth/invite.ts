import type { ApiRequest } from '../http';
import type { JwtClaims } from '../jwt';
import { type Queryable, withAuthTransaction } from './db';
import type { AuthEnv } from './env';
import { type AuthError, unexpectedFailure, unprocessable } from './errors';
import { Params } from './params';
import { sendInvite } from './send-mails';
import { findUserByEmail, findUserById, insertUser, NIL_INSTANCE, type UserRow, userJson, writeAudit } from './users';
import { validateEmail } from './validate';

export const EMAIL_EXISTS = 'A user with this email address has already been registered';

/** The audit actor of an admin call: the token's subject if it has one (GoTrue's getAdminUser). */
export function adminActor(claims: JwtClaims): { id: string; email: string | null } {
  return { id: typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : NIL_INSTANCE, email: '' };
}

/** A user as GoTrue creates one for an invite or a generated link: unconfirmed, with its e-mail identity. */
export async function createLinkUser(
  db: Queryable,
  email: string,
  encryptedPassword: string,
  data: Record<string, unknown>,
): Promise<UserRow> {
  return insertUser(db, {
    email,
    encryptedPassword,
    emailConfirmed: false,
    appMetadata: { provider: 'email', providers: ['email'] },
    userMetadata: data,
  }).catch((error: Error) => {
    console.error(`[auth] saving new user failed: ${error.message}`);
    throw unexpectedFailure('Database error saving new user');
  });
}

/** POST /invite (admin.inviteUserByEmail): creates the user if needed and mails the invite link. */
export async function invite(env: AuthEnv, req: ApiRequest, claims: JwtClaims, body: Record<string, unknown>) {
  const params = new Params(body, 'InviteParams');
  const email = validateEmail(params.string('email'));
  if (typeof email !== 'string') return email;
  const data = params.object('data') ?? {};
  return withAuthTransaction(env.ctx.adminPool, async (db): Promise<Record<string, unknown> | AuthError> => {
    await db.query('select pg_advisory_xact_lock(hashtext($1))', [`auth.signup:${email}`]);
    let user = await findUserByEmail(db, email);
    if (user?.email_confirmed_at) return unprocessable('email_exists', EMAIL_EXISTS);
    if (!user) user = await createLinkUser(db, email, '', data);
    await writeAudit(db, 'user_invited', adminActor(claims), req.ip, { user_id: user.id, user_email: user.email });
    await sendInvite(env, db, req, user);
    return userJson(db, (await findUserById(db, user.id)) ?? user);
  });
}
