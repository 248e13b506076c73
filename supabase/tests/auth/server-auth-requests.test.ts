import { randomInt } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { makeClient, serviceClient, stackInfo } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import ws from 'ws';
import { authForwardingFetch } from '@/lib/supabase/auth-forwarding';
import { createChildUser } from '../rls/family-helpers';

// The app's server makes every Auth request for its visitors (sign-in, sign-up, refresh). Through
// lib/supabase/auth-forwarding.ts they carry the secret key and the visitor's address, so Auth counts
// each visitor separately instead of this one server, and accepts a child's server-derived password.

/** A cookie-bound client as lib/supabase/server.ts builds it, for a visitor at `address`. */
function serverClientFor(address: string | null) {
  return createClient(stackInfo().url, stackInfo().anonKey, {
    realtime: { transport: ws as never },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: {
      fetch: authForwardingFetch({
        supabaseUrl: stackInfo().url,
        serverKey: stackInfo().secretKey,
        clientAddress: address,
      }),
    },
  });
}

const visitor = () => `203.0.113.${randomInt(1, 255)}`;

describe("the server's Auth requests", () => {
  it("count against each visitor's address, so one visitor's failures do not lock out the others", async () => {
    const flooder = serverClientFor(visitor());
    let limitedAt = 0;
    // Sign-ins without an e-mail take a /token token each, without a bcrypt: a quick way to drain it.
    for (let i = 1; i <= 40 && limitedAt === 0; i++) {
      const { error } = await flooder.auth.signInWithPassword({ email: '', password: 'x' });
      if (error?.status === 429) limitedAt = i;
      else expect(error?.code).toBe('validation_failed');
    }
    expect(limitedAt).toBeGreaterThanOrEqual(31);
    expect(limitedAt).toBeLessThanOrEqual(33);

    const other = await serverClientFor(visitor()).auth.signInWithPassword({ email: '', password: 'x' });
    expect(other.error?.code).toBe('validation_failed');
  });

  it("sign a child in with the server's password, which a browser cannot", async () => {
    const child = await createChildUser({ banned: false });
    const server = await serverClientFor(visitor()).auth.signInWithPassword(child);
    expect(server.error).toBeNull();
    expect(server.data.user?.app_metadata).toMatchObject({ account_type: 'child' });

    const browser = await makeClient().auth.signInWithPassword(child);
    expect(browser.error?.code).toBe('invalid_credentials');
    // And the signed-in child cannot choose a password of their own.
    const client = serverClientFor(visitor());
    if (!server.data.session) throw new Error('no session');
    await client.auth.setSession(server.data.session);
    expect((await client.auth.updateUser({ password: 'chosen-by-child' })).error?.code).toBe('not_admin');
    await serviceClient().auth.admin.deleteUser(child.id);
  });
});
