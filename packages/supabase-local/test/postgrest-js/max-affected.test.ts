import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { db as untyped } from './pj';

// maxAffected() is typed for PostgREST 13+ only; the database type says which PostgREST it targets.
// biome-ignore lint/suspicious/noExplicitAny: an untyped schema, as the other ports use.
type Db14 = { __InternalSupabase: { PostgrestVersion: '14' }; public: any };
const db = untyped as unknown as SupabaseClient<Db14>;

// Port of postgrest-js test/max-affected.test.ts (see pj.ts for the upstream commit), on its own
// pj_x_* scratch tables.

const row = (message: string) => ({ message, username: 'supabot', channel_id: 1 });

describe('postgrest-js maxAffected', () => {
  it('update fails above the limit (PGRST124) and succeeds within it', async () => {
    await db.from('pj_x_messages').insert([row('test1'), row('test1'), row('test1')]);
    const over = await db.from('pj_x_messages').update({ message: 'updated' }).eq('message', 'test1').maxAffected(2);
    expect(over.error?.code).toBe('PGRST124');
    await db.from('pj_x_messages').delete().eq('message', 'test1');

    await db.from('pj_x_messages').insert([row('test2')]);
    const within = await db
      .from('pj_x_messages')
      .update({ message: 'updated' })
      .eq('message', 'test2')
      .maxAffected(2)
      .select();
    expect(within.error).toBeNull();
    expect(within.data).toHaveLength(1);
    expect(within.data?.[0].message).toBe('updated');
    await db.from('pj_x_messages').delete().eq('message', 'updated');
  });

  it('delete fails above the limit (PGRST124) and succeeds within it', async () => {
    await db.from('pj_x_messages').insert([row('test3'), row('test3'), row('test3')]);
    const over = await db.from('pj_x_messages').delete().eq('message', 'test3').maxAffected(2).select();
    expect(over.error?.code).toBe('PGRST124');
    await db.from('pj_x_messages').delete().eq('message', 'test3');

    await db.from('pj_x_messages').insert([row('test4')]);
    const within = await db.from('pj_x_messages').delete().eq('message', 'test4').maxAffected(2).select();
    expect(within.error).toBeNull();
    expect(within.data).toHaveLength(1);
    expect(within.data?.[0].message).toBe('test4');
  });

  it('a set-returning rpc within the limit returns its rows', async () => {
    await db.from('pj_x_users').insert([{ username: 'testuser', status: 'ONLINE' }]);
    const { data, error } = await db.rpc('pj_set_users_offline', { name_param: 'testuser' }).maxAffected(1).select();
    expect(error).toBeNull();
    expect(data).toEqual([{ username: 'testuser', data: null, age_range: null, status: 'OFFLINE', catchphrase: null }]);
    await db.from('pj_x_users').delete().eq('username', 'testuser');
  });

  it('a set-returning rpc above the limit fails with PGRST124', async () => {
    const users = ['testuser1', 'testuser2', 'testuser3'];
    await db.from('pj_x_users').insert(users.map((username) => ({ username, status: 'ONLINE' })));
    try {
      const { data, error } = await db.rpc('pj_set_users_offline', { name_param: 'testuser%' }).maxAffected(1).select();
      expect(error?.code).toBe('PGRST124');
      expect(data).toBeNull();
    } finally {
      await db.from('pj_x_users').delete().in('username', users);
    }
  });
});
