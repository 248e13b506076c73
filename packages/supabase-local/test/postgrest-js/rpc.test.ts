import { describe, expect, it } from 'vitest';
import { holdAggregatesShared } from '../api/aggregates-lock';
import { ALL_MESSAGES, ALL_USERS, db, expectResponse, MESSAGES, pgrstError, sortedBy, USERS } from './pj';

// Ports of postgrest-js test/rpc.test.ts and test/advanced_rpc.test.ts (see pj.ts for the upstream
// commit). Upstream runs advanced_rpc before its basic tests reorder rows, so its unordered results
// are compared sorted here.

holdAggregatesShared();

const SUPABOT_ROW = { username: 'supabot', data: null, age_range: null, catchphrase: null, status: 'ONLINE' };
const PROFILE = { id: 1, username: 'supabot' };
const RECENT = [MESSAGES[4], MESSAGES[3], MESSAGES[2], MESSAGES[1]];
const ambiguous = (candidates: string) =>
  pgrstError(
    'PGRST203',
    `Could not choose the best candidate function between: ${candidates}`,
    null,
    'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
  );

describe('postgrest-js rpc', () => {
  const supabot = { status: 'ONLINE', username: 'supabot' };

  it('select after rpc: none, star, single field, several, alias, cast', async () => {
    const call = () => db.rpc('pj_get_username_and_status', { name_param: 'supabot' });
    expectResponse(await call().select(), { status: 200, data: [supabot] });
    expectResponse(await call().select('*'), { status: 200, data: [supabot] });
    expectResponse(await call().select('username'), { status: 200, data: [{ username: 'supabot' }] });
    expectResponse(await call().select('username, status'), { status: 200, data: [supabot] });
    expectResponse(await call().select('name:username'), { status: 200, data: [{ name: 'supabot' }] });
    expectResponse(await call().select('status::text'), { status: 200, data: [{ status: 'ONLINE' }] });
  });

  it('RPC call with field aggregate', async () => {
    const res = await db
      .rpc('pj_get_username_and_status', { name_param: 'supabot' })
      .select('username.count(), status');
    expectResponse(res, { status: 200, data: [{ count: 1, status: 'ONLINE' }] });
  });

  it('bigint arguments, direct and nested in jsonb', async () => {
    const big = 9223372036854775807n;
    expectResponse(await db.rpc('pj_echo_bigint_as_text', { bigint_param: big }), {
      status: 200,
      data: '9223372036854775807',
    });
    expectResponse(await db.rpc('pj_extract_jsonb_bigint_as_text', { payload: { id: big } }), {
      status: 200,
      data: '9223372036854775807',
    });
  });
});

describe('postgrest-js advanced rpc', () => {
  it('functions taking a row (table or view) or a scalar, returning setof a table', async () => {
    expectResponse(await db.rpc('pj_get_messages', { channel_row: { id: 1, data: null, slug: null } }), {
      status: 200,
      data: [MESSAGES[1]],
    });
    for (const [fn, args] of [
      ['pj_get_messages', { user_row: SUPABOT_ROW }],
      ['pj_get_messages_by_username', { search_username: 'supabot' }],
      ['pj_get_user_messages', { user_row: SUPABOT_ROW }],
      ['pj_get_active_user_messages', { active_user_row: SUPABOT_ROW }],
      ['pj_resolvable', { user_row: SUPABOT_ROW }],
    ] as const) {
      const res = await db.rpc(fn, args);
      expect(res.error).toBeNull();
      expect(res.status).toBe(200);
      expect(sortedBy(res.data as typeof ALL_MESSAGES, 'id')).toEqual(sortedBy(ALL_MESSAGES, 'id'));
    }
  });

  it('functions returning a single row or a view', async () => {
    expectResponse(await db.rpc('pj_get_user_profile', { user_row: SUPABOT_ROW }), { status: 200, data: PROFILE });
    expectResponse(await db.rpc('pj_get_user_recent_messages', { user_row: SUPABOT_ROW }), {
      status: 200,
      data: RECENT,
    });
    expectResponse(await db.rpc('pj_get_recent_messages_by_username', { search_username: 'supabot' }), {
      status: 200,
      data: RECENT,
    });
    expectResponse(await db.rpc('pj_function_using_setof_rows_one', { user_row: SUPABOT_ROW }), {
      status: 200,
      data: [PROFILE],
    });
    expectResponse(await db.rpc('pj_function_using_table_returns', { user_row: SUPABOT_ROW }), {
      status: 200,
      data: PROFILE,
    });
    expectResponse(await db.rpc('pj_function_returning_row'), { status: 200, data: USERS.supabot });
    const set = await db.rpc('pj_function_returning_set_of_rows');
    expect(set.status).toBe(200);
    expect(sortedBy(set.data as typeof ALL_USERS, 'username')).toEqual(sortedBy(ALL_USERS, 'username'));
  });

  it('followup selects embed, and filters apply before or after the select', async () => {
    const scalar = await db
      .rpc('pj_get_recent_messages_by_username', { search_username: 'supabot' })
      .select('channel_id, message, pj_users(username, catchphrase)');
    expectResponse(scalar, {
      status: 200,
      data: RECENT.map((m) => ({
        channel_id: m.channel_id,
        message: m.message,
        pj_users: { catchphrase: USERS.supabot.catchphrase, username: 'supabot' },
      })),
    });
    const withUser = { pj_users: { catchphrase: USERS.supabot.catchphrase, username: 'supabot' } };
    const row = await db
      .rpc('pj_get_user_profile', { user_row: SUPABOT_ROW })
      .select('id, username, pj_users(username, catchphrase)');
    expectResponse(row, { status: 200, data: { ...PROFILE, ...withUser } });
    const after = await db
      .rpc('pj_get_user_profile', { user_row: { username: 'supabot' } })
      .select('id, username, pj_users(username, catchphrase)')
      .eq('username', 'nope');
    expectResponse(after, { status: 200, data: null });
    const before = await db
      .rpc('pj_get_user_profile', { user_row: { username: 'supabot' } })
      .eq('username', 'nope')
      .select('id, username, pj_users(username, catchphrase)');
    expectResponse(before, { status: 200, data: null });
    const kept = await db
      .rpc('pj_get_user_profile', { user_row: { username: 'supabot' } })
      .eq('username', 'supabot')
      .select('username, pj_users(username, catchphrase)');
    expectResponse(kept, { status: 200, data: { username: 'supabot', ...withUser } });
  });

  it('RPC call with subselect and computed field', async () => {
    const res = await db
      .rpc('pj_get_messages_by_username', { search_username: 'supabot' })
      .select('message, pj_blurb_message');
    expect(res.status).toBe(200);
    const blurbs: Record<number, string> = { 1: 'Hel', 2: 'Per', 3: 'Som', 4: 'Som' };
    expect(res.data).toEqual(ALL_MESSAGES.map((m) => ({ message: m.message, pj_blurb_message: blurbs[m.id] })));
  });

  it('overloads resolved by argument names', async () => {
    expectResponse(await db.rpc('pj_unresolvable'), { status: 204 });
    expectResponse(await db.rpc('pj_resolvable'), { status: 204 });
    expectResponse(await db.rpc('pj_resolvable', { a: 'test' }), { status: 200, data: 1 });
    expectResponse(await db.rpc('pj_resolvable', { b: 1 }), { status: 200, data: 'foo' });
    expectResponse(await db.rpc('pj_resolvable', { profile_id: 1 }), { status: 200, data: [PROFILE] });
    expectResponse(await db.rpc('pj_resolvable', { cid: 1, search: 'Hello World 👋' }), {
      status: 200,
      data: [MESSAGES[1]],
    });
  });

  it('single unnamed json, jsonb and no-parameter functions', async () => {
    expectResponse(await db.rpc('pj_unnamed_json', { '': { test: 'value' } }), { status: 200, data: 1 });
    expectResponse(await db.rpc('pj_unnamed_jsonb', { '': { test: 'value' } }), { status: 200, data: 1 });
    expectResponse(await db.rpc('pj_poly_unnamed'), { status: 200, data: 1 });
  });

  it('computed fields are not functions without parameters (PGRST202)', async () => {
    expectResponse(await db.rpc('pj_blurb_message'), {
      status: 404,
      error: pgrstError(
        'PGRST202',
        'Could not find the function public.pj_blurb_message without parameters in the schema cache',
        'Searched for the function public.pj_blurb_message without parameters or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      ),
    });
  });

  it('unresolvable overloads list candidates sorted by signature (PGRST203)', async () => {
    const both = 'public.pj_unresolvable(a => integer), public.pj_unresolvable(a => text)';
    expectResponse(await db.rpc('pj_unresolvable', { a: 'test' }), { status: 300, error: ambiguous(both) });
    expectResponse(await db.rpc('pj_unresolvable', { a: 1 }), { status: 300, error: ambiguous(both) });
  });

  it('a single unnamed parameter takes the whole body when it is text, or the json overload', async () => {
    expectResponse(await db.rpc('pj_poly_return', { '': 'test' }), { status: 200, data: 'foo' });
    expectResponse(await db.rpc('pj_poly_return', { '': true }), { status: 200, data: 'foo' });
    expectResponse(await db.rpc('pj_unnamed_text', { '': 'test' }), { status: 200, data: 1 });
    expectResponse(await db.rpc('pj_poly_unnamed', { '': '' }), { status: 200, data: 'foo' });
    expectResponse(await db.rpc('pj_poly_unnamed', { '': 'test' }), { status: 200, data: 'foo' });
    expectResponse(await db.rpc('pj_unnamed_default', { '': 'custom text' }), { status: 200, data: 'foo' });
    expectResponse(await db.rpc('pj_unnamed_default_overload', { '': 'custom text' }), { status: 200, data: 'foo' });
    expectResponse(await db.rpc('pj_unnamed_default_overload', { '': true }), { status: 200, data: 'foo' });
  });

  it('unnamed defaults: the no-argument and text overloads are ambiguous (PGRST203)', async () => {
    const err = (fn: string) => ambiguous(`public.${fn}(), public.${fn}( => text)`);
    expectResponse(await db.rpc('pj_unnamed_default'), { status: 300, error: err('pj_unnamed_default') });
    expectResponse(await db.rpc('pj_unnamed_default', {}), { status: 300, error: err('pj_unnamed_default') });
    expectResponse(await db.rpc('pj_unnamed_default_overload'), {
      status: 300,
      error: err('pj_unnamed_default_overload'),
    });
    expectResponse(await db.rpc('pj_unnamed_default_overload', undefined), {
      status: 300,
      error: err('pj_unnamed_default_overload'),
    });
  });

  it('an unnamed non-text parameter is not callable; `""` names no parameter (PGRST202)', async () => {
    const res = await db.rpc('pj_unnamed_integer', { '': 1 });
    expect(res.status).toBe(404);
    expect(res.error).toMatchObject({
      code: 'PGRST202',
      message: 'Could not find the function public.pj_unnamed_integer() in the schema cache',
      details:
        'Searched for the function public.pj_unnamed_integer with parameter  or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
    });
    expectResponse(
      await db.rpc('pj_blurb_message', { '': { channel_id: 1, data: null, id: 1, message: null, username: 'test' } }),
      {
        status: 404,
        error: pgrstError(
          'PGRST202',
          'Could not find the function public.pj_blurb_message() in the schema cache',
          'Searched for the function public.pj_blurb_message with parameter  or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
        ),
      },
    );
  });
});
