import { describe, expect, it } from 'vitest';
import { ALL_MESSAGES, db, expectResponse, MESSAGES, pgrstError, USERS } from './pj';

// Ports of postgrest-js test/resource-embedding.test.ts and test/embeded_functions_join.test.ts
// (see pj.ts for the upstream commit).

const OTHERS = ['kiwicopple', 'awailas', 'jsonuser', 'dragarcia'];
const BLURBS: Record<number, string> = { 1: 'Hel', 2: 'Per', 3: 'Som', 4: 'Som' };

/** Per pj_users row (physical order): supabot's embedded rows, then the others' (empty). */
function perUser(key: string, supabot: unknown, others: unknown = [], withName = false) {
  const row = (username: string, value: unknown) => (withName ? { username, [key]: value } : { [key]: value });
  return [row('supabot', supabot), ...OTHERS.map((u) => row(u, others))];
}

describe('postgrest-js resource embedding', () => {
  it('embedded select, with a computed field explicitly selected', async () => {
    const star = await db.from('pj_users').select('pj_messages(*)');
    expectResponse(star, { status: 200, data: perUser('pj_messages', ALL_MESSAGES) });
    const computed = await db.from('pj_users').select('pj_messages(*, pj_blurb_message)');
    expectResponse(computed, {
      status: 200,
      data: perUser(
        'pj_messages',
        ALL_MESSAGES.map((m) => ({ ...m, pj_blurb_message: BLURBS[m.id] })),
      ),
    });
  });

  it('embedded eq, or, and or with and', async () => {
    const eq = await db.from('pj_users').select('pj_messages(*)').eq('pj_messages.channel_id', 1);
    expectResponse(eq, { status: 200, data: perUser('pj_messages', [MESSAGES[1]]) });
    const or = await db
      .from('pj_users')
      .select('pj_messages(*)')
      .or('channel_id.eq.2,message.eq.Hello World 👋', { foreignTable: 'pj_messages' });
    expectResponse(or, { status: 200, data: perUser('pj_messages', [MESSAGES[1], MESSAGES[2]]) });
    const orAnd = await db
      .from('pj_users')
      .select('pj_messages(*)')
      .or('channel_id.eq.2,and(message.eq.Hello World 👋,username.eq.supabot)', { foreignTable: 'pj_messages' });
    expectResponse(orAnd, { status: 200, data: perUser('pj_messages', [MESSAGES[1], MESSAGES[2]]) });
  });

  it('embedded order on one and multiple columns', async () => {
    const byChannel = [MESSAGES[4], MESSAGES[3], MESSAGES[2], MESSAGES[1]];
    const one = await db
      .from('pj_users')
      .select('pj_messages(*)')
      .order('channel_id', { foreignTable: 'pj_messages', ascending: false });
    expectResponse(one, { status: 200, data: perUser('pj_messages', byChannel) });
    const two = await db
      .from('pj_users')
      .select('pj_messages(*)')
      .order('channel_id', { foreignTable: 'pj_messages', ascending: false })
      .order('username', { foreignTable: 'pj_messages', ascending: false });
    expectResponse(two, { status: 200, data: perUser('pj_messages', byChannel) });
  });

  it('embedded limit and range', async () => {
    const limit = await db.from('pj_users').select('pj_messages(*)').limit(1, { foreignTable: 'pj_messages' });
    expectResponse(limit, { status: 200, data: perUser('pj_messages', [MESSAGES[1]]) });
    const range = await db.from('pj_users').select('pj_messages(*)').range(1, 1, { foreignTable: 'pj_messages' });
    expectResponse(range, { status: 200, data: perUser('pj_messages', [MESSAGES[2]]) });
  });
});

const byChannel = [
  { id: 1, messages: [MESSAGES[1]] },
  { id: 2, messages: [MESSAGES[2]] },
  { id: 3, messages: [MESSAGES[4], MESSAGES[3]] },
];
const pick = <T extends Record<string, unknown>>(rows: T[], keys: string[]) =>
  rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
const NULL_PROFILE = { id: null, username: null };
const PROFILE = { id: 1, username: 'supabot' };
const RECENT = [MESSAGES[4], MESSAGES[3], MESSAGES[2], MESSAGES[1]];

describe('postgrest-js embedded functions (computed relationships)', () => {
  it('setof function embedded from channels: all columns, some, and with a nested embed', async () => {
    const all = await db.from('pj_channels').select('id, all_channels_messages:pj_get_messages(*)');
    expectResponse(all, {
      status: 200,
      data: byChannel.map((c) => ({ id: c.id, all_channels_messages: c.messages })),
    });
    const some = await db.from('pj_channels').select('id, all_channels_messages:pj_get_messages(id,message)');
    expectResponse(some, {
      status: 200,
      data: byChannel.map((c) => ({ id: c.id, all_channels_messages: pick(c.messages, ['id', 'message']) })),
    });
    const slugs: Record<number, string> = { 1: 'public', 2: 'random', 3: 'other' };
    const linked = await db
      .from('pj_channels')
      .select('id, all_channels_messages:pj_get_messages(id,message,pj_channels(id,slug))');
    expectResponse(linked, {
      status: 200,
      data: byChannel.map((c) => ({
        id: c.id,
        all_channels_messages: c.messages.map((m) => ({
          id: m.id,
          message: m.message,
          pj_channels: { id: m.channel_id, slug: slugs[m.channel_id] },
        })),
      })),
    });
  });

  it('the overload taking a users row, with all columns, some, and a computed field', async () => {
    const all = await db.from('pj_users').select('username, all_user_messages:pj_get_messages(*)');
    expectResponse(all, { status: 200, data: perUser('all_user_messages', ALL_MESSAGES, [], true) });
    const some = await db.from('pj_users').select('username, all_user_messages:pj_get_messages(id,message)');
    expectResponse(some, {
      status: 200,
      data: perUser('all_user_messages', pick(ALL_MESSAGES, ['id', 'message']), [], true),
    });
    const computed = await db
      .from('pj_users')
      .select('username, all_user_messages:pj_get_messages(id,message, pj_blurb_message)');
    expectResponse(computed, {
      status: 200,
      data: perUser(
        'all_user_messages',
        ALL_MESSAGES.map((m) => ({ id: m.id, message: m.message, pj_blurb_message: BLURBS[m.id] })),
        [],
        true,
      ),
    });
  });

  it('to-one functions: setof rows 1 gives null without a row, a composite return gives a row of nulls', async () => {
    const rowsOne = await db.from('pj_users').select('username, setof_rows_one:pj_function_using_setof_rows_one(*)');
    expectResponse(rowsOne, { status: 200, data: perUser('setof_rows_one', PROFILE, null, true) });
    const composite = await db.from('pj_users').select('username, returns_row:pj_function_using_table_returns(*)');
    expectResponse(composite, { status: 200, data: perUser('returns_row', PROFILE, NULL_PROFILE, true) });
    const inner = await db
      .from('pj_users')
      .select('username, user_called_profile_not_null:pj_get_user_profile_non_nullable!inner(*)');
    expectResponse(inner, { status: 200, data: [{ username: 'supabot', user_called_profile_not_null: PROFILE }] });
    const fields = await db.from('pj_users').select('username, user_called_profile:pj_get_user_profile(username)');
    expectResponse(fields, {
      status: 200,
      data: perUser('user_called_profile', { username: 'supabot' }, { username: null }, true),
    });
    const profile = await db.from('pj_users').select('username, profile:pj_function_using_table_returns(*)');
    expectResponse(profile, { status: 200, data: perUser('profile', PROFILE, NULL_PROFILE, true) });
    const profileRows = await db.from('pj_users').select('username, profile:pj_function_using_setof_rows_one(*)');
    expectResponse(profileRows, { status: 200, data: perUser('profile', PROFILE, null, true) });
  });

  it('functions taking a table row or a view row, returning a table or a view', async () => {
    const tableRow = await db.from('pj_users').select('username, user_messages:pj_get_user_messages(*)');
    expectResponse(tableRow, { status: 200, data: perUser('user_messages', ALL_MESSAGES, [], true) });
    const active = ['supabot', 'awailas', 'jsonuser', 'dragarcia'];
    const viewRow = await db
      .from('pj_active_users')
      .select('username, active_user_messages:pj_get_active_user_messages(*)');
    expectResponse(viewRow, {
      status: 200,
      data: active.map((u) => ({ username: u, active_user_messages: u === 'supabot' ? ALL_MESSAGES : [] })),
    });
    const returningView = await db.from('pj_users').select('username, recent_messages:pj_get_user_recent_messages(*)');
    expectResponse(returningView, { status: 200, data: perUser('recent_messages', RECENT, [], true) });
    const viewToView = await db
      .from('pj_active_users')
      .select('username, recent_messages:pj_get_user_recent_messages(*)');
    expectResponse(viewToView, {
      status: 200,
      data: active.map((u) => ({ username: u, recent_messages: u === 'supabot' ? RECENT : [] })),
    });
    const blurb = await db
      .from('pj_users')
      .select('username, user_messages:pj_get_user_messages(id,message,pj_blurb_message)');
    expectResponse(blurb, {
      status: 200,
      data: perUser(
        'user_messages',
        ALL_MESSAGES.map((m) => ({ id: m.id, message: m.message, pj_blurb_message: BLURBS[m.id] })),
        [],
        true,
      ),
    });
  });

  it('functions without a row argument cannot be embedded (PGRST200); a row-returning one can', async () => {
    const noArg = await db.from('pj_channels').select('id, user:pj_function_returning_row(*)');
    expect(noArg.status).toBe(400);
    // Hints are fuzzy matches over the pj_ names (upstream's are null).
    expect(noArg.error).toMatchObject({
      code: 'PGRST200',
      message:
        "Could not find a relationship between 'pj_channels' and 'pj_function_returning_row' in the schema cache",
      details:
        "Searched for a foreign key relationship between 'pj_channels' and 'pj_function_returning_row' in the schema 'public', but no matches were found.",
    });
    const setOf = await db.from('pj_messages').select('id, users:pj_function_returning_set_of_rows(*)');
    expect(setOf.status).toBe(400);
    expect(setOf.error).toMatchObject({
      code: 'PGRST200',
      details:
        "Searched for a foreign key relationship between 'pj_messages' and 'pj_function_returning_set_of_rows' in the schema 'public', but no matches were found.",
    });
    const single = await db.from('pj_messages').select('id, user:pj_function_returning_single_row(status, username)');
    expectResponse(single, {
      status: 200,
      data: ALL_MESSAGES.map((m) => ({ id: m.id, user: { status: USERS.supabot.status, username: 'supabot' } })),
    });
  });

  it('computed fields on a table and on a partitioned table', async () => {
    const audit = await db.from('pj_users_audit').select('id, pj_created_ago');
    expect(audit.error).toBeNull();
    expect(audit.status).toBe(200);
    expect(audit.data).toHaveLength(5);
    expect(audit.data?.[0]).toMatchObject({ id: expect.any(Number), pj_created_ago: expect.any(Number) });
    expect(audit.data?.[0].pj_created_ago).toBeGreaterThanOrEqual(0);
    const events = await db.from('pj_events').select('id, pj_days_since_event');
    expect(events.error).toBeNull();
    expect(events.data).toHaveLength(2);
    expect(events.data?.[0]).toMatchObject({ id: expect.any(Number), pj_days_since_event: expect.any(Number) });
    expect(events.data?.[0].pj_days_since_event).toBeGreaterThanOrEqual(0);
  });

  // RPC naming of computed fields is the RPC engineer's area (PostgREST says "with parameter id",
  // singular, for one argument); listed in the handover report.
  it('a computed field is not callable as /rpc with named arguments (PGRST202)', async () => {
    for (const fn of ['pj_created_ago', 'pj_days_since_event']) {
      const res = await db.rpc(fn, { id: 1 });
      expectResponse(res, {
        status: 404,
        error: pgrstError(
          'PGRST202',
          `Could not find the function public.${fn}(id) in the schema cache`,
          `Searched for the function public.${fn} with parameter id or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
        ),
      });
    }
  });
});
