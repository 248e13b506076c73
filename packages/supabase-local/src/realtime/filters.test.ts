import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, matches, parseFilter } from './filters';

const types = new Map([
  ['id', 'int8'],
  ['label', 'text'],
  ['done', 'bool'],
  ['at', 'timestamptz'],
]);
const row = (values: Record<string, string | null>) => new Map(Object.entries(values));
const check = (filter: string, values: Record<string, string | null>) =>
  matches(parseFilter(filter), row(values), types);

describe('postgres_changes filters', () => {
  it('parses the grammar realtime-js emits, quoting included', () => {
    expect(parseFilter('id=eq.5')).toEqual([{ column: 'id', op: 'eq', negate: false, value: '5' }]);
    expect(parseFilter('label=in.(a,"b,c","say \\"hi\\"")')[0].value).toEqual(['a', 'b,c', 'say "hi"']);
    expect(parseFilter('label=not.like.x%,id=gt.1')).toHaveLength(2);
    expect(parseFilter('label=is.null')[0]).toMatchObject({ op: 'is', value: 'null' });
    expect(() => parseFilter('id=between.1')).toThrow(FilterSyntaxError);
    expect(() => parseFilter('id')).toThrow(FilterSyntaxError);
    expect(() => parseFilter('label=in.(a,b')).toThrow(FilterSyntaxError);
  });

  it('compares by column type with SQL NULL semantics', () => {
    expect(check('id=gt.9', { id: '10' })).toBe(true); // numeric, not lexical
    expect(check('id=lt.9', { id: '10' })).toBe(false);
    expect(check('id=eq.5,id=lt.3', { id: '5' })).toBe(false);
    expect(check('label=neq.a', { label: null })).toBe(false);
    expect(check('label=isdistinct.a', { label: null })).toBe(true);
    expect(check('label=is.null', { label: null })).toBe(true);
    expect(check('done=is.true', { done: 'true' })).toBe(true);
    expect(check('done=eq.t', { done: 'true' })).toBe(true);
    expect(check('label=like.Dr%', { label: 'Dragon' })).toBe(true);
    expect(check('label=ilike.dr_gon', { label: 'Dragon' })).toBe(true);
    expect(check('label=match.^Dra', { label: 'Dragon' })).toBe(true);
    expect(check('label=imatch.^dra', { label: 'Dragon' })).toBe(true);
    expect(check('label=not.in.(x,y)', { label: 'z' })).toBe(true);
    expect(check('at=gt.2026-01-01T00:00:00Z', { at: '2026-01-01 10:00:00+00' })).toBe(true);
    // A column the decoded row does not carry (DELETE without REPLICA IDENTITY FULL) never matches.
    expect(check('label=eq.a', { id: '1' })).toBe(false);
  });
});
