import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient, stackInfo } from '../../src/testing/clients';

// Every filter operator of PostgREST's grammar, as postgrest-js serialises it, against rt_users:
// supabot (30, ONLINE, {cat,dog}, [1,10)), kiwicopple (25, OFFLINE, {dog}, [20,30)),
// awailas (null age, ONLINE, {}), dragarcia (40, ONLINE, {cat,bird}, [5,15)).

const db = anonClient();

async function names(
  build: (q: ReturnType<typeof base>) => PromiseLike<{ data: { username: string }[] | null; error: unknown }>,
) {
  const { data, error } = await build(base());
  expect(error).toBeNull();
  return (data ?? []).map((r) => r.username).sort();
}
function base() {
  return db.from('rt_users').select('username');
}

describe('comparison operators', () => {
  it('eq neq gt gte lt lte', async () => {
    expect(await names((q) => q.eq('age', 30))).toEqual(['supabot']);
    expect(await names((q) => q.neq('status', 'ONLINE'))).toEqual(['kiwicopple']);
    expect(await names((q) => q.gt('age', 30))).toEqual(['dragarcia']);
    expect(await names((q) => q.gte('age', 30))).toEqual(['dragarcia', 'supabot']);
    expect(await names((q) => q.lt('age', 30))).toEqual(['kiwicopple']);
    expect(await names((q) => q.lte('age', 30))).toEqual(['kiwicopple', 'supabot']);
  });

  it('like ilike (with * as %) match imatch', async () => {
    expect(await names((q) => q.like('username', '%bot'))).toEqual(['supabot']);
    expect(await names((q) => q.like('username', '*ar*'))).toEqual(['dragarcia']);
    expect(await names((q) => q.ilike('username', 'SUPA%'))).toEqual(['supabot']);
    expect(await names((q) => q.match({ status: 'OFFLINE' }))).toEqual(['kiwicopple']);
    expect(await names((q) => q.filter('username', 'match', '^[ks]'))).toEqual(['kiwicopple', 'supabot']);
    expect(await names((q) => q.filter('username', 'imatch', '^[KS]'))).toEqual(['kiwicopple', 'supabot']);
  });

  it('in with quoted values, is, isdistinct', async () => {
    expect(await names((q) => q.in('username', ['supabot', 'awailas', 'a,b(c)']))).toEqual(['awailas', 'supabot']);
    expect(await names((q) => q.in('username', []))).toEqual([]);
    expect(await names((q) => q.is('age', null))).toEqual(['awailas']);
    expect(await names((q) => q.not('age', 'is', null))).toEqual(['dragarcia', 'kiwicopple', 'supabot']);
    expect(await names((q) => q.filter('age', 'isdistinct', '30'))).toEqual(['awailas', 'dragarcia', 'kiwicopple']);
  });

  it('quantifiers any/all', async () => {
    expect(await names((q) => q.likeAnyOf('username', ['sup%', 'kiwi%']))).toEqual(['kiwicopple', 'supabot']);
    expect(await names((q) => q.likeAllOf('username', ['%a%', '%c%']))).toEqual(['dragarcia']);
    expect(await names((q) => q.filter('age', 'gt(any)', '{35,100}'))).toEqual(['dragarcia']);
    expect(await names((q) => q.filter('username', 'eq(any)', '{supabot,awailas}'))).toEqual(['awailas', 'supabot']);
  });
});

describe('arrays, json, ranges, full text', () => {
  it('cs cd ov on arrays and jsonb', async () => {
    expect(await names((q) => q.contains('tags', ['cat']))).toEqual(['dragarcia', 'supabot']);
    expect(await names((q) => q.containedBy('tags', ['cat', 'dog']))).toEqual(['awailas', 'kiwicopple', 'supabot']);
    expect(await names((q) => q.overlaps('tags', ['bird', 'dog']))).toEqual(['dragarcia', 'kiwicopple', 'supabot']);
    expect(await names((q) => q.contains('data', { foo: { bar: 'baz' } }))).toEqual(['supabot']);
  });

  it('range operators sl sr nxr nxl adj ov', async () => {
    expect(await names((q) => q.rangeLt('age_range', '[15,20)'))).toEqual(['dragarcia', 'supabot']);
    expect(await names((q) => q.rangeGt('age_range', '[1,5)'))).toEqual(['dragarcia', 'kiwicopple']);
    expect(await names((q) => q.rangeLte('age_range', '[1,12)'))).toEqual(['supabot']);
    expect(await names((q) => q.rangeGte('age_range', '[5,6)'))).toEqual(['dragarcia', 'kiwicopple']);
    expect(await names((q) => q.rangeAdjacent('age_range', '[10,20)'))).toEqual(['kiwicopple', 'supabot']);
    expect(await names((q) => q.overlaps('age_range', '[8,12)'))).toEqual(['dragarcia', 'supabot']);
  });

  it('fts plfts phfts wfts, with and without config, on tsvector and text columns', async () => {
    expect(await names((q) => q.textSearch('bio_tsv', 'cats', { config: 'english' }))).toEqual(['awailas', 'supabot']);
    expect(await names((q) => q.textSearch('bio', 'cats & robots', { config: 'english' }))).toEqual([
      'awailas',
      'supabot',
    ]);
    expect(await names((q) => q.textSearch('bio', 'singing cats', { type: 'plain', config: 'english' }))).toEqual([
      'awailas',
    ]);
    expect(await names((q) => q.textSearch('bio', 'friendly robot', { type: 'phrase', config: 'english' }))).toEqual([
      'supabot',
    ]);
    expect(
      await names((q) => q.textSearch('bio', 'robots -dancing', { type: 'websearch', config: 'english' })),
    ).toEqual(['supabot']);
  });

  it('filters on json paths', async () => {
    expect(await names((q) => q.eq('data->foo->>bar', 'qux'))).toEqual(['kiwicopple']);
    expect(await names((q) => q.gt('data->age', 26))).toEqual(['dragarcia', 'supabot']);
  });
});

describe('not, or, and', () => {
  it('not. prefix negates any operator', async () => {
    expect(await names((q) => q.not('username', 'in', '(supabot,awailas)'))).toEqual(['dragarcia', 'kiwicopple']);
    expect(await names((q) => q.not('tags', 'cs', '{cat}'))).toEqual(['awailas', 'kiwicopple']);
  });

  it('or with nested and / not.and', async () => {
    expect(await names((q) => q.or('age.gt.35,and(status.eq.OFFLINE,tags.cs.{dog})'))).toEqual([
      'dragarcia',
      'kiwicopple',
    ]);
    expect(await names((q) => q.or('username.eq.awailas,not.and(age.lt.35,status.eq.ONLINE)'))).toEqual([
      'awailas',
      'dragarcia',
      'kiwicopple',
    ]);
    expect(await names((q) => q.or('username.in.("supabot","awailas"),bio.ilike."*code*"'))).toEqual([
      'awailas',
      'kiwicopple',
      'supabot',
    ]);
  });

  it('and= and not.or= trees arrive as raw params', async () => {
    const res = await fetch(
      `${stackInfo().url}/rest/v1/rt_users?select=username&not.or=(age.gt.26,age.is.null)&and=(status.eq.OFFLINE)`,
      {
        headers: { apikey: stackInfo().anonKey },
      },
    );
    expect(await res.json()).toEqual([{ username: 'kiwicopple' }]);
  });
});

describe('filter values are data, never SQL', () => {
  it('quotes, semicolons and comments in values match nothing and change nothing', async () => {
    const before = await adminQuery('select count(*)::int as n from public.rt_users');
    for (const v of ["x'; drop table rt_users; --", 'x") or true --', "%' or 1=1 --"]) {
      expect(await names((q) => q.eq('username', v))).toEqual([]);
      expect(await names((q) => q.like('username', v))).toEqual([]);
      expect(await names((q) => q.in('username', [v]))).toEqual([]);
    }
    const after = await adminQuery('select count(*)::int as n from public.rt_users');
    expect(after).toEqual(before);
  });

  it('hostile identifiers are quoted: they are unknown columns, not SQL', async () => {
    const bad = await db.from('rt_users').select('username').eq('username"; drop table rt_users; --', 'x');
    expect(bad.status).toBe(400);
    expect(bad.error?.code).toBe('PGRST100');
    const spaced = await db.from('rt_users').select('username').eq('username or 1', 'x');
    expect(spaced.status).toBe(400);
    expect(spaced.error?.code).toBe('42703');
    const { error: castError, status: castStatus } = await db.from('rt_users').select('age::int union select 1');
    expect(castStatus).toBe(400);
    expect(castError?.code).toMatch(/^(PGRST100|42704)$/);
    expect((await adminQuery('select count(*)::int as n from public.rt_users'))[0].n).toBe(4);
  });
});
