import { adminQuery, anonClient, signUpUser } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';

// The foundation's acceptance scenario: two users signed up through supabase-js each see only their
// own profile, and get PostgREST's error shapes for a forbidden write and for .single() on no rows.
describe('profiles', () => {
  it('each user sees only their own profile', async () => {
    const ada = await signUpUser({ display_name: 'Ada' });
    const ben = await signUpUser({ display_name: 'Ben' });

    const { data: adaRows, error } = await ada.client.from('profiles').select('id, display_name');
    expect(error).toBeNull();
    expect(adaRows).toEqual([{ id: ada.id, display_name: 'Ada' }]);

    const { data: benSeesAda } = await ben.client.from('profiles').select('id').eq('id', ada.id);
    expect(benSeesAda).toEqual([]);
  });

  it('.single() on a profile the user cannot see answers PGRST116 with 406', async () => {
    const ada = await signUpUser({ display_name: 'Ada' });
    const ben = await signUpUser({ display_name: 'Ben' });
    const { data, error, status } = await ben.client.from('profiles').select('*').eq('id', ada.id).single();
    expect(data).toBeNull();
    expect(status).toBe(406);
    expect(error).toMatchObject({
      code: 'PGRST116',
      message: 'Cannot coerce the result to a single JSON object',
      details: 'The result contains 0 rows',
      hint: null,
    });
  });

  it('forbidden writes get PostgREST error shapes and change nothing', async () => {
    const ada = await signUpUser({ display_name: 'Ada' });
    const ben = await signUpUser({ display_name: 'Ben' });

    // No insert grant: profiles are created by the sign-up trigger only.
    const insert = await ben.client.from('profiles').insert({ id: ben.id, display_name: 'Again' });
    expect(insert.status).toBe(403);
    expect(insert.error).toMatchObject({ code: '42501', message: 'permission denied for table profiles' });

    // birth_year is not among the columns a user may update.
    const column = await ada.client.from('profiles').update({ birth_year: 1990 }).eq('id', ada.id);
    expect(column.status).toBe(403);
    expect(column.error?.code).toBe('42501');

    // Someone else's row is invisible to UPDATE under RLS: nothing matches, nothing changes.
    const other = await ben.client.from('profiles').update({ display_name: 'Hacked' }).eq('id', ada.id).select();
    expect(other.error).toBeNull();
    expect(other.data).toEqual([]);

    // Anonymous callers get 401, not 403, for the same denial.
    const anon = await anonClient().from('profiles').select('*');
    expect(anon.status).toBe(401);
    expect(anon.error?.code).toBe('42501');

    const rows = await adminQuery<{ display_name: string; birth_year: number | null }>(
      'select display_name, birth_year from public.profiles where id = $1',
      [ada.id],
    );
    expect(rows).toEqual([{ display_name: 'Ada', birth_year: null }]);
  });

  it('a user can rename themselves, and the name is validated', async () => {
    const ada = await signUpUser({ display_name: 'Ada' });
    const ok = await ada.client
      .from('profiles')
      .update({ display_name: 'Ada L.' })
      .eq('id', ada.id)
      .select('display_name')
      .single();
    expect(ok.data).toEqual({ display_name: 'Ada L.' });

    const blank = await ada.client.from('profiles').update({ display_name: '' }).eq('id', ada.id);
    expect(blank.status).toBe(400);
    expect(blank.error?.code).toBe('23514');
  });
});
