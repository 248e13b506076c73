import { describe, it } from 'vitest';
import { ALL_USERS, db, expectResponse, USERS } from './pj';

// Port of postgrest-js test/filters.test.ts (see pj.ts for the upstream commit).

const users = (...names: string[]) => names.map((username) => ({ username }));
const ok = (data: unknown) => ({ status: 200, data });

describe('postgrest-js filters', () => {
  it('not, or, eq, neq', async () => {
    expectResponse(
      await db.from('pj_users').select('status').not('status', 'eq', 'OFFLINE'),
      ok([{ status: 'ONLINE' }, { status: 'ONLINE' }, { status: 'ONLINE' }, { status: 'ONLINE' }]),
    );
    expectResponse(
      await db.from('pj_users').select('status, username').or('status.eq.OFFLINE,username.eq.supabot'),
      ok([
        { status: 'ONLINE', username: 'supabot' },
        { status: 'OFFLINE', username: 'kiwicopple' },
      ]),
    );
    expectResponse(await db.from('pj_users').select('username').eq('username', 'supabot'), ok(users('supabot')));
    expectResponse(
      await db.from('pj_users').select('username').neq('username', 'supabot'),
      ok(users('kiwicopple', 'awailas', 'jsonuser', 'dragarcia')),
    );
  });

  it('gt, gte, lt, lte', async () => {
    const ids = (...list: number[]) => list.map((id) => ({ id }));
    expectResponse(await db.from('pj_messages').select('id').gt('id', 1), ok(ids(2, 4, 3)));
    expectResponse(await db.from('pj_messages').select('id').gte('id', 1), ok(ids(1, 2, 4, 3)));
    expectResponse(await db.from('pj_messages').select('id').lt('id', 2), ok(ids(1)));
    expectResponse(await db.from('pj_messages').select('id').lte('id', 2), ok(ids(1, 2)));
  });

  it('like, ilike and their all-of/any-of forms', async () => {
    expectResponse(await db.from('pj_users').select('username').like('username', '%supa%'), ok(users('supabot')));
    expectResponse(
      await db.from('pj_users').select('username').likeAllOf('username', ['%supa%', '%bot%']),
      ok(users('supabot')),
    );
    expectResponse(
      await db.from('pj_users').select('username').likeAnyOf('username', ['%supa%', '%kiwi%']),
      ok(users('supabot', 'kiwicopple')),
    );
    expectResponse(await db.from('pj_users').select('username').ilike('username', '%SUPA%'), ok(users('supabot')));
    expectResponse(
      await db.from('pj_users').select('username').ilikeAllOf('username', ['%SUPA%', '%bot%']),
      ok(users('supabot')),
    );
    expectResponse(
      await db.from('pj_users').select('username').ilikeAnyOf('username', ['%supa%', '%KIWI%']),
      ok(users('supabot', 'kiwicopple')),
    );
  });

  it('is, in, notIn', async () => {
    expectResponse(
      await db.from('pj_users').select('data').is('data', null),
      ok([{ data: null }, { data: null }, { data: null }, { data: null }]),
    );
    const statuses = ['ONLINE', 'OFFLINE'];
    expectResponse(
      await db.from('pj_users').select('status').in('status', statuses),
      ok(ALL_USERS.map(({ status }) => ({ status }))),
    );
    expectResponse(await db.from('pj_users').select('status').notIn('status', statuses), ok([]));
  });

  it('contains and containedBy on ranges, json and arrays', async () => {
    expectResponse(
      await db.from('pj_users').select('age_range').contains('age_range', '[1,2)'),
      ok([{ age_range: '[1,2)' }]),
    );
    expectResponse(
      await db
        .from('pj_users')
        .select('data')
        .contains('data', { foo: { baz: 'string value' } }),
      ok([{ data: USERS.jsonuser.data }]),
    );
    expectResponse(
      await db.from('pj_cornercase').select('array_column').contains('array_column', ['test']),
      ok([{ array_column: ['test', 'one'] }]),
    );
    expectResponse(
      await db.from('pj_users').select('age_range').containedBy('age_range', '[1,2)'),
      ok([{ age_range: '[1,2)' }]),
    );
    expectResponse(
      await db
        .from('pj_users')
        .select('data')
        .containedBy('data', { foo: { baz: 'string value' } }),
      ok([]),
    );
    expectResponse(await db.from('pj_cornercase').select('array_column').containedBy('array_column', ['test']), ok([]));
  });

  it('range operators and overlaps', async () => {
    const ranges = (...list: string[]) => list.map((age_range) => ({ age_range }));
    expectResponse(await db.from('pj_users').select('age_range').rangeLt('age_range', '[2,25)'), ok(ranges('[1,2)')));
    expectResponse(
      await db.from('pj_users').select('age_range').rangeGt('age_range', '[2,25)'),
      ok(ranges('[25,35)', '[25,35)')),
    );
    expectResponse(
      await db.from('pj_users').select('age_range').rangeGte('age_range', '[2,25)'),
      ok(ranges('[25,35)', '[25,35)', '[20,30)', '[20,30)')),
    );
    expectResponse(await db.from('pj_users').select('age_range').rangeLte('age_range', '[2,25)'), ok(ranges('[1,2)')));
    expectResponse(
      await db.from('pj_users').select('age_range').rangeAdjacent('age_range', '[2,25)'),
      ok(ranges('[1,2)', '[25,35)', '[25,35)')),
    );
    expectResponse(
      await db.from('pj_users').select('age_range').overlaps('age_range', '[2,25)'),
      ok(ranges('[20,30)', '[20,30)')),
    );
    expectResponse(
      await db.from('pj_cornercase').select('array_column').overlaps('array_column', ['test']),
      ok([{ array_column: ['test', 'one'] }]),
    );
  });

  it('textSearch with every query type', async () => {
    const cat = ok([{ catchphrase: "'cat' 'fat'" }]);
    expectResponse(
      await db.from('pj_users').select('catchphrase').textSearch('catchphrase', `'fat' & 'cat'`, { config: 'english' }),
      cat,
    );
    expectResponse(
      await db
        .from('pj_users')
        .select('catchphrase')
        .textSearch('catchphrase', `'fat' & 'cat'`, { config: 'english', type: 'plain' }),
      cat,
    );
    expectResponse(
      await db
        .from('pj_users')
        .select('catchphrase')
        .textSearch('catchphrase', 'cat', { config: 'english', type: 'phrase' }),
      ok([{ catchphrase: "'cat' 'fat'" }, { catchphrase: "'bat' 'cat'" }]),
    );
    expectResponse(
      await db
        .from('pj_users')
        .select('catchphrase')
        .textSearch('catchphrase', `'fat' & 'cat'`, { config: 'english', type: 'websearch' }),
      cat,
    );
  });

  it('multiple filters, filter, match', async () => {
    const res = await db
      .from('pj_users')
      .select()
      .eq('username', 'supabot')
      .is('data', null)
      .overlaps('age_range', '[1,2)')
      .eq('status', 'ONLINE')
      .textSearch('catchphrase', 'cat');
    expectResponse(res, ok([USERS.supabot]));
    expectResponse(
      await db.from('pj_users').select('username').filter('username', 'eq', 'supabot'),
      ok(users('supabot')),
    );
    expectResponse(
      await db.from('pj_users').select('username, status').match({ username: 'supabot', status: 'ONLINE' }),
      ok([{ status: 'ONLINE', username: 'supabot' }]),
    );
  });

  it('filter on rpc', async () => {
    const res = await db.rpc('pj_get_username_and_status', { name_param: 'supabot' }).neq('status', 'ONLINE');
    expectResponse(res, ok([]));
  });

  it('isDistinct, regexMatch, regexIMatch', async () => {
    expectResponse(
      await db.from('pj_users').select('username').isDistinct('status', 'ONLINE'),
      ok(users('kiwicopple')),
    );
    expectResponse(await db.from('pj_users').select('username').regexMatch('username', '^sup'), ok(users('supabot')));
    expectResponse(await db.from('pj_users').select('username').regexIMatch('username', '^SUP'), ok(users('supabot')));
  });
});
