import { describe, expect, it } from 'vitest';
import { PUBLISHABLE_KEY } from '../../src/keys';
import { makeClient, randomEmail, readJson, serviceClient, signUpUser, stackInfo } from '../../src/testing/clients';

// Accounts whose app_metadata says account_type 'child' (a local rule, see the README): their
// password is the product server's secret, accepted only with a server key, and never set by the child.

async function createChild(password = 'server-derived-password') {
  const email = randomEmail('child');
  const { data, error } = await serviceClient().auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    app_metadata: { account_type: 'child' },
  });
  if (error || !data.user) throw error ?? new Error('no child');
  return { id: data.user.id, email, password };
}

function passwordGrant(apikey: string, email: string, password: string) {
  return fetch(`${stackInfo().url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey, 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
    body: JSON.stringify({ email, password }),
  });
}

const INVALID = { code: 'invalid_credentials', message: 'Invalid login credentials' };

describe("auth: a child's password", () => {
  it('is refused with the public keys exactly like a wrong password', async () => {
    const child = await createChild();
    for (const key of [stackInfo().anonKey, PUBLISHABLE_KEY]) {
      const right = await passwordGrant(key, child.email, child.password);
      expect(right.status).toBe(400);
      expect(await readJson(right)).toEqual(INVALID);
      const wrong = await passwordGrant(key, child.email, 'not-the-password');
      expect(wrong.status).toBe(400);
      expect(await readJson(wrong)).toEqual(INVALID);
    }
    const { data, error } = await makeClient().auth.signInWithPassword(child);
    expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    expect(data.session).toBeNull();
    // Each refusal counted as a failure, right password or not: the fifth locked the account.
    expect((await passwordGrant(stackInfo().secretKey, child.email, child.password)).status).toBe(429);
  });

  it('signs the child in on a request made with a server key', async () => {
    const child = await createChild();
    for (const key of [stackInfo().secretKey, stackInfo().serviceRoleKey]) {
      const res = await passwordGrant(key, child.email, child.password);
      expect(res.status).toBe(200);
      const session = await readJson(res);
      expect((session.user as { app_metadata: unknown }).app_metadata).toMatchObject({ account_type: 'child' });
    }
    // A wrong password is still wrong with a server key.
    expect((await passwordGrant(stackInfo().secretKey, child.email, 'not-the-password')).status).toBe(400);
  });

  it('cannot be changed by the signed-in child, while other fields can', async () => {
    const child = await createChild();
    const client = makeClient(stackInfo().secretKey);
    expect((await client.auth.signInWithPassword(child)).error).toBeNull();
    const { error } = await client.auth.updateUser({ password: 'chosen-by-the-child' });
    expect(error).toMatchObject({ status: 403, code: 'not_admin' });
    expect(error?.message).toBe('Updating the password of a child account requires admin privileges');
    const data = await client.auth.updateUser({ data: { favourite_colour: 'green' } });
    expect(data.error).toBeNull();
    // Neither password changed: the chosen one fails even with a server key, the server's still works.
    expect((await passwordGrant(stackInfo().secretKey, child.email, 'chosen-by-the-child')).status).toBe(400);
    expect((await passwordGrant(stackInfo().secretKey, child.email, child.password)).status).toBe(200);
  });

  it("is the admin API's to set, and grown-ups' accounts are untouched by the rule", async () => {
    const child = await createChild();
    const reset = await serviceClient().auth.admin.updateUserById(child.id, { password: 'rotated-by-server' });
    expect(reset.error).toBeNull();
    expect((await passwordGrant(stackInfo().secretKey, child.email, 'rotated-by-server')).status).toBe(200);

    const parent = await signUpUser();
    expect((await parent.client.auth.updateUser({ password: 'parent-new-password' })).error).toBeNull();
    expect((await passwordGrant(stackInfo().anonKey, parent.email, 'parent-new-password')).status).toBe(200);
  });
});
