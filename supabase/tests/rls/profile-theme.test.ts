import { adminQuery, anonClient, signUpUser } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { addChild, expectError, signUpParent } from './family-helpers';

// The theme (light / dark / system) is remembered per profile: set_theme_preference() changes only the
// caller's own profile, only to one of the three, and the CHECK holds even for a direct column write.
async function preferencesOf(userId: string) {
  const [row] = await adminQuery<{ preferences: Record<string, unknown> }>(
    'select preferences from public.profiles where id = $1',
    [userId],
  );
  return row.preferences;
}

describe('theme preference', () => {
  it('remembers the choice and keeps the other preferences', async () => {
    const ada = await signUpUser({ display_name: 'Ada' });
    await adminQuery(`update public.profiles set preferences = '{"textSize":"large"}' where id = $1`, [ada.id]);
    const { data, error } = await ada.client.rpc('set_theme_preference', { p_theme: 'dark' });
    expect(error).toBeNull();
    expect(data).toBe('dark');
    expect(await preferencesOf(ada.id)).toEqual({ textSize: 'large', theme: 'dark' });
    await ada.client.rpc('set_theme_preference', { p_theme: 'system' });
    expect(await preferencesOf(ada.id)).toEqual({ textSize: 'large', theme: 'system' });
  });

  it.each([['purple'], [''], ['DARK'], [null], ["dark'; drop table public.profiles; --"]])(
    'refuses %o with a code and changes nothing',
    async (theme) => {
      const ada = await signUpUser({ display_name: 'Ada' });
      await ada.client.rpc('set_theme_preference', { p_theme: 'light' });
      const result = await ada.client.rpc('set_theme_preference', { p_theme: theme as string });
      expectError(result, 'theme_unknown');
      expect(await preferencesOf(ada.id)).toEqual({ theme: 'light' });
    },
  );

  it('a direct write of preferences cannot store an unknown theme either', async () => {
    const ada = await signUpUser({ display_name: 'Ada' });
    const result = await ada.client
      .from('profiles')
      .update({ preferences: { theme: 'neon' } })
      .eq('id', ada.id);
    expect(result.error?.code).toBe('23514');
    expect(await preferencesOf(ada.id)).toEqual({});
  });

  it("changes only the caller's own profile: not another user's, not anon's", async () => {
    const ada = await signUpUser({ display_name: 'Ada' });
    const ben = await signUpUser({ display_name: 'Ben' });
    await ben.client.rpc('set_theme_preference', { p_theme: 'dark' });
    expect(await preferencesOf(ada.id)).toEqual({});
    // Another user's row is invisible to an update through RLS.
    await ben.client
      .from('profiles')
      .update({ preferences: { theme: 'dark' } })
      .eq('id', ada.id);
    expect(await preferencesOf(ada.id)).toEqual({});
    const anon = await anonClient().rpc('set_theme_preference', { p_theme: 'dark' });
    expect(anon.error?.code).toBe('42501');
  });

  it('a child sets their own theme, which leaves their parent untouched', async () => {
    const parent = await signUpParent();
    const child = await addChild(parent);
    const { error } = await child.client.rpc('set_theme_preference', { p_theme: 'light' });
    expect(error).toBeNull();
    expect(await preferencesOf(child.id)).toEqual({ theme: 'light' });
    expect(await preferencesOf(parent.id)).toEqual({});
  });
});
