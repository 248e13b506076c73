import { describe, expect, it } from 'vitest';
import { RestError } from './errors';
import { parseLogic, parseOrder, parseQuery, parseSelect, splitQuery } from './parse-query';
import { castType, ident, pgArrayLiteral } from './sql';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof RestError) return err.body.code;
    throw err;
  }
  return undefined;
}

describe('splitQuery', () => {
  it('decodes percent-encoding and + as space, ignores params without =', () => {
    expect(splitQuery('a=b%2Cc&x+y=1+2&flag&e=')).toEqual([
      ['a', 'b,c'],
      ['x y', '1 2'],
      ['e', ''],
    ]);
  });
  it('rejects broken percent-encoding with PGRST100', () => {
    expect(codeOf(() => splitQuery('a=%E0%A4%A'))).toBe('PGRST100');
  });
});

describe('parseSelect', () => {
  it('columns, aliases, casts and json paths', () => {
    expect(parseSelect('id,msg:message,data->foo->>bar,created_at::text,n:data->a->0::int')).toEqual([
      { type: 'column', field: { name: 'id', json: [] }, alias: undefined, cast: undefined },
      { type: 'column', field: { name: 'message', json: [] }, alias: 'msg', cast: undefined },
      {
        type: 'column',
        field: {
          name: 'data',
          json: [
            { arrow: '->', key: 'foo', isIndex: false },
            { arrow: '->>', key: 'bar', isIndex: false },
          ],
        },
        alias: undefined,
        cast: undefined,
      },
      { type: 'column', field: { name: 'created_at', json: [] }, alias: undefined, cast: 'text' },
      {
        type: 'column',
        field: {
          name: 'data',
          json: [
            { arrow: '->', key: 'a', isIndex: false },
            { arrow: '->', key: '0', isIndex: true },
          ],
        },
        alias: 'n',
        cast: 'int',
      },
    ]);
  });

  it('embeds with hints, join types in either order, spreads and empty embeds', () => {
    const [a, b, c, d] = parseSelect(
      'user:users!messages_username_fkey!inner(username),channels!left!fk(*),...details(d),x()',
    );
    expect(a).toMatchObject({
      type: 'embed',
      name: 'users',
      alias: 'user',
      hint: 'messages_username_fkey',
      join: 'inner',
      spread: false,
    });
    expect(b).toMatchObject({ type: 'embed', name: 'channels', hint: 'fk', join: 'left', select: [{ type: 'star' }] });
    expect(c).toMatchObject({ type: 'embed', name: 'details', spread: true });
    expect(d).toMatchObject({ type: 'embed', name: 'x', select: [] });
  });

  it('quoted identifiers and dashes not starting an arrow', () => {
    expect(parseSelect('"my col",a-b')).toMatchObject([{ field: { name: 'my col' } }, { field: { name: 'a-b' } }]);
  });

  it('aggregates with aliases and casts before and after; count is never a relation', () => {
    expect(parseSelect('count(),n:count()::text,total:amount::int.sum()::text,id.max(),x.avg()')).toEqual([
      {
        type: 'column',
        field: { name: '*', json: [] },
        alias: undefined,
        aggregate: 'count',
        aggregateCast: undefined,
      },
      { type: 'column', field: { name: '*', json: [] }, alias: 'n', aggregate: 'count', aggregateCast: 'text' },
      {
        type: 'column',
        field: { name: 'amount', json: [] },
        alias: 'total',
        cast: 'int',
        aggregate: 'sum',
        aggregateCast: 'text',
      },
      { type: 'column', field: { name: 'id', json: [] }, aggregate: 'max' },
      { type: 'column', field: { name: 'x', json: [] }, aggregate: 'avg' },
    ]);
    // `count` without `()` is a plain column (Postgres then reads `t.count` as count(t)).
    expect(parseSelect('rel(count)')).toMatchObject([
      { type: 'embed', select: [{ type: 'column', field: { name: 'count' } }] },
    ]);
  });

  it('broken grammar answers PGRST100', () => {
    for (const bad of [
      'id,',
      'rel(id',
      'a::',
      'a;b',
      '...x',
      'count(*)',
      'id.foo()',
      'id.sum',
      '*!hint',
      'a:...rel(*)',
    ])
      expect(codeOf(() => parseSelect(bad))).toBe('PGRST100');
  });
});

describe('filters', () => {
  it('value is everything after the operator; like maps * to %', () => {
    const q = parseQuery('name=like.*a.b*&age=not.gte.3&tags=cs.{a,b}');
    expect(q.filters.map((f) => f.filter)).toEqual([
      { field: { name: 'name', json: [] }, negate: false, op: 'like', quantifier: undefined, value: '%a.b%' },
      { field: { name: 'age', json: [] }, negate: true, op: 'gte', quantifier: undefined, value: '3' },
      { field: { name: 'tags', json: [] }, negate: false, op: 'cs', quantifier: undefined, value: '{a,b}' },
    ]);
  });

  it('in lists with quotes and escapes, is, fts config, quantifiers, embedded paths', () => {
    const q = parseQuery('a=in.(1,"x,y","q\\"uote")&b=is.NULL&c=fts(english).cat&d=like(any).{a*,b}&users.name=eq.x');
    expect(q.filters[0].filter).toMatchObject({ op: 'in', values: ['1', 'x,y', 'q"uote'] });
    expect(q.filters[1].filter).toMatchObject({ op: 'is', value: 'null' });
    expect(q.filters[2].filter).toMatchObject({ op: 'fts', config: 'english', value: 'cat' });
    expect(q.filters[3].filter).toMatchObject({ op: 'like', quantifier: 'any', value: '{a%,b}' });
    expect(q.filters[4]).toMatchObject({ path: ['users'], filter: { field: { name: 'name' }, op: 'eq', value: 'x' } });
  });

  it('unknown operators and bad is values answer PGRST100', () => {
    expect(codeOf(() => parseQuery('a=foo.1'))).toBe('PGRST100');
    expect(codeOf(() => parseQuery('a=eq'))).toBe('PGRST100');
    expect(codeOf(() => parseQuery('a=is.maybe'))).toBe('PGRST100');
    expect(codeOf(() => parseQuery('a=in.1,2'))).toBe('PGRST100');
    expect(codeOf(() => parseQuery('a=fts(any).x'))).toBeUndefined();
  });
});

describe('logic trees', () => {
  it('nests and/or/not with quoted and array values', () => {
    expect(parseLogic('or', false, '(a.eq.1,not.and(b.gt.2,c.in.(1,2)),d.eq."x,y",e.cs.{1,2})')).toEqual({
      type: 'logic',
      op: 'or',
      negate: false,
      children: [
        {
          type: 'filter',
          filter: { field: { name: 'a', json: [] }, negate: false, op: 'eq', quantifier: undefined, value: '1' },
        },
        {
          type: 'logic',
          op: 'and',
          negate: true,
          children: [
            {
              type: 'filter',
              filter: { field: { name: 'b', json: [] }, negate: false, op: 'gt', quantifier: undefined, value: '2' },
            },
            { type: 'filter', filter: { field: { name: 'c', json: [] }, negate: false, op: 'in', values: ['1', '2'] } },
          ],
        },
        {
          type: 'filter',
          filter: { field: { name: 'd', json: [] }, negate: false, op: 'eq', quantifier: undefined, value: 'x,y' },
        },
        {
          type: 'filter',
          filter: { field: { name: 'e', json: [] }, negate: false, op: 'cs', quantifier: undefined, value: '{1,2}' },
        },
      ],
    });
  });

  it('not.or= keys negate; embedded paths address embeds', () => {
    const q = parseQuery('not.or=(a.eq.1)&users.and=(b.eq.2)');
    expect(q.logic[0]).toMatchObject({ path: [], tree: { op: 'or', negate: true } });
    expect(q.logic[1]).toMatchObject({ path: ['users'], tree: { op: 'and', negate: false } });
  });

  it('broken trees answer PGRST100', () => {
    for (const bad of ['(a.eq.1', 'a.eq.1', '(a.zz.1)', '()'])
      expect(codeOf(() => parseLogic('or', false, bad))).toBe('PGRST100');
  });
});

describe('order, limit, offset, columns, on_conflict', () => {
  it('parses order terms with json paths and related columns', () => {
    expect(parseOrder('a.desc.nullslast,data->>x.asc,users(name).desc,b')).toEqual([
      { field: { name: 'a', json: [] }, relation: undefined, direction: 'desc', nulls: 'last' },
      {
        field: { name: 'data', json: [{ arrow: '->>', key: 'x', isIndex: false }] },
        relation: undefined,
        direction: 'asc',
      },
      { field: { name: 'name', json: [] }, relation: 'users', direction: 'desc' },
      { field: { name: 'b', json: [] }, relation: undefined },
    ]);
    expect(codeOf(() => parseOrder('a.sideways'))).toBe('PGRST100');
  });

  it('ranges per path, columns and on_conflict lists', () => {
    const q = parseQuery('limit=5&offset=10&users.limit=1&columns="a","b c"&on_conflict=x,y');
    expect(q.ranges).toEqual([
      { path: [], limit: 5, offset: 10 },
      { path: ['users'], limit: 1 },
    ]);
    expect(q.columns).toEqual(['a', 'b c']);
    expect(q.onConflict).toEqual(['x', 'y']);
    expect(codeOf(() => parseQuery('limit=-1'))).toBe('PGRST100');
  });

  it('rpc GET: values without an operator are arguments, the rest filters (PostgREST NoOpExpr)', () => {
    const q = parseQuery('x=1&arr={1,2}&col=eq.2&name=gt&limit=3', { rpcRead: true });
    expect(q.raw).toEqual([
      ['x', '1'],
      ['arr', '{1,2}'],
      ['name', 'gt'],
    ]);
    expect(q.filters).toHaveLength(1);
    expect(q.ranges).toEqual([{ path: [], limit: 3 }]);
    // A value that starts an operator is malformed, not an argument.
    expect(codeOf(() => parseQuery('x=in.(1', { rpcRead: true }))).toBe('PGRST100');
    expect(codeOf(() => parseQuery('x=not.foo', { rpcRead: true }))).toBe('PGRST100');
    expect(codeOf(() => parseQuery('x=1'))).toBe('PGRST100');
  });
});

describe('sql helpers', () => {
  it('ident doubles quotes; array literals quote every element', () => {
    expect(ident('a"b')).toBe('"a""b"');
    expect(pgArrayLiteral(['a,b', 'c"d', 'e\\f', 'null'])).toBe('{"a,b","c\\"d","e\\\\f","null"}');
  });
  it('casts: keyword types as-is, other names quoted, anything else refused', () => {
    expect(castType('text')).toBe('text');
    expect(castType('double precision')).toBe('double precision');
    expect(castType('int4[]')).toBe('"int4"[]');
    expect(castType('int union select 1')).toBeNull();
  });
});
