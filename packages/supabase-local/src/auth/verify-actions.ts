import { randomBytes } from 'node:crypto';
import type { AuthConfig } from '../config';
import type { Queryable } from './db';
import { clearAllOneTimeTokens, clearOneTimeToken, findTokenOwner } from './one-time-tokens';
import { confirmUser, hashPassword, type UserRow, writeAudit } from './users';
import type { VerifyTarget } from './verify-tokens';

/** verify.go signupVerify (signup and invite links): confirm, and give an invitee a password to replace. */
export async function signupVerify(db: Queryable, user: UserRow, ip: string): Promise<void> {
  if (!user.encrypted_password && user.invited_at) {
    // GoTrue sets a random password the app is expected to have the user replace.
    await db.query('update auth.users set encrypted_password = $2, updated_at = now() where id = $1', [
      user.id,
      await hashPassword(randomBytes(32).toString('base64url')),
    ]);
  }
  await writeAudit(db, 'user_signedup', user, ip, { provider: 'email' });
  await confirmUser(db, user.id);
  await db.query(
    `update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb, updated_at = now()
     where user_id = $1 and email is not null and email = $2`,
    [user.id, user.email],
  );
}

/** verify.go recoverVerify (recovery and magic links): the recovery token is spent; first use confirms. */
export async function recoverVerify(db: Queryable, user: UserRow, ip: string): Promise<void> {
  await db.query(`update auth.users set recovery_token = '', updated_at = now() where id = $1`, [user.id]);
  await clearAllOneTimeTokens(db, user.id);
  if (!user.email_confirmed_at) {
    await writeAudit(db, 'user_signedup', user, ip, { provider: 'email' });
    await confirmUser(db, user.id);
  } else {
    await writeAudit(db, 'login', user, ip);
  }
}

/**
 * verify.go emailChangeVerify. With confirmations on and `double_confirm_changes`, the first of the
 * two links (to the current and to the new address) only records itself and returns false; the
 * second — or the only one otherwise — moves the address: the e-mail identity follows (created if
 * the user had none, as an anonymous user has not), the user stops being anonymous and is confirmed.
 */
export async function emailChangeVerify(
  db: Queryable,
  config: AuthConfig,
  user: UserRow,
  target: VerifyTarget | null,
  ip: string,
): Promise<boolean> {
  const email = config.email;
  if (email.enableConfirmations && email.doubleConfirmChanges && user.email_change_confirm_status === 0 && user.email) {
    const hash = target?.tokenHash ?? '';
    const raw = target?.token ?? '';
    const current = await findTokenOwner(db, hash, ['email_change_token_current']);
    const fresh = await findTokenOwner(db, hash, ['email_change_token_new']);
    let tokenCurrent = user.email_change_token_current;
    let tokenNew = user.email_change_token_new;
    if (raw === tokenCurrent || hash === tokenCurrent || current) {
      tokenCurrent = '';
      await clearOneTimeToken(db, user.id, 'email_change_token_current');
    } else if (raw === tokenNew || hash === tokenNew || fresh) {
      tokenNew = '';
      await clearOneTimeToken(db, user.id, 'email_change_token_new');
    }
    await db.query(
      `update auth.users set email_change_confirm_status = 1, email_change_token_current = $2,
         email_change_token_new = $3 where id = $1`,
      [user.id, tokenCurrent, tokenNew],
    );
    return false;
  }

  const newEmail = user.email_change ?? '';
  await writeAudit(db, 'user_modified', user, ip);
  const identity = await db.query('select id from auth.identities where user_id = $1 and provider = $2', [
    user.id,
    'email',
  ]);
  if (identity.rowCount) {
    await db.query(
      `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text,
         'email_verified', true), updated_at = now() where user_id = $1 and provider = 'email'`,
      [user.id, newEmail],
    );
  } else {
    await db.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
       values ($1::text, $1::uuid, $2, 'email', now(), now(), now())`,
      [user.id, JSON.stringify({ sub: user.id, email: newEmail, email_verified: true, phone_verified: false })],
    );
  }
  await db.query(
    `update auth.users set email = $2::text, email_change = '', email_change_token_current = '', email_change_token_new = '',
       email_change_confirm_status = 0, is_anonymous = false, updated_at = now(),
       -- user_metadata mirrors the e-mail identity's claims (see signup), so its address follows too.
       raw_user_meta_data = case when raw_user_meta_data ? 'email'
         then raw_user_meta_data || jsonb_build_object('email', $2::text) else raw_user_meta_data end
     where id = $1`,
    [user.id, newEmail],
  );
  await clearAllOneTimeTokens(db, user.id);
  if (!user.email_confirmed_at) await confirmUser(db, user.id);
  return true;
}
