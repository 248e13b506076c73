import { describe, expect, it } from 'vitest';
import { adminQuery, makeClient, readJson, signUpUser, stackInfo } from '../../src/testing/clients';

/** One refresh with a fresh client each time: auth-js de-duplicates concurrent refreshes per client. */
async function refresh(refreshToken: string) {
  return makeClient().auth.refreshSession({ refresh_token: refreshToken });
}

async function rawRefresh(refreshToken: string) {
  const res = await fetch(`${stackInfo().url}/auth/v1/token?grant_type=refresh_token`, {
    method: 'POST',
    headers: {
      apikey: stackInfo().anonKey,
      'content-type': 'application/json',
      'x-supabase-api-version': '2024-01-01',
    },
    body: JSON.stringify({ refresh_token: refreshToken }),
  });
  return { status: res.status, body: await readJson(res) };
}

async function signedIn() {
  const { email, password, id } = await signUpUser();
  const { data, error } = await makeClient().auth.signInWithPassword({ email, password });
  if (error || !data.session) throw error ?? new Error('no session');
  return { id, session: data.session };
}

describe('auth: refresh-token rotation', () => {
  it('rotates: each refresh revokes the presented token and issues a child in the same session', async () => {
    const { session } = await signedIn();
    const first = await refresh(session.refresh_token);
    expect(first.error).toBeNull();
    const rotated = first.data.session;
    if (!rotated) throw new Error('no session');
    expect(rotated.refresh_token).not.toBe(session.refresh_token);
    const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
    expect(claims(rotated.access_token).session_id).toBe(claims(session.access_token).session_id);
    expect(claims(rotated.access_token).amr).toEqual(claims(session.access_token).amr);

    const rows = await adminQuery(
      'select token, revoked, parent from auth.refresh_tokens where token = any($1) order by id',
      [[session.refresh_token, rotated.refresh_token]],
    );
    expect(rows).toEqual([
      { token: session.refresh_token, revoked: true, parent: null },
      { token: rotated.refresh_token, revoked: false, parent: session.refresh_token },
    ]);
  });

  it('inside the reuse window a revoked token still works: the parent of the active token gets that token', async () => {
    const { session } = await signedIn();
    const t1 = (await refresh(session.refresh_token)).data.session?.refresh_token;
    // Two concurrent SSR requests with the same cookie: the second one must not log the user out.
    const again = await refresh(session.refresh_token);
    expect(again.error).toBeNull();
    expect(again.data.session?.refresh_token).toBe(t1);

    const t2 = (await refresh(t1 ?? '')).data.session?.refresh_token;
    expect(t2).toBeTruthy();
    // t0 is no longer the active token's parent, but it was revoked moments ago: still accepted.
    const late = await refresh(session.refresh_token);
    expect(late.error).toBeNull();
    expect([t1, t2]).not.toContain(late.data.session?.refresh_token);
  });

  it('outside the reuse window a revoked token is refused and revokes the whole family', async () => {
    const { session } = await signedIn();
    const t1 = (await refresh(session.refresh_token)).data.session?.refresh_token ?? '';
    const t2 = (await refresh(t1)).data.session?.refresh_token ?? '';
    expect(t2).toMatch(/^[a-z0-9]{12}$/);

    // refresh_token_reuse_interval is 10 s in config.toml.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    // t1 would still pass as the parent of the active token (GoTrue: the client lost that response);
    // t0 is two generations back and was revoked more than 10 s ago.
    const reused = await rawRefresh(session.refresh_token);
    expect(reused).toEqual({
      status: 400,
      body: { code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' },
    });
    const { error } = await refresh(t2);
    expect(error?.status).toBe(400);
    expect(error?.code).toMatch(/^(session_expired|refresh_token_already_used)$/);
    expect((await refresh(t1)).error?.status).toBe(400);
    const active = await adminQuery('select 1 from auth.refresh_tokens where token in ($1, $2) and not revoked', [
      t1,
      t2,
    ]);
    expect(active).toHaveLength(0);
  }, 20_000);

  it('refuses unknown, malformed and missing refresh tokens', async () => {
    expect(await rawRefresh('abcdefghijkl')).toEqual({
      status: 400,
      body: { code: 'refresh_token_not_found', message: 'Invalid Refresh Token: Refresh Token Not Found' },
    });
    expect((await rawRefresh('short')).body.code).toBe('validation_failed');
    expect(await rawRefresh('')).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'refresh_token required' },
    });
  });

  it('refuses refreshing for a banned user', async () => {
    const { id, session } = await signedIn();
    await adminQuery("update auth.users set banned_until = now() + interval '1 day' where id = $1", [id]);
    expect((await rawRefresh(session.refresh_token)).body.code).toBe('user_banned');
  });
});
