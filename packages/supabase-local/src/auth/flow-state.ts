import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './db';
import { AuthError, badRequest, unprocessable } from './errors';

/** GoTrue's FlowStateExpiryDuration default: a code must be exchanged within 5 minutes. */
const FLOW_STATE_EXPIRY_MS = 300_000;

/** pkce.go validatePKCEParams: both or neither, and an RFC 7636 challenge. */
export function validatePkceParams(method: string, challenge: string): AuthError | null {
  if ((challenge === '') !== (method === '')) {
    return badRequest('validation_failed', 'PKCE flow requires code_challenge_method and code_challenge');
  }
  if (challenge === '') return null;
  if (challenge.length < 43 || challenge.length > 128) {
    return badRequest('validation_failed', 'code challenge has to be between 43 and 128 characters');
  }
  if (!/^[a-zA-Z._~0-9-]+$/.test(challenge)) {
    return badRequest(
      'validation_failed',
      'code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes',
    );
  }
  // GoTrue only finds an unknown method when it saves the flow (and then fails with a 500); refuse it here.
  if (!['s256', 'plain'].includes(method.toLowerCase())) {
    return badRequest('validation_failed', `unsupported code_challenge method "${method}"`);
  }
  return null;
}

export interface PkceRequest {
  codeChallenge: string;
  codeChallengeMethod: string;
}

/** pkce.go generateFlowState for an e-mail flow: provider_type and authentication_method alike. */
export async function createFlowState(
  db: Queryable,
  userId: string,
  authenticationMethod: string,
  pkce: PkceRequest,
): Promise<void> {
  await db.query(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
       authentication_method, created_at, updated_at)
     values ($1, $2, $3, $4::auth.code_challenge_method, $5, $6, $6, now(), now())`,
    [
      randomUUID(),
      userId,
      randomUUID(),
      pkce.codeChallengeMethod.toLowerCase(),
      pkce.codeChallenge,
      authenticationMethod,
    ],
  );
}

/** pkce.go issueAuthCode: the user's newest flow state for this method hands out its code. */
export async function issueAuthCode(db: Queryable, userId: string, authenticationMethod: string) {
  const { rows } = await db.query<{ id: string; auth_code: string | null }>(
    `select id, auth_code from auth.flow_state where user_id = $1 and authentication_method = $2
     order by created_at desc limit 1`,
    [userId, authenticationMethod],
  );
  if (!rows[0]) return unprocessable('flow_state_not_found', 'No valid flow state found for user.');
  if (!rows[0].auth_code) {
    return unprocessable('flow_state_not_found', 'Flow state does not have an auth code (not a PKCE flow).');
  }
  await db.query('update auth.flow_state set auth_code_issued_at = now(), updated_at = now() where id = $1', [
    rows[0].id,
  ]);
  return rows[0].auth_code;
}

/** security.VerifyPKCEChallenge. */
function verifyChallenge(challenge: string, method: string, verifier: string): boolean {
  const expected = method === 's256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  const a = Buffer.from(challenge);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface ExchangedFlow {
  userId: string;
  authenticationMethod: string;
}

/**
 * The checks of token.go PKCE before a session is issued: the code must name a flow with a user,
 * not have expired (magic links count from when the code was issued) and match the verifier. The
 * flow is deleted in the caller's transaction, so a code works once.
 */
export async function exchangeAuthCode(
  db: Queryable,
  authCode: string,
  verifier: string,
): Promise<ExchangedFlow | AuthError> {
  if (authCode === '' || verifier === '') {
    return badRequest('validation_failed', 'invalid request: both auth code and code verifier should be non-empty');
  }
  const { rows } = await db.query<{
    id: string;
    user_id: string | null;
    code_challenge: string | null;
    code_challenge_method: string | null;
    authentication_method: string;
    started: Date;
  }>(
    `select id, user_id, code_challenge, code_challenge_method, authentication_method,
       case when auth_code_issued_at is not null and authentication_method = 'magiclink'
         then auth_code_issued_at else created_at end as started
     from auth.flow_state where auth_code = $1 for update`,
    [authCode],
  );
  const flow = rows[0];
  if (!flow?.user_id)
    return new AuthError(404, 'flow_state_not_found', 'invalid flow state, no valid flow state found');
  if (Date.now() > flow.started.getTime() + FLOW_STATE_EXPIRY_MS) {
    return unprocessable('flow_state_expired', 'invalid flow state, flow state has expired');
  }
  if (!flow.code_challenge || !flow.code_challenge_method) {
    return badRequest('bad_code_verifier', 'PKCE verification not applicable for implicit flow');
  }
  if (!verifyChallenge(flow.code_challenge, flow.code_challenge_method, verifier)) {
    return badRequest('bad_code_verifier', 'code challenge does not match previously saved code verifier');
  }
  await db.query('delete from auth.flow_state where id = $1', [flow.id]);
  return { userId: flow.user_id, authenticationMethod: flow.authentication_method };
}
