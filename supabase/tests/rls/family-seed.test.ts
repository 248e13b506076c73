import { adminQuery, makeClient, serviceClient, signInWithServerKey } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';

// The README lists these logins; this keeps the list true.
describe('seeded demo family', () => {
  it('has two parents who can sign in and two children of different age bands with known PINs', async () => {
    const members = await adminQuery<{ role: string; display_name: string; age_band: string | null }>(
      `select fm.role, p.display_name, pc.age_band from public.family_members fm
         join public.families f on f.id = fm.family_id join public.profiles p on p.id = fm.user_id
         left join public.parental_controls pc on pc.child_id = fm.user_id
        where f.code = 'DEMO42' order by fm.role, p.display_name`,
    );
    expect(members).toEqual([
      { role: 'parent', display_name: 'Demo Co-Parent', age_band: null },
      { role: 'parent', display_name: 'Demo Parent', age_band: null },
      { role: 'child', display_name: 'Leo', age_band: '10-12' },
      { role: 'child', display_name: 'Mia', age_band: '4-6' },
    ]);

    for (const email of ['demo@taleforge.test', 'demo-coparent@taleforge.test']) {
      const { error } = await makeClient().auth.signInWithPassword({ email, password: 'taleforge-demo' });
      expect(error).toBeNull();
    }
    for (const [name, pin] of [
      ['Mia', '1234'],
      ['Leo', '5678'],
    ]) {
      const { data } = await serviceClient()
        .rpc('verify_child_pin', { p_family_code: 'DEMO42', p_child_name: name, p_pin: pin })
        .single<{ status: string }>();
      expect(data?.status).toBe('ok');
    }
    // The seed consents for both children, which lifts the Auth ban add_child sets: kid sign-in works.
    const children = await adminQuery<{ id: string; email: string; banned_until: Date | null }>(
      `select u.id, u.email, u.banned_until from auth.users u join public.family_members fm on fm.user_id = u.id
         join public.families f on f.id = fm.family_id where f.code = 'DEMO42' and fm.role = 'child'`,
    );
    expect(children).toHaveLength(2);
    for (const child of children) {
      expect(child.banned_until).toBeNull();
      const password = `seed-check-${child.id}`;
      expect((await serviceClient().auth.admin.updateUserById(child.id, { password })).error).toBeNull();
      // As the kid sign-in action signs a child in: with the server's key.
      const { error } = await signInWithServerKey(makeClient(), { email: child.email, password });
      expect(error).toBeNull();
    }
  });
});
