import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRUST_NOBODY } from '../../src/client-address';
import { loadConfig } from '../../src/config';
import { adminQuery, randomEmail, readJson, serviceClient, stackInfo } from '../../src/testing/clients';
import { type AuthVariant, startAuthVariant } from './auth-variant';

// Which address Auth's per-address limits count against. Each variant is the stack's Auth service
// behind a gateway of its own (own limiters); `plain` and `noForwarding` trust no proxy, as
// `supabase-local start` does by default.

let plain: AuthVariant;
let noForwarding: AuthVariant;
let proxied: AuthVariant;

beforeAll(async () => {
  const nobody = { trustedProxies: TRUST_NOBODY };
  plain = await startAuthVariant((auth) => auth, nobody);
  noForwarding = await startAuthVariant((auth) => ({ ...auth, sbForwardedFor: false }), nobody);
  proxied = await startAuthVariant((auth) => auth, { trustedProxies: { addresses: ['127.0.0.1', '::1'], hops: 0 } });
});

afterAll(async () => {
  await Promise.all([plain?.stop(), noForwarding?.stop(), proxied?.stop()]);
});

const madeUp = () => `203.0.113.${randomInt(1, 255)}`;

/**
 * A password grant without an e-mail: it takes a token from the address's /token bucket like any grant
 * (and answers 400 validation_failed) without a bcrypt, so draining the bucket stays quick.
 */
function attempt(variant: AuthVariant, headers: Record<string, string>) {
  return fetch(`${variant.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: stackInfo().anonKey, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ password: 'wrong-password' }),
  });
}

/** Tries until the /token bucket refuses; returns how many attempts that took (0: never, within 60). */
async function exhaust(variant: AuthVariant, headers: () => Record<string, string> = () => ({})) {
  for (let i = 1; i <= 60; i++) {
    const res = await attempt(variant, headers());
    await res.body?.cancel();
    if (res.status === 429) return i;
    expect(res.status).toBe(400);
  }
  return 0;
}

/** GoTrue's /token bucket: 30, refilled at token_refresh per 5 minutes while the loop runs. */
function expectLimitedAfterBucket(limitedAt: number, startedAt: number) {
  const perSecond = loadConfig(stackInfo().supabaseDir).auth.rateLimit.tokenRefresh / 300;
  expect(limitedAt).toBeGreaterThanOrEqual(31);
  expect(limitedAt).toBeLessThanOrEqual(31 + Math.ceil(((Date.now() - startedAt) / 1000) * perSecond));
}

describe('gateway: forwarded addresses are believed from nobody by default', () => {
  it('a made-up X-Forwarded-For or X-Real-IP on every request does not reset the limit', async () => {
    const started = Date.now();
    const limitedAt = await exhaust(plain, () => ({ 'x-forwarded-for': madeUp(), 'x-real-ip': madeUp() }));
    expectLimitedAfterBucket(limitedAt, started);
    const res = await attempt(plain, { 'x-forwarded-for': madeUp() });
    expect(res.status).toBe(429);
    expect(await readJson(res)).toEqual({
      code: 429,
      error_code: 'over_request_rate_limit',
      msg: 'Request rate limit reached',
    });
  });

  it('Sb-Forwarded-For names the client only on requests made with the secret key', async () => {
    // The bucket of the gateway's peer (this process) is spent by the test above or here.
    if ((await attempt(plain, {})).status !== 429) await exhaust(plain);
    const forwardedBy = (apikey: string, value = madeUp()) => attempt(plain, { apikey, 'sb-forwarded-for': value });
    expect((await forwardedBy(stackInfo().secretKey)).status).toBe(400);
    expect((await forwardedBy(stackInfo().anonKey)).status).toBe(429);
    // Hosted refuses the legacy service_role key for this too.
    expect((await forwardedBy(stackInfo().serviceRoleKey)).status).toBe(429);
    expect((await forwardedBy(stackInfo().secretKey, 'not-an-address')).status).toBe(429);
  });

  it('a forwarded sign-in records the forwarded address on its session and audit entry', async () => {
    const email = randomEmail('forwarded');
    const created = await serviceClient().auth.admin.createUser({ email, password: 'password-1', email_confirm: true });
    expect(created.error).toBeNull();
    const address = madeUp();
    const res = await fetch(`${plain.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: stackInfo().secretKey, 'content-type': 'application/json', 'sb-forwarded-for': address },
      body: JSON.stringify({ email, password: 'password-1' }),
    });
    expect(res.status).toBe(200);
    const [session] = await adminQuery<{ ip: string }>('select host(ip) as ip from auth.sessions where user_id = $1', [
      created.data.user?.id,
    ]);
    expect(session.ip).toBe(address);
    const [audit] = await adminQuery<{ ip_address: string }>(
      `select ip_address from auth.audit_log_entries where payload->>'actor_id' = $1 and payload->>'action' = 'login'`,
      [created.data.user?.id],
    );
    expect(audit.ip_address).toBe(address);
  });

  it('ignores Sb-Forwarded-For when IP address forwarding is switched off', async () => {
    await exhaust(noForwarding);
    const res = await attempt(noForwarding, { apikey: stackInfo().secretKey, 'sb-forwarded-for': madeUp() });
    expect(res.status).toBe(429);
  });
});

describe('gateway: with trusted proxies', () => {
  it('believes what a trusted proxy appended, not what the client wrote before it', async () => {
    const client = `198.51.100.${randomInt(1, 255)}`;
    const started = Date.now();
    expectLimitedAfterBucket(await exhaust(proxied, () => ({ 'x-forwarded-for': client })), started);
    // Prepending a made-up address does not help: the trusted hop (this process) reported `client`.
    expect((await attempt(proxied, { 'x-forwarded-for': `${madeUp()}, ${client}` })).status).toBe(429);
    expect((await attempt(proxied, { 'x-forwarded-for': madeUp() })).status).toBe(400);
  });
});
