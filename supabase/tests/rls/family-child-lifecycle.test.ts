import { adminQuery, makeClient, serviceClient, signInWithServerKey } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, type Parent, setParentPin, signUpParent } from './family-helpers';

// A parent renames a child, changes their avatar, and deactivates or reactivates them. Deactivating
// ends the child's sessions and hides them from sign-in, but keeps their data.
let parent: Parent;
let stranger: Parent;

function verify(familyCode: string, name: string, pin: string) {
  return serviceClient()
    .rpc('verify_child_pin', { p_family_code: familyCode, p_child_name: name, p_pin: pin, p_client: 'lifecycle-test' })
    .single<{ status: string }>();
}

async function profileOf(id: string) {
  const [row] = await adminQuery<{ display_name: string; avatar_url: string | null }>(
    'select display_name, avatar_url from public.profiles where id = $1',
    [id],
  );
  return row;
}

async function memberOf(id: string) {
  const [row] = await adminQuery<{ deactivated_at: Date | null }>(
    'select deactivated_at from public.family_members where user_id = $1',
    [id],
  );
  return row;
}

/**
 * The child's password grant as the kid sign-in server makes it (children sign in only with a server
 * key), as Auth sees it (the e-mail is Auth's, not derived here).
 */
async function passwordGrant(child: Child) {
  const [{ email }] = await adminQuery<{ email: string }>('select email from auth.users where id = $1', [child.id]);
  return signInWithServerKey(makeClient(), { email, password: child.password });
}

async function sessionsOf(id: string) {
  const [row] = await adminQuery<{ count: number }>(
    'select count(*)::int as count from auth.sessions where user_id = $1',
    [id],
  );
  return row.count;
}

beforeAll(async () => {
  [parent, stranger] = await Promise.all([signUpParent(), signUpParent()]);
  // Children of this family sign in below: kid sign-in needs the family's parent PIN.
  await setParentPin(parent);
});

describe('update_child_profile', () => {
  it('renames the child everywhere (they sign in with the new name) and sets the avatar', async () => {
    const child = await addChild(parent, { pin: '4321' });
    const newName = `Re${child.name}`;
    const { error } = await parent.client.rpc('update_child_profile', {
      p_child_id: child.id,
      p_display_name: `  ${newName} `,
      p_avatar: 'owl',
    });
    expect(error).toBeNull();
    expect(await profileOf(child.id)).toEqual({ display_name: newName, avatar_url: 'avatar:owl' });
    expect((await verify(parent.familyCode, newName, '4321')).data?.status).toBe('ok');
    expect((await verify(parent.familyCode, child.name, '4321')).data?.status).toBe('not_found');
  });

  it.each([
    ['', 'owl', 'child_name_length'],
    ['x'.repeat(41), 'owl', 'child_name_length'],
    ['Fine', 'unicorn', 'avatar_unknown'],
    ['Fine', '', 'avatar_unknown'],
    ['Fine', "owl' or '1'='1", 'avatar_unknown'],
  ])('refuses name %o with avatar %o (%s) and changes nothing', async (name, avatar, code) => {
    const child = await addChild(parent);
    const before = await profileOf(child.id);
    expectError(
      await parent.client.rpc('update_child_profile', { p_child_id: child.id, p_display_name: name, p_avatar: avatar }),
      code,
    );
    expect(await profileOf(child.id)).toEqual(before);
  });

  it("refuses a sibling's name, in any case", async () => {
    const [child, sibling] = [await addChild(parent), await addChild(parent)];
    expectError(
      await parent.client.rpc('update_child_profile', {
        p_child_id: child.id,
        p_display_name: sibling.name.toUpperCase(),
        p_avatar: 'fox',
      }),
      'child_name_taken',
    );
  });

  it('refuses a parent of another family and the child themselves', async () => {
    const child = await addChild(parent);
    const before = await profileOf(child.id);
    for (const client of [stranger.client, child.client]) {
      expectError(
        await client.rpc('update_child_profile', { p_child_id: child.id, p_display_name: 'Hacked', p_avatar: 'cat' }),
        'not_parent_of_child',
      );
    }
    expect(await profileOf(child.id)).toEqual(before);
  });
});

describe('deactivate_child / reactivate_child', () => {
  it('ends the sessions, hides the child from sign-in, answers open requests and keeps the data', async () => {
    const child = await addChild(parent, { pin: '1357' });
    // Two minutes of reading, as the heartbeat counts them: beats 20 s apart, the last one stopping.
    const end = Date.now();
    for (let t = 120; t >= 0; t -= 20) {
      await adminQuery('select private.reading_heartbeat_at($1, $2, $3)', [
        child.id,
        new Date(end - t * 1000),
        t === 0,
      ]);
    }
    const { data: requestId } = await child.client.rpc('request_more_time', { p_minutes: 15 });
    expect(await sessionsOf(child.id)).toBeGreaterThan(0);

    const { error } = await parent.client.rpc('deactivate_child', { p_child_id: child.id });
    expect(error).toBeNull();

    expect((await memberOf(child.id)).deactivated_at).not.toBeNull();
    expect(await sessionsOf(child.id)).toBe(0);
    expect((await child.client.auth.refreshSession()).error).not.toBeNull();
    expect((await verify(parent.familyCode, child.name, '1357')).data?.status).toBe('not_found');
    expect((await passwordGrant(child)).error?.code).toBe('user_banned');
    // Data kept: reading time, consent, controls, profile; the open request is answered "not today".
    const [kept] = await adminQuery<{ seconds: number; consents: number; controls: number; status: string }>(
      `select (select coalesce(sum(seconds), 0)::int from public.reading_time_entries where child_id = $1) as seconds,
              (select count(*)::int from public.parental_consents where child_id = $1 and revoked_at is null) as consents,
              (select count(*)::int from public.parental_controls where child_id = $1) as controls,
              (select status::text from public.approval_requests where id = $2) as status`,
      [child.id, requestId],
    );
    expect(kept).toEqual({ seconds: 120, consents: 1, controls: 1, status: 'denied' });
    const { data: overview } = await parent.client.rpc('get_children_overview');
    expect(overview?.find((c: { child_id: string }) => c.child_id === child.id)).toMatchObject({ deactivated: true });
  });

  it('while deactivated: no consent (it would lift the ban), no PIN, no second deactivation', async () => {
    const child = await addChild(parent, { consent: false });
    await parent.client.rpc('deactivate_child', { p_child_id: child.id });
    expectError(
      await parent.client.rpc('give_parental_consent', {
        p_child_id: child.id,
        p_method: 'in_app_attestation',
        p_statement: 'I agree.',
      }),
      'child_deactivated',
    );
    expectError(await parent.client.rpc('set_child_pin', { p_child_id: child.id, p_pin: '1111' }), 'child_deactivated');
    expectError(await parent.client.rpc('deactivate_child', { p_child_id: child.id }), 'child_deactivated');
    const [{ banned_until }] = await adminQuery<{ banned_until: Date | null }>(
      'select banned_until from auth.users where id = $1',
      [child.id],
    );
    expect(banned_until).not.toBeNull();
  });

  it('reactivating needs a valid PIN, restores sign-in with it and lifts the ban when consent stands', async () => {
    const child = await addChild(parent, { pin: '1357' });
    await parent.client.rpc('deactivate_child', { p_child_id: child.id });
    for (const pin of ['', '12', 'abcd', '1234567', null]) {
      expectError(
        await parent.client.rpc('reactivate_child', { p_child_id: child.id, p_pin: pin as string }),
        'pin_format',
      );
    }
    expect((await memberOf(child.id)).deactivated_at).not.toBeNull();

    expect((await parent.client.rpc('reactivate_child', { p_child_id: child.id, p_pin: '8642' })).error).toBeNull();
    expect((await memberOf(child.id)).deactivated_at).toBeNull();
    expect((await verify(parent.familyCode, child.name, '1357')).data?.status).toBe('wrong_pin');
    expect((await verify(parent.familyCode, child.name, '8642')).data?.status).toBe('ok');
    expect((await passwordGrant(child)).error).toBeNull();
    expectError(
      await parent.client.rpc('reactivate_child', { p_child_id: child.id, p_pin: '8642' }),
      'child_not_deactivated',
    );
  });

  it('refuses a parent of another family and the child themselves; nothing changes', async () => {
    const child = await addChild(parent);
    expectError(await stranger.client.rpc('deactivate_child', { p_child_id: child.id }), 'not_parent_of_child');
    expectError(await child.client.rpc('deactivate_child', { p_child_id: child.id }), 'not_parent_of_child');
    expect((await memberOf(child.id)).deactivated_at).toBeNull();
    expect(await sessionsOf(child.id)).toBeGreaterThan(0);

    await parent.client.rpc('deactivate_child', { p_child_id: child.id });
    expectError(
      await stranger.client.rpc('reactivate_child', { p_child_id: child.id, p_pin: '1111' }),
      'not_parent_of_child',
    );
    expect((await memberOf(child.id)).deactivated_at).not.toBeNull();
  });

  it("a parent's own id or a made-up id is not a child of theirs", async () => {
    for (const id of [parent.id, '00000000-0000-0000-0000-000000000000']) {
      expectError(await parent.client.rpc('deactivate_child', { p_child_id: id }), 'not_parent_of_child');
    }
  });
});
