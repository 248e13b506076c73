import { describe, expect, it } from 'vitest';
import { FuzzySet, fuzzyBest, fuzzyMatches } from './fuzzy';

// PostgREST's noRpcHint doctests (Error.hs): names need a score of 0.75, parameter lists 0.33.

describe('FuzzySet', () => {
  it('suggests close function names only', () => {
    const names = new FuzzySet(['test', 'another']);
    expect(names.best('testt', 0.75)).toBe('test');
    expect(names.best('other', 0.75)).toBeUndefined();
    expect(names.best('noclosealternative', 0.75)).toBeUndefined();
    expect(names.best('TEST', 0.75)).toBe('test');
  });

  it('suggests the closest parameter list', () => {
    const lists = new FuzzySet(['(name, param, val)', '(attr, id)']);
    expect(lists.best('(nam, pqaram, vall)', 0.33)).toBe('(name, param, val)');
    expect(lists.best('(param, val)', 0.33)).toBe('(name, param, val)');
    expect(lists.best('(attrs, id)', 0.33)).toBe('(attr, id)');
    expect(lists.best('(id)', 0.33)).toBe('(attr, id)');
    expect(lists.best('(noclosealternative)', 0.33)).toBeUndefined();
  });
});

describe('fuzzy set (PostgREST "Perhaps you meant" hints)', () => {
  it('an exact (case-insensitive) match scores 1 and hides the rest', () => {
    expect(fuzzyMatches(['Users', 'user_profiles'], 'users')).toEqual([[1, 'Users']]);
  });

  it('close names win; nothing sharing n-grams gives no suggestion', () => {
    expect(fuzzyBest(['rs_authors', 'rs_reviews', 'rs_tags'], 'rs_author')).toBe('rs_authors');
    expect(fuzzyBest(['films', 'directors'], 'film')).toBe('films');
    expect(fuzzyBest(['films', 'directors'], 'zzz')).toBeUndefined();
  });

  it('drops matches below a similarity of 0.33', () => {
    expect(fuzzyMatches(['abcdefghij'], 'abxxxxxxxx')).toEqual([]);
  });
});
